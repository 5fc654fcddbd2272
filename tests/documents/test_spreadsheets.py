"""Spreadsheets of the records and of the secretariat's report: formula escaping, Khmer text
through openpyxl, numbers and dates kept as such, CSV as Excel reads it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from civicdesk.documents import report_tables
from civicdesk.documents.spreadsheets import (
    Sheet,
    csv_text,
    escape_formula,
    record_sheets,
    write_csv,
    write_xlsx,
    xlsx_bytes,
)
from civicdesk.services import reports
from civicdesk.storage.database import Database

#: Subscripts (្ត, ្ដ, ្រ), a pre-base vowel, ZWSP word separators and Khmer digits.
KHMER = "ស្ត្រី\u200bចូលរួម\u200bក្នុង\u200bការ\u200bសម្រេច\u200bចិត្ត ២០២២ សេចក្ដី"


def _read_xlsx(data: bytes) -> openpyxl.Workbook:
    # openpyxl parses with defusedxml when it is installed (it is a CivicDesk dependency).
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+855 12 345 678", "'+855 12 345 678"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("\0cmd", "'\ufffdcmd"),
        ("a\x01b", "a\ufffdb"),
        ("Plain = text", "Plain = text"),
        (KHMER, KHMER),
        ("", ""),
    ],
)
def test_escape_formula(text: str, escaped: str) -> None:
    assert escape_formula(text) == escaped


def _dangerous_sheet() -> Sheet:
    return Sheet(
        "=Sheet/[1]",
        ("Code", "=Header"),
        (
            ("=1+1", KHMER),
            ("@cmd", 42),
            ("-5", dt.date(2021, 11, 23)),
            (None, 0.5),
        ),
    )


def test_xlsx_cells_are_text_not_formulas_and_khmer_round_trips() -> None:
    workbook = _read_xlsx(xlsx_bytes([_dangerous_sheet()]))
    (worksheet,) = workbook.worksheets
    assert worksheet.title == "=Sheet 1"  # [ ] / are not allowed in sheet names
    cells = [[cell.value for cell in row] for row in worksheet.iter_rows()]
    assert cells[0] == ["Code", "'=Header"]
    assert cells[1] == ["'=1+1", KHMER]
    assert cells[2] == ["'@cmd", 42]
    assert cells[3][0] == "'-5"
    assert cells[3][1].date() == dt.date(2021, 11, 23)
    assert cells[4] == [None, 0.5]
    assert all(cell.data_type != "f" for row in worksheet.iter_rows() for cell in row)
    assert worksheet.freeze_panes == "A2"


def test_csv_is_escaped_and_khmer_survives_utf8_with_bom(tmp_path: Path) -> None:
    (path,) = write_csv(tmp_path / "records.csv", [_dangerous_sheet()])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Code", "'=Header"]
    assert rows[1] == ["'=1+1", KHMER]
    assert rows[2] == ["'@cmd", "42"]
    assert rows[3] == ["'-5", "2021-11-23"]
    assert rows[4] == ["", "0.5"]
    assert csv_text(_dangerous_sheet()).endswith("\r\n")


def test_several_sheets_give_one_csv_each_and_names_stay_unique(tmp_path: Path) -> None:
    sheets = [Sheet("Votes", ("A",), (("1",),)), Sheet("Votes", ("B",), (("2",),))]
    written = write_csv(tmp_path / "export.csv", sheets)
    assert [p.name for p in written] == ["export-1.csv", "export-2.csv"]
    path = write_xlsx(tmp_path / "export.xlsx", sheets)
    assert [ws.title for ws in _read_xlsx(path.read_bytes()).worksheets] == ["Votes", "Votes (2)"]
    assert not list(tmp_path.glob(".civicdesk-*")), "no temporary file is left behind"


@pytest.mark.parametrize("language", ["km", "en"])
def test_records_workbook_of_the_demo(demo_database: Database, language: str) -> None:
    with demo_database.reading() as session:
        sheets = record_sheets(session, language, as_of=dt.date(2022, 6, 30))
    workbook = _read_xlsx(xlsx_bytes(sheets))
    titles = [ws.title for ws in workbook.worksheets]
    assert len(titles) == 5
    recommendations, votes, named, counted, actions = workbook.worksheets
    assert recommendations.max_row == 1 + 34
    header = [cell.value for cell in recommendations[1]]
    by_code = {row[0]: row for row in recommendations.iter_rows(min_row=2, values_only=True)}
    bavel = by_code["0204-R01"]
    assert bavel[header.index(sheets[0].header[5])].startswith("រដ្ឋបាលស្រុក")
    assert bavel[1] == ("បវេល" if language == "km" else "Bavel")
    assert isinstance(bavel[9], int)  # SNA in favour stays a number
    if language == "en":
        assert header[:4] == ["Code", "District", "Theme", "Status"]
        assert bavel[3] == "Adopted"
        assert titles == ["Recommendations", "Votes", "Attendance", "Headcounts", "Actions"]
    assert votes.max_row > 34
    women_column = [cell.value for cell in counted[1]].index(sheets[3].header[6]) + 1
    total = sum(
        row[women_column - 1] + row[women_column]
        for row in counted.iter_rows(min_row=2, values_only=True)
    )
    assert total == 367
    assert named.max_row > 100
    overdue = [row[-1] for row in actions.iter_rows(min_row=2, values_only=True)]
    assert len(overdue) == 27
    assert isinstance(actions.cell(2, 9).value, dt.datetime | type(None))


def test_report_sheets_carry_the_figures(demo_database: Database) -> None:
    with demo_database.reading() as session:
        report = reports.build_report(session, dt.date(2022, 6, 30))
    sheets = report_tables.report_sheets(report, "en")
    titles = [sheet.title for sheet in sheets]
    assert titles == [
        "About",
        "Participation by district",
        "Participation by meeting kind",
        "Participation by district and kind",
        "Recommendations by theme",
        "Action-plan progress",
        "Overdue actions",
    ]
    by_kind = {row[0]: row for row in sheets[2].rows}
    assert by_kind["Focus group discussion"][2:6] == (367, 209, 158, 56.9)
    focus_groups = report_tables.participation_by_place_sheet(report, "km", kind=None)
    assert focus_groups.rows[-1][0] == report_tables.translations_for("km").gettext("Total")
    themes = sheets[4]
    assert themes.rows[-1][0] == "Total"
    assert themes.rows[-1][themes.header.index("Total")] == 34
    assert len(sheets[6].rows) == 1 and sheets[6].rows[0][6] == 30
    workbook = _read_xlsx(xlsx_bytes(sheets))
    assert workbook["About"]["B3"].value.date() == dt.date(2022, 6, 30)
    khmer = report_tables.report_sheets(report, "km")
    assert khmer[2].rows[0][0] == "កិច្ចពិភាក្សាជាក្រុម"
    assert _read_xlsx(xlsx_bytes(khmer)).worksheets[2]["A2"].value == "កិច្ចពិភាក្សាជាក្រុម"
