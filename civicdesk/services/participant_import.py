"""Importing a participant list (CSV or XLSX) into a meeting's attendance.

Three steps, so that nothing is written until a person has seen what will happen:

1. `read_participant_file` reads the file (through `table_files`, which refuses unsafe
   workbooks) and checks it, without the database: the good rows, and each bad row with its
   number (as a spreadsheet shows it) and the reason, in the UI language.
2. `plan_import` says, reading only, what each good row will do: which known person or
   organisation it is, or that a new one will be created, or that the person is already listed.
3. `import_participants` does it, in the caller's one transaction: all rows or none.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number, latin_digits
from civicdesk.i18n.labels import choices
from civicdesk.i18n.text import contains_bidi_controls, search_key
from civicdesk.models import Attendance, Meeting, Organisation, Person
from civicdesk.models.enums import AttendanceStatus, OrganisationKind, Sex, Side
from civicdesk.services import attendance, people
from civicdesk.services.base import get, service
from civicdesk.services.errors import DomainError, ValidationError
from civicdesk.services.table_files import (
    MAX_ROWS,
    ImportFileError,
    cell_text,
    read_table,
    too_many_rows,
)

__all__ = [
    "ImportCancelled",
    "ImportFileError",
    "ImportReport",
    "ParticipantList",
    "ParticipantRow",
    "PlannedRow",
    "RowError",
    "import_participants",
    "parse_table",
    "plan_import",
    "read_participant_file",
]

MAX_NAME_LENGTH = 200

# The same pattern `people.create_person` checks, so a row accepted here is accepted there.
_PHONE = people.PHONE_PATTERN
_KHMER_LETTER = re.compile("[\u1780-\u17ff]")


class ImportCancelled(DomainError):
    """The person stopped the import; the transaction is rolled back."""


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class ParticipantRow:
    """One good row of the file, cleaned and checked."""

    row: int
    name_km: str
    name_latin: str
    sex: Sex
    organisation: str = ""
    organisation_kind: OrganisationKind | None = None
    position: str = ""
    position_en: str = ""
    side: Side | None = None
    phone: str = ""


@dataclass(frozen=True)
class RowError:
    row: int
    reason: str


@dataclass(frozen=True)
class ParticipantList:
    rows: list[ParticipantRow]
    errors: list[RowError]
    #: Column headings the reader did not recognise (their cells are ignored).
    ignored_columns: list[str]


#: Column → the headings that name it, compared by `search_key` (English and Khmer).
_HEADINGS: dict[str, tuple[str, ...]] = {
    "name_km": (
        "name_km",
        "name (khmer)",
        "khmer name",
        "name in khmer",
        "ឈ្មោះ",
        "ឈ្មោះខ្មែរ",
        "ឈ្មោះជាភាសាខ្មែរ",
        "នាម និងគោត្តនាម",
        "គោត្តនាម និងនាម",
    ),
    "name_latin": (
        "name_latin",
        "name",
        "name (latin)",
        "latin name",
        "name in latin letters",
        "english name",
        "ឈ្មោះឡាតាំង",
        "ឈ្មោះជាអក្សរឡាតាំង",
    ),
    "sex": ("sex", "gender", "ភេទ"),
    "organisation": (
        "organisation",
        "organization",
        "organisation name",
        "organization name",
        "អង្គភាព",
        "ស្ថាប័ន",
        "អង្គការ",
        "ស្ថាប័ន/អង្គការ",
    ),
    "organisation_kind": (
        "organisation kind",
        "organization kind",
        "organisation type",
        "organization type",
        "ប្រភេទអង្គភាព",
        "ប្រភេទស្ថាប័ន",
    ),
    "position": ("position", "title", "តួនាទី", "មុខតំណែង"),
    "position_en": ("position_en", "position (english)", "position in english"),
    "side": ("side", "ភាគី"),
    "phone": ("phone", "telephone", "tel", "tel.", "phone number", "ទូរស័ព្ទ", "លេខទូរស័ព្ទ"),
}
_COLUMN_BY_HEADING = {
    search_key(heading): column for column, headings in _HEADINGS.items() for heading in headings
}

_SEX_WORDS: dict[str, Sex] = {
    **dict.fromkeys(["f", "female", "woman", "w", "ស្រី", "ស", "នារី"], Sex.FEMALE),
    **dict.fromkeys(["m", "male", "man", "ប្រុស", "ប", "បុរស"], Sex.MALE),
}
_SIDE_WORDS: dict[str, Side] = {
    **dict.fromkeys(["sna", "administration", "government", "រដ្ឋបាល"], Side.SNA),
    **dict.fromkeys(["cso", "civil society", "ngo", "សង្គមស៊ីវិល"], Side.CIVIL_SOCIETY),
    **dict.fromkeys(["observer", "អ្នកសង្កេតការណ៍"], Side.OBSERVER),
}
_KIND_WORDS: dict[str, OrganisationKind] = {
    "cso": OrganisationKind.CSO,
    "ngo": OrganisationKind.CSO,
    "cbo": OrganisationKind.CBO,
}


def _words(
    extra: dict[str, Any], enum_type: type[Sex] | type[Side] | type[OrganisationKind]
) -> dict[str, Any]:
    """Accepted spellings: the given words, the stored values and the labels in both languages."""
    words = {search_key(word): value for word, value in extra.items()}
    for language in ("en", "km"):
        for member, text in choices(enum_type, language):
            words[search_key(text)] = member
    for member in enum_type:
        words[search_key(str(member.value).replace("_", " "))] = member
        words[search_key(str(member.value))] = member
    return words


def read_participant_file(path: Path) -> ParticipantList:
    """Read and check a CSV or XLSX participant list; refuses (ImportFileError) what it
    cannot read."""
    return parse_table(read_table(path))


def parse_table(cells: Iterable[Sequence[object]]) -> ParticipantList:
    """Check the rows of a table whose first non-empty row names the columns."""
    numbered = [
        (number, [cell_text(value) for value in values])
        for number, values in enumerate(cells, start=1)
    ]
    numbered = [(number, values) for number, values in numbered if any(values)]
    if not numbered:
        raise ImportFileError(_("The file is empty."))
    if len(numbered) > MAX_ROWS + 1:
        raise too_many_rows()
    (_header_number, header), body = numbered[0], numbered[1:]
    columns, ignored = _columns(header)
    rows: list[ParticipantRow] = []
    errors: list[RowError] = []
    first_row_of: dict[tuple[str, str], int] = {}
    words = _RowWords()
    for number, values in body:
        cells_by_column = {
            column: values[index] if index < len(values) else ""
            for index, column in columns.items()
        }
        try:
            row = _row(number, cells_by_column, words)
            key = (search_key(row.name_km), search_key(row.name_latin))
            if key in first_row_of:
                raise ValidationError(
                    _("The same person as on row {row}.").format(
                        row=format_number(first_row_of[key], current_language())
                    )
                )
        except ValidationError as error:
            errors.append(RowError(number, error.message))
            continue
        first_row_of[key] = number
        rows.append(row)
    return ParticipantList(rows, errors, ignored)


def _columns(header: list[str]) -> tuple[dict[int, str], list[str]]:
    columns: dict[int, str] = {}
    ignored: list[str] = []
    for index, heading in enumerate(header):
        column = _COLUMN_BY_HEADING.get(search_key(heading))
        if column is None or column in columns.values():
            if heading:
                ignored.append(heading)
            continue
        columns[index] = column
    found = set(columns.values())
    if not found & {"name_km", "name_latin"} or "sex" not in found:
        raise ImportFileError(
            _(
                "The first row must name the columns, with at least a name and the sex: for "
                "example “Name (Khmer)”, “Name (Latin)”, “Sex”, “Organisation”, “Position”, "
                "“Side”, “Phone”."
            )
        )
    return columns, ignored


class _RowWords:
    """The spellings accepted in the sex, side and organisation kind columns."""

    def __init__(self) -> None:
        self.sex: dict[str, Sex] = _words(_SEX_WORDS, Sex)
        self.side: dict[str, Side] = _words(_SIDE_WORDS, Side)
        self.kind: dict[str, OrganisationKind] = _words(_KIND_WORDS, OrganisationKind)


def _row(number: int, cells: dict[str, str], words: _RowWords) -> ParticipantRow:
    for column, value in cells.items():
        if contains_bidi_controls(value):
            raise ValidationError(
                _("“{column}” contains invisible direction-control characters; retype it.").format(
                    column=_column_label(column)
                )
            )
    name_km, name_latin = _names(cells.get("name_km", ""), cells.get("name_latin", ""))
    if not name_km and not name_latin:
        raise ValidationError(_("No name: write it in Khmer script, in Latin letters, or both."))
    if max(len(name_km), len(name_latin)) > MAX_NAME_LENGTH:
        raise ValidationError(_("The name is too long."))
    sex_text = cells.get("sex", "")
    if not sex_text:
        raise ValidationError(_("The sex is missing: write F or M (ស្រី or ប្រុស)."))
    sex = words.sex.get(search_key(sex_text))
    if sex is None:
        raise ValidationError(
            _("Unknown sex “{value}”: write F or M (ស្រី or ប្រុស).").format(value=sex_text)
        )
    phone = cells.get("phone", "")
    if phone and not _PHONE.match(phone):
        raise ValidationError(_("“{phone}” does not look like a phone number.").format(phone=phone))
    side_text = cells.get("side", "")
    side = words.side.get(search_key(side_text)) if side_text else None
    if side_text and side is None:
        raise ValidationError(_("Unknown side “{value}”.").format(value=side_text))
    kind_text = cells.get("organisation_kind", "")
    kind = words.kind.get(search_key(kind_text)) if kind_text else None
    if kind_text and kind is None:
        raise ValidationError(_("Unknown kind of organisation “{value}”.").format(value=kind_text))
    for column in ("organisation", "position", "position_en"):
        if len(cells.get(column, "")) > MAX_NAME_LENGTH:
            raise ValidationError(_("“{column}” is too long.").format(column=_column_label(column)))
    return ParticipantRow(
        row=number,
        name_km=name_km,
        name_latin=name_latin,
        sex=sex,
        organisation=cells.get("organisation", ""),
        organisation_kind=kind,
        position=cells.get("position", ""),
        position_en=cells.get("position_en", ""),
        side=side,
        phone=latin_digits(phone) if phone else "",
    )


def _names(name_km: str, name_latin: str) -> tuple[str, str]:
    """The names in their right columns: a list with one "Name" column may hold either script."""
    if not name_km and _KHMER_LETTER.search(name_latin):
        return name_latin, ""
    if not name_latin and name_km and not _KHMER_LETTER.search(name_km):
        return "", name_km
    return name_km, name_latin


def _column_label(column: str) -> str:
    return {
        "name_km": _("Name in Khmer"),
        "name_latin": _("Name in Latin letters"),
        "sex": _("Sex"),
        "organisation": _("Organisation"),
        "organisation_kind": _("Kind of organisation"),
        "position": _("Position"),
        "position_en": _("Position in English"),
        "side": _("Side"),
        "phone": _("Phone"),
    }[column]


# ---------------------------------------------------------------------------- planning


@dataclass(frozen=True)
class PlannedRow:
    """What importing one row will do."""

    row: ParticipantRow
    #: The known person this row is, or None for a new person.
    person_id: uuid.UUID | None
    #: The known organisation, or None (a new one is created if the row names one).
    organisation_id: uuid.UUID | None
    new_organisation: bool
    side: Side
    #: The person is already on this meeting's list: the row is skipped.
    already_listed: bool


class _Directory:
    """Known people and organisations, by search key, as one import sees them."""

    def __init__(self, session: Session, meeting_id: uuid.UUID) -> None:
        self.organisations: dict[str, Organisation] = {}
        for organisation in session.scalars(select(Organisation)):
            for name in (organisation.name_km, organisation.name_en, organisation.abbreviation):
                if name:
                    self.organisations.setdefault(search_key(name), organisation)
        self.people = list(session.scalars(select(Person)))
        self.listed = set(
            session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id))
        )

    def organisation(self, name: str) -> Organisation | None:
        return self.organisations.get(search_key(name)) if name else None

    def person(self, row: ParticipantRow, organisation: Organisation | None) -> Person | None:
        """The one known person with the row's names (and organisation, if both have one)."""
        found = [
            person
            for person in self.people
            if _same_name(row.name_km, person.name_km)
            and _same_name(row.name_latin, person.name_latin)
            and (
                organisation is None
                or person.organisation_id is None
                or person.organisation_id == organisation.id
            )
            and (not row.phone or not person.phone or row.phone == latin_digits(person.phone))
        ]
        return found[0] if len(found) == 1 else None


def _same_name(given: str, known: str) -> bool:
    return not given or search_key(given) == search_key(known)


def _kind_for(row: ParticipantRow) -> OrganisationKind:
    if row.organisation_kind is not None:
        return row.organisation_kind
    if row.side is Side.SNA:
        return OrganisationKind.DISTRICT_ADMINISTRATION
    if row.side is Side.OBSERVER:
        return OrganisationKind.DEVELOPMENT_PARTNER
    return OrganisationKind.CSO


def _plan(directory: _Directory, row: ParticipantRow) -> PlannedRow:
    organisation = directory.organisation(row.organisation)
    person = directory.person(row, organisation)
    if organisation is None and person is not None and person.organisation_id is not None:
        organisation = person.organisation
    if row.side is not None:
        side = row.side
    elif organisation is not None:
        side = organisation.side
    elif row.organisation:
        side = _kind_for(row).side
    else:
        side = Side.CIVIL_SOCIETY
    return PlannedRow(
        row=row,
        person_id=person.id if person else None,
        organisation_id=organisation.id if organisation else None,
        new_organisation=organisation is None and bool(row.organisation),
        side=side,
        already_listed=person is not None and person.id in directory.listed,
    )


def plan_import(
    session: Session, meeting_id: uuid.UUID, rows: Sequence[ParticipantRow]
) -> list[PlannedRow]:
    """What importing `rows` into the meeting would do (reads only)."""
    get(session, Meeting, meeting_id, _("meeting"))
    directory = _Directory(session, meeting_id)
    return [_plan(directory, row) for row in rows]


# ---------------------------------------------------------------------------- importing


@dataclass(frozen=True)
class ImportReport:
    listed: int
    new_people: int
    new_organisations: int
    skipped: int


#: Told (done, total) as the import goes; returns False to cancel it.
Progress = Callable[[int, int], bool]


@service("attendance.import")
def import_participants(
    session: Session,
    meeting_id: uuid.UUID,
    rows: Sequence[ParticipantRow],
    *,
    status: AttendanceStatus = AttendanceStatus.PRESENT,
    progress: Progress | None = None,
) -> ImportReport:
    """Sign in (or invite) everyone in `rows`, creating the people and organisations not yet
    known. People already on the meeting's list are skipped. Raises ImportCancelled if
    `progress` says stop: the caller's transaction then writes nothing."""
    if status is AttendanceStatus.ABSENT:
        raise ValidationError(_("Import people as present or as invited."), field="status")
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    directory = _Directory(session, meeting.id)
    new_people = new_organisations = skipped = 0
    created_organisations: dict[str, uuid.UUID] = {}
    for done, row in enumerate(rows):
        if progress is not None and not progress(done, len(rows)):
            raise ImportCancelled(_("The import was cancelled; nothing was imported."))
        planned = _plan(directory, row)
        if planned.already_listed:
            skipped += 1
            continue
        organisation_id = planned.organisation_id
        if planned.new_organisation:
            key = search_key(row.organisation)
            if key not in created_organisations:
                created_organisations[key] = _create_organisation(session, row)
                new_organisations += 1
            organisation_id = created_organisations[key]
        person_id = planned.person_id
        if person_id is None:
            person_id = people.create_person(
                session,
                name_km=row.name_km,
                name_latin=row.name_latin,
                sex=row.sex,
                position=row.position,
                position_en=row.position_en,
                organisation_id=organisation_id,
                phone=row.phone,
            )
            new_people += 1
        if status is AttendanceStatus.INVITED:
            attendance.invite(session, meeting.id, person_id, side=planned.side)
        else:
            attendance.sign_in(session, meeting.id, person_id, side=planned.side)
        directory.listed.add(person_id)
    if progress is not None and not progress(len(rows), len(rows)):
        raise ImportCancelled(_("The import was cancelled; nothing was imported."))
    return ImportReport(
        listed=len(rows) - skipped,
        new_people=new_people,
        new_organisations=new_organisations,
        skipped=skipped,
    )


def _create_organisation(session: Session, row: ParticipantRow) -> uuid.UUID:
    in_khmer = bool(_KHMER_LETTER.search(row.organisation))
    kind = _kind_for(row)
    return people.create_organisation(
        session,
        name_km=row.organisation if in_khmer else "",
        name_en="" if in_khmer else row.organisation,
        kind=kind,
        side=row.side or kind.side,
    )
