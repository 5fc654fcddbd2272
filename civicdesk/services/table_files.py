"""Reading the tables people bring in files: CSV (as Excel and LibreOffice save it) and XLSX.

Workbooks are zip archives of XML. Before openpyxl reads one, every XML part is parsed with
`defusedxml` refusing any document type declaration, so an "XML bomb" (nested entities) or an
external entity (reading local files) is refused, and the archive's unpacked size is bounded.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml.common import DefusedXmlException

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.text import clean
from civicdesk.services.errors import ValidationError

#: A list longer than this is not a participant list.
MAX_ROWS = 5000
MAX_FILE_BYTES = 20 * 1024 * 1024
#: The most an XLSX file may unpack to, all parts together (a zip bomb stops here).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (wrong format, unsafe, too large, no header)."""


def read_table(path: Path) -> Sequence[Sequence[object]]:
    """The cells of a CSV file or of an XLSX workbook's first sheet."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportFileError(
            _("The file {name} cannot be opened: {reason}").format(
                name=path.name, reason=error.strerror or error
            )
        ) from None
    if size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is too large to be a participant list."))
    if suffix in (".csv", ".txt"):
        return read_csv(path.read_bytes())
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix == ".xls":
        raise ImportFileError(
            _("Old Excel files (.xls) cannot be read: save the list as .xlsx or as CSV UTF-8.")
        )
    raise ImportFileError(_("Choose a CSV or XLSX file."))


def read_csv(data: bytes) -> list[list[str]]:
    """The cells of a CSV file in UTF-8 (with or without BOM) or UTF-16 (Excel's Unicode text)."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8”.")
        ) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file is malformed: {reason}").format(reason=error)
        ) from None


def read_xlsx(path: Path) -> list[list[object]]:
    """The cells of the first sheet of an XLSX workbook, once its XML has been checked."""
    refuse_unsafe_xlsx(path)
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise _not_a_workbook() from None
    try:
        sheet = workbook.worksheets[0]
        cells: list[list[object]] = []
        for values in sheet.iter_rows(values_only=True):
            cells.append(list(values))
            if len(cells) > MAX_ROWS + 1:
                raise too_many_rows()
        return cells
    finally:
        workbook.close()


def _not_a_workbook() -> ImportFileError:
    return ImportFileError(_("This file cannot be read as an XLSX workbook."))


def too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("The list has more than {limit} rows; split it into smaller files.").format(
            limit=format_number(MAX_ROWS, current_language())
        )
    )


def refuse_unsafe_xlsx(path: Path) -> None:
    """Refuse a workbook whose XML declares a DTD or entities (an "XML bomb" or an external
    entity reading local files), or which unpacks to far more than any participant list."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
                raise ImportFileError(_("The workbook unpacks to far too much data; not read."))
            for part in parts:
                if part.filename.lower().endswith((".xml", ".rels", ".vml")):
                    with archive.open(part) as stream:
                        for _event, element in safe_xml.iterparse(stream, forbid_dtd=True):
                            element.clear()
    except DefusedXmlException:
        raise ImportFileError(
            _(
                "This workbook contains XML that could harm the computer (a document type "
                "declaration or entities); it was not read."
            )
        ) from None
    except (zipfile.BadZipFile, ParseError, OSError, EOFError):
        raise _not_a_workbook() from None


def cell_text(value: object) -> str:
    """A cell as text: numbers without a trailing ".0", dates in ISO form, spaces tidied."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return clean(str(value))
