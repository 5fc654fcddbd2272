"""Importing a participant list: reading and checking CSV and XLSX files row by row, refusing
unsafe workbooks, planning, and importing all rows or none."""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from civicdesk.i18n import set_language
from civicdesk.models import Attendance, Organisation, Person
from civicdesk.models.enums import AttendanceStatus, OrganisationKind, Sex, Side
from civicdesk.services import LockedError, NotFoundError, ValidationError, attendance, meetings
from civicdesk.services.integrity import verify_audit
from civicdesk.services.participant_import import (
    ImportCancelled,
    ImportFileError,
    ParticipantRow,
    import_participants,
    parse_table,
    plan_import,
    read_participant_file,
)
from civicdesk.services.table_files import read_csv

HEADER = ["Name (Khmer)", "Name (Latin)", "Sex", "Organisation", "Position", "Side", "Phone"]
GOOD_ROWS = [
    ["សុខ ចាន់ធី", "Sok Chanthy", "F", "Bavel District Administration", "Deputy Governor", "", ""],
    ["កែវ សុផល", "Keo Sophal", "ប្រុស", "Youth Network Bavel", "Coordinator", "CSO", "097 555 1234"],
    ["", "Mao Sreymom", "female", "", "", "", ""],
]


def _csv(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "list.xlsx") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def _count(database, model) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


# ---------------------------------------------------------------------------- reading


def test_csv_rows_are_read_and_cleaned(tmp_path) -> None:
    path = _write(tmp_path, "list.csv", _csv([HEADER, *GOOD_ROWS]))
    parsed = read_participant_file(path)
    assert parsed.errors == []
    assert [(r.row, r.name_latin, r.sex) for r in parsed.rows] == [
        (2, "Sok Chanthy", Sex.FEMALE),
        (3, "Keo Sophal", Sex.MALE),
        (4, "Mao Sreymom", Sex.FEMALE),
    ]
    assert parsed.rows[1].side is Side.CIVIL_SOCIETY
    assert parsed.rows[1].phone == "097 555 1234"
    assert parsed.rows[0].side is None


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "utf-8"), ("\t", "utf-16"), (",", "utf-8-sig")]
)
def test_csv_delimiters_and_encodings_excel_writes(tmp_path, delimiter, encoding) -> None:
    data = _csv([HEADER, *GOOD_ROWS], delimiter=delimiter, encoding=encoding)
    parsed = parse_table(read_csv(data))
    assert [r.name_km for r in parsed.rows] == ["សុខ ចាន់ធី", "កែវ សុផល", ""]


def test_khmer_headings_and_a_single_name_column_in_either_script() -> None:
    parsed = parse_table(
        [
            ["ឈ្មោះ", "ភេទ", "អង្គភាព", "លេខទូរស័ព្ទ"],
            ["ស្រី ពៅ", "ស្រី", "AS", "០១២ ០០០ ១០១"],
            ["Heng Sophea", "ប្រុស", "AS", ""],
        ]
    )
    assert parsed.errors == []
    first, second = parsed.rows
    assert (first.name_km, first.name_latin) == ("ស្រី ពៅ", "")
    assert (second.name_km, second.name_latin) == ("", "Heng Sophea")
    # Khmer digits are read as the same phone number.
    assert first.phone == "012 000 101"


def test_bad_rows_are_reported_with_their_row_number_and_reason() -> None:
    parsed = parse_table(
        [
            HEADER,
            ["", "", "F", "AS", "", "", ""],  # 2: no name
            ["ស៊ាន", "Sean", "X", "AS", "", "", ""],  # 3: unknown sex
            ["", "Chan Dara", "M", "AS", "", "", "call me"],  # 4: bad phone
            ["", "Dara\u202eevil", "M", "AS", "", "", ""],  # 5: bidi control
            [],  # 6: blank, skipped without complaint
            ["សុខ ចាន់ធី", "Sok Chanthy", "F", "", "", "", ""],  # 7: good
            ["សុខ ចាន់ធី", "sok  chanthy", "F", "", "", "", ""],  # 8: same as 7
            ["", "Lim Nary", "", "", "", "", ""],  # 9: no sex
            ["", "Lim Nary", "F", "", "", "mars", ""],  # 10: unknown side
        ]
    )
    assert [r.row for r in parsed.rows] == [7]
    reasons = {error.row: error.reason for error in parsed.errors}
    assert sorted(reasons) == [2, 3, 4, 5, 8, 9, 10]
    assert "No name" in reasons[2]
    assert "Unknown sex “X”" in reasons[3]
    assert "does not look like a phone number" in reasons[4]
    assert "direction-control" in reasons[5]
    assert "same person as on row 7" in reasons[8]
    assert "sex is missing" in reasons[9]
    assert "Unknown side" in reasons[10]


def test_reasons_are_in_the_ui_language() -> None:
    set_language("km")
    try:
        parsed = parse_table(
            [HEADER, ["", "", "F", "", "", "", ""], ["a", "A", "F"], ["a", "A", "F"]]
        )
    finally:
        set_language("en")
    # Row numbers inside a Khmer message use Khmer digits.
    assert "៣" in parsed.errors[1].reason


def test_a_file_without_a_header_naming_name_and_sex_is_refused() -> None:
    with pytest.raises(ImportFileError, match="first row must name the columns"):
        parse_table([["Sok Chanthy", "F"], ["Srey Pov", "F"]])
    with pytest.raises(ImportFileError, match="empty"):
        parse_table([[], ["", ""]])


def test_unknown_columns_are_named_and_ignored() -> None:
    parsed = parse_table([["Name", "Sex", "Shoe size"], ["Sok", "F", "38"]])
    assert parsed.ignored_columns == ["Shoe size"]
    assert len(parsed.rows) == 1


def test_a_csv_that_is_not_utf8_is_refused_with_advice() -> None:
    with pytest.raises(ImportFileError, match="CSV UTF-8"):
        read_csv("Name,Sex\nSéan,M\n".encode("latin-1"))


def test_other_file_types_are_refused(tmp_path) -> None:
    with pytest.raises(ImportFileError, match=r"\.xls"):
        read_participant_file(_write(tmp_path, "old.xls", b"\xd0\xcf\x11\xe0"))
    with pytest.raises(ImportFileError, match="CSV or XLSX"):
        read_participant_file(_write(tmp_path, "list.pdf", b"%PDF-1.7"))
    with pytest.raises(ImportFileError, match="XLSX workbook"):
        read_participant_file(_write(tmp_path, "fake.xlsx", b"Name,Sex\n"))


def test_xlsx_rows_are_read_with_numbers_as_text(tmp_path) -> None:
    path = _xlsx(
        tmp_path,
        [HEADER, ["ស្រី ពៅ", "Srey Pov", "F", "AS", "Director", "CSO", 12000101], [None] * 7],
    )
    parsed = read_participant_file(path)
    assert parsed.errors == []
    (row,) = parsed.rows
    assert (row.row, row.name_km, row.phone, row.position) == (2, "ស្រី ពៅ", "12000101", "Director")


# ---------------------------------------------------------------------------- unsafe XLSX


def _malicious_xlsx(tmp_path: Path, part: str, xml: str) -> Path:
    """A real workbook with one XML part replaced (or added)."""
    source = _xlsx(tmp_path, [HEADER, GOOD_ROWS[0]], name="source.xlsx")
    target = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as evil:
        for info in original.infolist():
            if info.filename != part:
                evil.writestr(info, original.read(info))
        evil.writestr(part, xml.encode())
    return target


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>
</worksheet>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&secret;</t></si></sst>"""


@pytest.mark.parametrize(
    ("part", "xml"),
    [
        ("xl/worksheets/sheet1.xml", BILLION_LAUGHS),
        ("xl/sharedStrings.xml", EXTERNAL_ENTITY),
        ("docProps/core.xml", EXTERNAL_ENTITY),
    ],
    ids=["xml-bomb", "external-entity", "external-entity-in-properties"],
)
def test_a_malicious_workbook_is_refused_cleanly(tmp_path, part, xml) -> None:
    path = _malicious_xlsx(tmp_path, part, xml)
    with pytest.raises(ImportFileError, match="could harm the computer") as caught:
        read_participant_file(path)
    assert "root:" not in caught.value.message


def test_a_workbook_that_unpacks_to_too_much_is_refused(tmp_path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (60 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportFileError, match="far too much"):
        read_participant_file(path)


# ---------------------------------------------------------------------------- planning


def _rows(*rows: list[str]) -> list[ParticipantRow]:
    parsed = parse_table([HEADER, *rows])
    assert parsed.errors == []
    return parsed.rows


def test_plan_recognises_known_people_and_organisations(database, open_meeting) -> None:
    rows = _rows(
        ["ស្រី ពៅ", "Srey Pov", "F", "AS", "", "", ""],  # known, already signed in
        ["", "Sok Chanthy", "F", "", "", "", ""],  # known by her Latin name alone
        ["", "Lim Nary", "F", "Aphivat Strey", "", "", ""],  # new person, known organisation
        ["", "Ouk Vanna", "M", "Ta Pung CBO", "", "", ""],  # new person, new organisation
    )
    with database.reading() as session:
        plan = plan_import(session, open_meeting.meeting, rows)
    assert [p.person_id for p in plan[:2]] == [open_meeting.activist, open_meeting.official]
    assert [p.already_listed for p in plan] == [True, True, False, False]
    assert plan[2].person_id is None and plan[2].organisation_id == open_meeting.cso
    assert plan[3].new_organisation and plan[3].side is Side.CIVIL_SOCIETY
    assert plan[1].side is Side.SNA


# ---------------------------------------------------------------------------- importing


def test_import_signs_everyone_in_and_creates_who_is_new(database, seed) -> None:
    rows = _rows(*GOOD_ROWS)
    with database.transaction("test") as session:
        report = import_participants(session, seed.meeting, rows)
    assert (report.listed, report.new_people, report.new_organisations, report.skipped) == (
        3,
        2,
        1,
        0,
    )
    with database.reading() as session:
        listed = attendance.attendance_list(session, seed.meeting)
        stats = attendance.attendance_statistics(session, seed.meeting)
        youth_kind = session.scalars(
            select(Organisation.kind).where(Organisation.name_en == "Youth Network Bavel")
        ).one()
        assert verify_audit(session).ok
    assert {r.name_latin for r in listed} == {"Sok Chanthy", "Keo Sophal", "Mao Sreymom"}
    assert all(r.status is AttendanceStatus.PRESENT for r in listed)
    assert (stats.total, stats.women, stats.men) == (3, 2, 1)
    assert stats.by_side[Side.SNA].total == 1
    assert youth_kind is OrganisationKind.CSO
    sok = next(r for r in listed if r.name_latin == "Sok Chanthy")
    assert sok.person_id == seed.official  # matched, not duplicated


def test_people_already_listed_are_skipped_and_invitations_are_possible(
    database, open_meeting
) -> None:
    rows = _rows(
        ["ស្រី ពៅ", "Srey Pov", "F", "AS", "", "", ""], ["", "Lim Nary", "F", "", "", "", ""]
    )
    with database.transaction("test") as session:
        report = import_participants(
            session, open_meeting.meeting, rows, status=AttendanceStatus.INVITED
        )
    assert (report.listed, report.skipped) == (1, 1)
    with database.reading() as session:
        nary = next(
            r
            for r in attendance.attendance_list(session, open_meeting.meeting)
            if r.name_latin == "Lim Nary"
        )
    assert nary.status is AttendanceStatus.INVITED


def test_a_failing_row_leaves_nothing_imported(database, seed) -> None:
    rows = [
        *_rows(*GOOD_ROWS),
        # Built by hand, past the reader's checks: the service refuses it.
        ParticipantRow(row=9, name_km="", name_latin="Bad Phone", sex=Sex.MALE, phone="x"),
    ]
    people_before, organisations_before = _count(database, Person), _count(database, Organisation)
    with pytest.raises(ValidationError), database.transaction("test") as session:
        import_participants(session, seed.meeting, rows)
    assert _count(database, Person) == people_before
    assert _count(database, Organisation) == organisations_before
    assert _count(database, Attendance) == 0


def test_cancelling_leaves_nothing_imported(database, seed) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    people_before = _count(database, Person)
    with (
        pytest.raises(ImportCancelled, match="nothing was imported"),
        database.transaction("test") as session,
    ):
        import_participants(session, seed.meeting, _rows(*GOOD_ROWS), progress=progress)
    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert _count(database, Person) == people_before
    assert _count(database, Attendance) == 0


def test_a_signed_meeting_refuses_an_import(database, open_meeting) -> None:
    with database.transaction("test") as session:
        meetings.close_meeting(session, open_meeting.meeting)
        meetings.sign_meeting(session, open_meeting.meeting)
    with pytest.raises(LockedError), database.transaction("test") as session:
        import_participants(session, open_meeting.meeting, _rows(GOOD_ROWS[2]))


def test_an_unknown_meeting_is_refused(database, seed) -> None:
    with pytest.raises(NotFoundError), database.reading() as session:
        plan_import(session, uuid.uuid4(), [])
