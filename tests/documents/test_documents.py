"""The four documents in Khmer, English and both: what every page carries, what the text says
when copied out of the PDF (pdftotext), the motto, the QR code, landscape pages."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from civicdesk.documents.common import qr_payload
from civicdesk.documents.export import ExportRequest, Rendered, render_document
from civicdesk.i18n.khmer import khmer_digits
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services import recommendations
from civicdesk.storage.database import Database

from .conftest import LONG_KHMER, MIXED, Built, pdftotext, squeeze

KINDS = [
    DocumentKind.MINUTES,
    DocumentKind.SIGN_IN_SHEET,
    DocumentKind.JOINT_LIST,
    DocumentKind.ACTION_PLAN,
]


def _subject(built: Built, kind: DocumentKind) -> object:
    return built.joint_list if kind is DocumentKind.JOINT_LIST else built.meeting


def _render(
    meeting_db: Database,
    built: Built,
    kind: DocumentKind,
    language: str,
    tmp_path: Path,
    **options: object,
) -> tuple[Rendered, Path]:
    rendered = render_document(
        meeting_db,
        ExportRequest(kind, _subject(built, kind), DocumentLanguage(language), **options),  # type: ignore[arg-type]
    )
    path = tmp_path / f"{kind.value}-{language}.pdf"
    path.write_bytes(rendered.pdf)
    return rendered, path


@pytest.mark.parametrize("language", ["km", "en", "both"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_page_has_header_page_number_id_and_short_hash(
    meeting_db: Database, built: Built, kind: DocumentKind, language: str, tmp_path: Path
) -> None:
    rendered, path = _render(meeting_db, built, kind, language, tmp_path)
    identity = rendered.identity
    assert rendered.pages >= 1
    pages = rendered.pages
    for page in range(1, pages + 1):
        text = pdftotext(path, page=page)
        if language == "en":
            assert f"Page {page} of {pages}" in text
        else:
            # Khmer digits in a Khmer document: ទំព័រ ១ នៃ ២
            assert f"ទំព័រ {khmer_digits(page)} នៃ {khmer_digits(pages)}" in text
        assert identity.document_id in text
        assert identity.short_hash in text
        assert identity.short_hash == identity.content_sha256[:12]
        # The footer names them in the document's first language: Khmer unless English only.
        assert squeeze("ឯកសារ " + identity.document_id) in squeeze(text) or language == "en"
    with pdfplumber.open(path) as pdf:
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
    assert sizes == ({(842, 595)} if kind is DocumentKind.ACTION_PLAN else {(595, 842)})


@pytest.mark.parametrize("language", ["km", "en", "both"])
def test_minutes_text_copies_out_as_stored(
    meeting_db: Database, built: Built, language: str, tmp_path: Path
) -> None:
    """pdftotext gives every recommendation's text exactly as stored (lines may wrap anywhere,
    so whitespace is left out of the comparison)."""
    _, path = _render(meeting_db, built, DocumentKind.MINUTES, language, tmp_path)
    text = squeeze(pdftotext(path))
    with meeting_db.reading() as session:
        rows = recommendations.recommendations_of_meeting(session, built.meeting)
    assert len(rows) == 3
    for row in rows:
        for stored in (
            row.text(language) if language != "both" else (row.text("km"), row.text("en"))
        ):
            assert squeeze(stored) in text, stored
    if language != "en":
        assert squeeze(LONG_KHMER) in text
        # A text on one line comes out exactly, spaces between Khmer and Latin words included.
        assert MIXED in pdftotext(path).splitlines()


def test_khmer_words_copy_out_unbroken(meeting_db: Database, built: Built, tmp_path: Path) -> None:
    """Stacked consonants and pre-base vowels come out in logical order, not as glyph codes."""
    _, path = _render(meeting_db, built, DocumentKind.JOINT_LIST, "km", tmp_path)
    text = pdftotext(path)
    for word in ("ព្រះរាជាណាចក្រកម្ពុជា", "ជាតិ សាសនា ព្រះមហាក្សត្រ", "ស្រុកបវេល", "ស៊ន បូរ៉ា"):
        assert word in text
    assert not any(0xE000 <= ord(char) <= 0xF8FF for char in text), "Private Use glyph codes"


@pytest.mark.parametrize(
    ("kind", "default"),
    [
        (DocumentKind.JOINT_LIST, True),
        (DocumentKind.MINUTES, False),
        (DocumentKind.SIGN_IN_SHEET, False),
        (DocumentKind.ACTION_PLAN, False),
    ],
)
def test_motto_is_on_the_joint_list_and_off_on_cso_documents_by_default(
    meeting_db: Database, built: Built, kind: DocumentKind, default: bool, tmp_path: Path
) -> None:
    _, path = _render(meeting_db, built, kind, "km", tmp_path)
    assert ("ព្រះរាជាណាចក្រកម្ពុជា" in pdftotext(path, page=1)) is default
    _, path = _render(meeting_db, built, kind, "km", tmp_path, motto=not default)
    assert ("ព្រះរាជាណាចក្រកម្ពុជា" in pdftotext(path, page=1)) is (not default)


def test_english_motto(meeting_db: Database, built: Built, tmp_path: Path) -> None:
    _, path = _render(meeting_db, built, DocumentKind.JOINT_LIST, "en", tmp_path)
    text = pdftotext(path, page=1)
    assert "KINGDOM OF CAMBODIA" in text
    assert "NATION RELIGION KING" in text


@pytest.mark.parametrize("kind", KINDS)
def test_qr_code_and_full_hash_on_the_last_page_only(
    meeting_db: Database, built: Built, kind: DocumentKind, tmp_path: Path
) -> None:
    rendered, path = _render(meeting_db, built, kind, "both", tmp_path)
    last = pdftotext(path, page=rendered.pages)
    assert rendered.identity.content_sha256 in last
    with pdfplumber.open(path) as pdf:
        # The QR code is drawn as runs of small dark squares (modules under 3 pt high).
        def has_qr(page: pdfplumber.page.Page) -> bool:
            return sum(1 for r in page.rects if r.get("fill") and r["height"] < 3) > 100

        assert has_qr(pdf.pages[-1])
        assert rendered.pages == 1 or not has_qr(pdf.pages[0])
    payload = qr_payload(rendered.identity)
    assert rendered.identity.document_id.upper() in payload
    assert rendered.identity.content_sha256.upper() in payload


def test_qr_code_decodes_to_the_document_id_and_hash(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    """Read the printed QR code back with a barcode reader (zbarimg, from zbar-tools)."""
    import shutil
    import subprocess

    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.skip("zbarimg (zbar-tools) and pdftoppm (poppler-utils) are needed")
    rendered, path = _render(meeting_db, built, DocumentKind.JOINT_LIST, "en", tmp_path)
    page = rendered.pages
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "150",
            "-f",
            str(page),
            "-l",
            str(page),
            str(path),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    (image,) = tmp_path.glob("page*.png")
    result = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, check=True)
    assert result.stdout.decode().strip() == qr_payload(rendered.identity)
    assert (
        qr_payload(rendered.identity)
        == (
            f"CIVICDESK:DOCUMENT:{rendered.identity.document_id}:SHA256:"
            f"{rendered.identity.content_sha256}"
        ).upper()
    )


def test_minutes_report_votes_amendments_attendance_and_signatures(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    _, path = _render(meeting_db, built, DocumentKind.MINUTES, "en", tmp_path)
    text = " ".join(pdftotext(path).split())
    assert "Tuesday 23 November 2021" in text
    assert "Meeting room, Bavel District Hall" in text
    assert "Amendments (2): revision 2 by Srey Pov" in text
    assert "The CSO side asked for a precise place;" in text
    assert "Sub-national administration: 2 in favour, 0 against, 0 abstaining" in text
    assert "Adopted by consensus" in text
    assert "Rejected" in text
    assert "Bavel villagers" in text  # the headcount, in the annex
    assert "On mission" in text  # the absent person's reason
    assert "Chair of the meeting" in text and "Recorder" in text
    assert "Son Bora" in text and "Keo Manith" in text
    assert "Post the budget summary at all 9 commune halls" in text  # the action plan
    assert "Governor of Bavel District" in text  # the endorsement


def test_khmer_minutes_date_in_official_form(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    _, path = _render(meeting_db, built, DocumentKind.MINUTES, "km", tmp_path)
    assert "ថ្ងៃអង្គារ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១" in pdftotext(path, page=1)


def test_sign_in_sheet_lists_those_expected_and_blank_rows(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    _, path = _render(meeting_db, built, DocumentKind.SIGN_IN_SHEET, "en", tmp_path, blank_rows=5)
    text = pdftotext(path)
    assert "Srey Pov" in text
    assert "Lim Sokha" not in text  # absent, with a reason: not expected to sign
    assert "012 345 678" not in text  # each person writes their own phone number
    for header in ("No.", "Name", "Sex", "Organisation", "Position", "Phone", "Signature"):
        assert header in text
    assert "12" in text.split()  # 7 present + 5 blank rows


def test_joint_list_shows_signature_image_and_blank_block_for_the_other_side(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    _, path = _render(meeting_db, built, DocumentKind.JOINT_LIST, "en", tmp_path)
    text = pdftotext(path)
    assert "Governor of Bavel District" in text
    assert "On behalf of civil society" in text
    with pdfplumber.open(path) as pdf:
        assert sum(len(page.images) for page in pdf.pages) == 1


def test_content_hash_is_reproducible_and_changes_with_the_content(
    meeting_db: Database, built: Built
) -> None:
    import uuid

    fixed = uuid.UUID("00000000-0000-4000-8000-000000000001")
    request = ExportRequest(DocumentKind.JOINT_LIST, built.joint_list, DocumentLanguage.KHMER)
    first = render_document(meeting_db, request, document_id=fixed).identity.content_sha256
    again = render_document(meeting_db, request, document_id=fixed).identity.content_sha256
    english = render_document(
        meeting_db,
        ExportRequest(DocumentKind.JOINT_LIST, built.joint_list, DocumentLanguage.ENGLISH),
        document_id=fixed,
    ).identity.content_sha256
    assert first == again
    assert first != english


@pytest.mark.parametrize(
    "kind", [DocumentKind.MINUTES, DocumentKind.SIGN_IN_SHEET, DocumentKind.ACTION_PLAN]
)
def test_a_meeting_with_little_recorded_still_makes_each_document(
    meeting_db: Database, built: Built, kind: DocumentKind, tmp_path: Path
) -> None:
    rendered = render_document(
        meeting_db, ExportRequest(kind, built.open_meeting, DocumentLanguage.KHMER, blank_rows=0)
    )
    path = tmp_path / "little.pdf"
    path.write_bytes(rendered.pdf)
    text = pdftotext(path)
    assert rendered.identity.document_id in text
    if kind is DocumentKind.ACTION_PLAN:
        assert "មិនទាន់មានសកម្មភាពណាមួយ" in text  # "No actions have been planned"
