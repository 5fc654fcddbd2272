"""Spreadsheets (XLSX through openpyxl, and CSV) of the records and of the secretariat's reports.

A :class:`Sheet` is a header and rows of plain values. The sheets are made from what the services
return, in a language chosen per export (headers, labels, place names; stored content is given in
both languages, in a column each). Numbers stay numbers and dates stay dates, so the secretariat
can sum and filter them.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or NUL would be
read by a spreadsheet program as a formula (DESIGN.md 5), so it is written with a leading
apostrophe, in both formats: the apostrophe is visible, but it survives the file being saved
again as CSV. Control characters XML cannot hold are replaced by U+FFFD.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from civicdesk.i18n import translations_for
from civicdesk.i18n.labels import label
from civicdesk.services import actions, attendance, meetings, votes
from civicdesk.services.recommendation_overview import overview

__all__ = [
    "FORMULA_STARTS",
    "Sheet",
    "action_sheet",
    "attendance_sheets",
    "csv_text",
    "escape_formula",
    "recommendation_sheet",
    "record_sheets",
    "vote_sheet",
    "write_csv",
    "write_xlsx",
    "xlsx_bytes",
]

CellValue = str | int | float | dt.date | None

#: What a spreadsheet program may take for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
_ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_COLUMN_WIDTH = 60


@dataclass(frozen=True)
class Sheet:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]


def escape_formula(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it."""
    escaped = "'" + text if text.startswith(FORMULA_STARTS) else text
    return _ILLEGAL_CHARACTERS.sub("\ufffd", escaped)


def _cell(value: CellValue) -> CellValue:
    return escape_formula(value) if isinstance(value, str) else value


# ---------------------------------------------------------------------------------- writing


def _sheet_title(title: str, taken: set[str]) -> str:
    base = " ".join(_SHEET_TITLE_FORBIDDEN.sub(" ", title).split())[:31] or "Sheet"
    candidate, number = base, 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = base[: 31 - len(suffix)] + suffix
    taken.add(candidate.casefold())
    return candidate


def _width(value: CellValue) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).split("\n")), default=0)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook with one worksheet per sheet: bold header row, frozen, with filters."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    for default in list(workbook.worksheets):
        workbook.remove(default)
    taken: set[str] = set()
    for sheet in sheets:
        worksheet = workbook.create_sheet(_sheet_title(sheet.title, taken))
        worksheet.append([_cell(text) for text in sheet.header])
        for row in sheet.rows:
            worksheet.append([_cell(value) for value in row])
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column, name in enumerate(sheet.header, start=1):
            widest = max([_width(name), *(_width(row[column - 1]) for row in sheet.rows)])
            letter = get_column_letter(column)
            worksheet.column_dimensions[letter].width = min(widest + 2, MAX_COLUMN_WIDTH)
            if widest > MAX_COLUMN_WIDTH:
                for (cell,) in worksheet.iter_rows(min_col=column, max_col=column, min_row=2):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        worksheet.freeze_panes = "A2"
        if sheet.header:
            worksheet.auto_filter.ref = worksheet.dimensions
    if not workbook.worksheets:
        workbook.create_sheet("Sheet")
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _csv_value(value: CellValue) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return escape_formula(value) if isinstance(value, str) else value


def csv_text(sheet: Sheet) -> str:
    """The sheet as CSV text (write it as UTF-8 with a byte-order mark, for Excel)."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow([_cell(text) for text in sheet.header])
    for row in sheet.rows:
        writer.writerow([_csv_value(value) for value in row])
    return output.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the destination, then rename over it: no half-written file is left."""
    handle, temporary = tempfile.mkstemp(prefix=".civicdesk-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> Path:
    _write_atomically(path, xlsx_bytes(sheets))
    return path


def write_csv(path: Path, sheets: Sequence[Sheet]) -> list[Path]:
    """One CSV file per sheet: ``path`` itself for one sheet, else ``path`` with the sheet's
    number added to its name (``report-1.csv``, ``report-2.csv``…)."""
    written: list[Path] = []
    for number, sheet in enumerate(sheets, start=1):
        target = path if len(sheets) == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
        _write_atomically(target, csv_text(sheet).encode("utf-8-sig"))
        written.append(target)
    return written


# ---------------------------------------------------------------------------------- records


def _pick(language: str, km: str, en: str) -> str:
    first, second = (km, en) if language == "km" else (en, km)
    return first or second


def recommendation_sheet(session: Session, language: str) -> Sheet:
    """Every recommendation, districts' and consolidated, with its vote and joint list."""
    t = translations_for(language)
    header = (
        t.gettext("Code"),
        t.gettext("District"),
        t.gettext("Theme"),
        t.gettext("Status"),
        t.gettext("Responsible level"),
        t.gettext("Recommendation (Khmer)"),
        t.gettext("Recommendation (English)"),
        t.gettext("Revisions"),
        t.gettext("Vote"),
        t.gettext("SNA in favour"),
        t.gettext("SNA against"),
        t.gettext("SNA abstaining"),
        t.gettext("Civil society in favour"),
        t.gettext("Civil society against"),
        t.gettext("Civil society abstaining"),
        t.gettext("Outcome"),
        t.gettext("Joint list"),
        t.gettext("Findings answered"),
        t.gettext("Consolidated into"),
        t.gettext("Sources"),
    )
    rows = []
    for row in overview(session):
        vote = row.vote
        rows.append(
            (
                row.code,
                row.place_name(language),
                label(row.theme, language),
                label(row.status, language),
                label(row.responsible_level, language),
                row.text_km,
                row.text_en,
                row.revision_count,
                label(vote.method, language) if vote else None,
                vote.sna.yes if vote else None,
                vote.sna.no if vote else None,
                vote.sna.abstain if vote else None,
                vote.civil_society.yes if vote else None,
                vote.civil_society.no if vote else None,
                vote.civil_society.abstain if vote else None,
                label(vote.outcome, language) if vote else None,
                label(row.joint_list_status, language) if row.joint_list_status else None,
                len(row.findings),
                ", ".join(link.code for link in row.consolidated_into),
                ", ".join(link.code for link in row.sources),
            )
        )
    return Sheet(t.gettext("Recommendations"), header, tuple(rows))


def vote_sheet(session: Session, language: str) -> Sheet:
    """Every vote, re-votes included (a superseded vote is marked)."""
    t = translations_for(language)
    summaries = {m.id: m for m in meetings.list_meetings(session)}
    codes = {row.id: row.code for row in overview(session)}
    header = (
        t.gettext("Date"),
        t.gettext("Meeting"),
        t.gettext("Recommendation"),
        t.gettext("Method"),
        t.gettext("Rule"),
        t.gettext("SNA in favour"),
        t.gettext("SNA against"),
        t.gettext("SNA abstaining"),
        t.gettext("Civil society in favour"),
        t.gettext("Civil society against"),
        t.gettext("Civil society abstaining"),
        t.gettext("Objection"),
        t.gettext("Outcome"),
        t.gettext("Superseded by a re-vote"),
        t.gettext("Note"),
    )
    rows = []
    for vote in votes.votes(session):
        meeting = summaries.get(vote.meeting_id)
        rows.append(
            (
                meeting.meeting_date if meeting else None,
                meeting.title(language) if meeting else "",
                codes.get(vote.recommendation_id, ""),
                label(vote.method, language),
                label(vote.rule, language),
                vote.tally.sna.yes,
                vote.tally.sna.no,
                vote.tally.sna.abstain,
                vote.tally.civil_society.yes,
                vote.tally.civil_society.no,
                vote.tally.civil_society.abstain,
                vote.objection,
                label(vote.outcome, language),
                t.gettext("Yes") if vote.superseded else t.gettext("No"),
                vote.note,
            )
        )
    return Sheet(t.gettext("Votes"), header, tuple(rows))


def attendance_sheets(session: Session, language: str) -> list[Sheet]:
    """Named attendance of every meeting, and the anonymous headcounts."""
    t = translations_for(language)
    named_header = (
        t.gettext("Date"),
        t.gettext("Meeting"),
        t.gettext("Kind of meeting"),
        t.gettext("Place"),
        t.gettext("Name (Khmer)"),
        t.gettext("Name (Latin letters)"),
        t.gettext("Sex"),
        t.gettext("Position"),
        t.gettext("Organisation"),
        t.gettext("Role"),
        t.gettext("Side"),
        t.gettext("Votes"),
        t.gettext("Attendance"),
        t.gettext("Reason for absence"),
    )
    count_header = (
        t.gettext("Date"),
        t.gettext("Meeting"),
        t.gettext("Kind of meeting"),
        t.gettext("Place"),
        t.gettext("Group"),
        t.gettext("Side"),
        t.gettext("Women"),
        t.gettext("Men"),
        t.gettext("Total"),
    )
    named, counted = [], []
    for meeting in meetings.list_meetings(session):
        place = _pick(language, meeting.place_name_km, meeting.place_name_en)
        common = (
            meeting.meeting_date,
            meeting.title(language),
            label(meeting.kind, language),
            place,
        )
        for person in attendance.attendance_list(session, meeting.id):
            named.append(
                (
                    *common,
                    person.name_km,
                    person.name_latin,
                    label(person.sex, language),
                    _pick(language, person.position, person.position_en),
                    _pick(language, person.organisation_name_km, person.organisation_name_en),
                    label(person.role, language),
                    label(person.side, language),
                    t.gettext("Yes") if person.may_vote else t.gettext("No"),
                    label(person.status, language),
                    _pick(language, person.absence_reason, person.absence_reason_en),
                )
            )
        for group in attendance.headcounts(session, meeting.id):
            counted.append(
                (
                    *common,
                    _pick(language, group.group_km, group.group_en),
                    label(group.side, language),
                    group.women,
                    group.men,
                    group.women + group.men,
                )
            )
    return [
        Sheet(t.gettext("Attendance"), named_header, tuple(named)),
        Sheet(t.gettext("Headcounts"), count_header, tuple(counted)),
    ]


def action_sheet(session: Session, language: str, as_of: dt.date | None = None) -> Sheet:
    """Every action of every plan with its latest progress; overdue on ``as_of`` (today)."""
    t = translations_for(language)
    today = as_of or dt.date.today()
    summaries = {m.id: m for m in meetings.list_meetings(session)}
    header = (
        t.gettext("Meeting date"),
        t.gettext("Place"),
        t.gettext("No."),
        t.gettext("Recommendation"),
        t.gettext("Action (Khmer)"),
        t.gettext("Action (English)"),
        t.gettext("Responsible office"),
        t.gettext("CSO partner"),
        t.gettext("Start"),
        t.gettext("Due"),
        t.gettext("Resources"),
        t.gettext("Indicator"),
        t.gettext("Status"),
        t.gettext("Progress (%)"),
        t.gettext("Overdue"),
    )
    rows = []
    for action in actions.actions(session):
        plan = action.plan
        meeting = summaries.get(action.meeting_id)
        rows.append(
            (
                meeting.meeting_date if meeting else None,
                _pick(language, meeting.place_name_km, meeting.place_name_en) if meeting else "",
                action.position,
                action.recommendation_code,
                plan.description_km,
                plan.description_en,
                _pick(language, plan.responsible_office_km, plan.responsible_office_en),
                _pick(language, action.cso_partner_name_km, action.cso_partner_name_en),
                plan.start_date,
                plan.due_date,
                _pick(language, plan.resources_km, plan.resources_en),
                _pick(language, plan.indicator_km, plan.indicator_en),
                label(action.status, language),
                action.progress_percent,
                t.gettext("Yes") if action.overdue(today) else t.gettext("No"),
            )
        )
    return Sheet(t.gettext("Actions"), header, tuple(rows))


def record_sheets(session: Session, language: str, as_of: dt.date | None = None) -> list[Sheet]:
    """Recommendations, votes, attendance, headcounts and actions: one workbook's worth."""
    return [
        recommendation_sheet(session, language),
        vote_sheet(session, language),
        *attendance_sheets(session, language),
        action_sheet(session, language, as_of),
    ]
