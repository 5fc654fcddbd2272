"""The secretariat's report as a PDF, in Khmer and in English: the figures are there as text
(Khmer digits in Khmer), and an export is registered and leaves no partial file."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from civicdesk.documents.report import export_report_pdf, render_report_pdf
from civicdesk.models import Document
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services import reports
from civicdesk.storage.database import Database

AS_OF = dt.date(2022, 6, 30)


def _text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/setup-env.sh does)")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    # Each line with its runs of spaces squeezed, so that a table row reads as one line.
    return "\n".join(" ".join(line.split()) for line in result.stdout.decode("utf-8").splitlines())


@pytest.fixture
def report(demo_database: Database) -> reports.SecretariatReport:
    with demo_database.reading() as session:
        return reports.build_report(session, AS_OF)


def test_english_report_shows_the_figures(
    report: reports.SecretariatReport, tmp_path: Path
) -> None:
    rendered = render_report_pdf(report, "en", document_id="report-test")
    assert rendered.pdf.startswith(b"%PDF") and rendered.pages >= 2
    text = _text(rendered.pdf, tmp_path)
    assert "Secretariat report" in text and "As of 30 June 2022" in text
    assert "Focus group discussion 15 367 209 158 56.9 30" in text
    assert "Recommendations by theme and district" in text
    assert "1 of 27 actions are overdue on 30 June 2022." in text
    assert "Battambang province 1 21 10 11 47.6 4" in text
    assert "Draft a referral form" in text
    assert "report-test" in text  # the document ID, in the footer and the verification block
    assert rendered.identity.content_sha256 in text


def test_khmer_report_is_shaped_text_with_khmer_digits(
    report: reports.SecretariatReport, tmp_path: Path
) -> None:
    rendered = render_report_pdf(report, DocumentLanguage.KHMER)
    text = _text(rendered.pdf, tmp_path)
    # /ActualText gives back the stored Khmer, not the shaped glyphs' private code points.
    assert "កិច្ចពិភាក្សាជាក្រុម ១៥ ៣៦៧ ២០៩ ១៥៨ ៥៦.៩ ៣០" in text
    assert "បវេល" in text and "ទី៣០ ខែមិថុនា ឆ្នាំ២០២២" in text
    assert not any(0xE000 <= ord(char) <= 0xF8FF for char in text)


def test_export_registers_the_report_and_leaves_only_the_file(
    demo_database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "report.pdf"
    result = export_report_pdf(
        demo_database, target, language="en", as_of=AS_OF, actor="secretariat"
    )
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]
    assert hashlib.sha256(target.read_bytes()).hexdigest() == result.sha256
    with demo_database.reading() as session:
        document = session.scalars(select(Document).where(Document.id == result.document_id)).one()
        assert document.kind is DocumentKind.REPORT and document.sha256 == result.sha256
        assert document.filename == "report.pdf"
