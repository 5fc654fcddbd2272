"""The organisation's key, signed exports, and `verify`: what passes and every way to fail."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from civicdesk.documents import signing
from civicdesk.documents.export import ExportRequest, export_document
from civicdesk.i18n import translations_for
from civicdesk.i18n.textdiff import clusters
from civicdesk.models import Document
from civicdesk.models.enums import DocumentKind, DocumentLanguage, MeetingStatus
from civicdesk.services import meetings, open_database
from civicdesk.services.errors import NotFoundError, StateError, ValidationError
from civicdesk.storage.database import Database, sqlite_url

from .conftest import PASSPHRASE, Built, pdftotext, squeeze


@pytest.fixture
def key(organisation_key: Path) -> signing.SigningKey:
    return signing.load_signing_key(PASSPHRASE)


@dataclass(frozen=True)
class SignedExport:
    pdf: bytes
    database_path: Path
    meeting: uuid.UUID


@pytest.fixture(scope="session")
def signed_export(
    built_template: Built, key_files: Path, tmp_path_factory: pytest.TempPathFactory
) -> SignedExport:
    """Bilingual minutes of the closed meeting, exported signed once for the tamper tests."""
    folder = tmp_path_factory.mktemp("signed")
    path = folder / "meeting.sqlite"
    shutil.copyfile(built_template.database_path, path)
    shutil.copytree(key_files, folder / "data" / "keys")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVICDESK_DATA_DIR", str(folder / "data"))
        meeting_db = open_database(sqlite_url(path))
        try:
            export_document(
                meeting_db,
                ExportRequest(DocumentKind.MINUTES, built_template.meeting, DocumentLanguage.BOTH),
                folder / "signed.pdf",
                signing_key=signing.load_signing_key(PASSPHRASE),
            )
        finally:
            meeting_db.dispose()
    return SignedExport((folder / "signed.pdf").read_bytes(), path, built_template.meeting)


@pytest.fixture
def signed_minutes(signed_export: SignedExport, organisation_key: Path, tmp_path: Path) -> Path:
    """The signed minutes in this test's folder, with the key that signed them trusted."""
    target = tmp_path / "signed.pdf"
    target.write_bytes(signed_export.pdf)
    return target


# --------------------------------------------------------------------------- keys


def test_a_new_key_names_the_organisation_and_needs_its_passphrase(data_dir: Path) -> None:
    assert signing.organisation_key_info() is None
    with pytest.raises(NotFoundError):
        signing.load_signing_key(PASSPHRASE)
    with pytest.raises(ValidationError):
        signing.create_organisation_key("CPDD", "short")
    info = signing.create_organisation_key("CPDD សម្ព័ន្ធ", PASSPHRASE)
    assert info.organisation == "CPDD សម្ព័ន្ធ"
    assert info.path.parent == data_dir / "keys"
    assert signing.organisation_key_info() == info
    assert signing.load_signing_key(PASSPHRASE).organisation == "CPDD សម្ព័ន្ធ"
    with pytest.raises(signing.SigningError, match="Wrong passphrase"):
        signing.load_signing_key("not the passphrase")
    with pytest.raises(StateError):
        signing.create_organisation_key("Someone else", PASSPHRASE)


def test_a_long_khmer_organisation_name_is_kept_whole(data_dir: Path) -> None:
    """A certificate's common name may have 64 UTF-8 bytes, about 21 Khmer letters: the key is
    still made, the organisation (the signer shown) keeps its whole name, and the common name
    is cut between clusters."""
    name = "សម្ព័ន្ធសមាគមអង្គការមិនមែនរដ្ឋាភិបាលខេត្តបាត់ដំបង"
    info = signing.create_organisation_key(name, PASSPHRASE)
    assert info.organisation == name
    certificate = x509.load_pem_x509_certificate(
        (data_dir / "keys" / signing.CERTIFICATE_FILE).read_bytes()
    )
    (common,) = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = str(common.value)
    assert 40 <= len(value.encode("utf-8")) <= 64
    pieces = clusters(name)
    assert any("".join(pieces[:count]) == value for count in range(len(pieces)))
    assert signing.load_signing_key(PASSPHRASE).organisation == name


def test_replacing_a_key_keeps_trusting_the_old_one(organisation_key: Path) -> None:
    old = signing.organisation_key_info()
    assert old is not None
    new = signing.create_organisation_key("Aphivat Strey", PASSPHRASE, replace=True)
    assert new.fingerprint != old.fingerprint
    trusted = {c.fingerprint(hashes.SHA256()).hex() for c in signing.trusted_certificates()}
    assert {old.fingerprint, new.fingerprint} <= trusted


def test_import_a_pkcs12_file(key_files: Path, data_dir: Path) -> None:
    info = signing.import_organisation_key(key_files / signing.KEY_FILE, PASSPHRASE)
    assert info.organisation == "Aphivat Strey"
    assert signing.load_signing_key(PASSPHRASE).fingerprint == info.fingerprint
    with pytest.raises(signing.SigningError):
        signing.import_organisation_key(
            key_files / signing.KEY_FILE, "wrong passphrase", replace=True
        )
    not_a_key = data_dir / "x.p12"
    not_a_key.write_bytes(b"hello")
    with pytest.raises(signing.SigningError):
        signing.import_organisation_key(not_a_key, PASSPHRASE, replace=True)


# --------------------------------------------------------------------------- signed minutes


@pytest.fixture
def after_signing(signed_export: SignedExport) -> Iterator[Database]:
    meeting_db = open_database(sqlite_url(signed_export.database_path))
    yield meeting_db
    meeting_db.dispose()


def test_signed_minutes_verify_and_lock_the_meeting(
    after_signing: Database, signed_export: SignedExport, signed_minutes: Path
) -> None:
    result = signing.verify_pdf(signed_minutes.read_bytes())
    assert result.ok, result.problems
    assert result.signer == "Aphivat Strey"
    assert result.signed_at is not None
    with after_signing.reading() as session:
        summary = meetings.get_meeting_summary(session, signed_export.meeting)
        assert summary.status is MeetingStatus.SIGNED
        (document,) = session.scalars(select(Document)).all()
        assert document.signed and document.signer == "Aphivat Strey"
        assert str(document.id) == result.details["document-id"]
        assert document.sha256 == result.file_sha256


def test_signed_minutes_carry_the_audit_head(after_signing: Database, signed_minutes: Path) -> None:
    from civicdesk.services.documents import current_audit_head
    from civicdesk.services.integrity import verify_audit

    result = signing.verify_pdf(signed_minutes.read_bytes())
    head = result.details["audit-head"]
    assert len(head) == 64
    printed = squeeze(pdftotext(signed_minutes))
    assert head in printed
    assert "Digitallysignedby:AphivatStrey" in printed  # the signer named on the last page
    with after_signing.reading() as session:
        # Locking the meeting and registering the file came after, in the same transaction,
        # and the chain still checks.
        assert current_audit_head(session) != head
        assert verify_audit(session).ok


def test_minutes_of_an_open_meeting_cannot_be_signed(
    meeting_db: Database, built: Built, key: signing.SigningKey, tmp_path: Path
) -> None:
    with pytest.raises(StateError, match="Close the meeting"):
        export_document(
            meeting_db,
            ExportRequest(DocumentKind.MINUTES, built.open_meeting, DocumentLanguage.KHMER),
            tmp_path / "m.pdf",
            signing_key=key,
        )
    assert not (tmp_path / "m.pdf").exists()


def test_other_documents_can_be_signed_without_locking(
    meeting_db: Database, built: Built, key: signing.SigningKey, tmp_path: Path
) -> None:
    target = tmp_path / "list.pdf"
    export_document(
        meeting_db,
        ExportRequest(DocumentKind.JOINT_LIST, built.joint_list, DocumentLanguage.KHMER),
        target,
        signing_key=key,
    )
    assert signing.verify_pdf(target.read_bytes()).ok
    with meeting_db.reading() as session:
        assert meetings.get_meeting_summary(session, built.meeting).status is MeetingStatus.CLOSED
    # The verification block: a Khmer document writes ៖ after its labels, as Khmer does.
    signed_by = squeeze(translations_for("km").gettext("Digitally signed by"))
    assert signed_by + "៖AphivatStrey" in squeeze(pdftotext(target))


# --------------------------------------------------------------------------- verify failures


def _problems(data: bytes) -> tuple[str, ...]:
    result = signing.verify_pdf(data)
    assert not result.ok
    assert result.problems
    return result.problems


def test_a_changed_byte_is_found(signed_minutes: Path) -> None:
    data = bytearray(signed_minutes.read_bytes())
    # Change one digit inside the first page's content, well inside the signed range.
    position = data.index(b"/MediaBox") + 12
    data[position : position + 1] = b"9" if data[position : position + 1] != b"9" else b"8"
    assert any("changed" in p for p in _problems(bytes(data)))


def test_bytes_appended_after_the_end_are_found(signed_minutes: Path) -> None:
    """pyHanko alone calls this intact (coverage ENTIRE_REVISION): verify must not."""
    data = signed_minutes.read_bytes() + b"\n% appended after signing\n"
    assert any("whole file" in p for p in _problems(data))


def test_an_incremental_update_after_signing_is_found(signed_minutes: Path) -> None:
    from io import BytesIO

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(signed_minutes.read_bytes()))
    writer.root["/CivicDeskNote"] = generic.TextStringObject("added after signing")
    writer.update_root()
    output = BytesIO()
    writer.write(output)
    assert any("whole file" in p for p in _problems(output.getvalue()))


def test_a_truncated_file_is_found(signed_minutes: Path) -> None:
    data = signed_minutes.read_bytes()
    _problems(data[: len(data) // 2])
    _problems(data[:-200])


def test_a_signature_by_another_key_is_refused(
    meeting_db: Database,
    built: Built,
    other_key_files: Path,
    organisation_key: Path,
    tmp_path: Path,
    data_dir: Path,
) -> None:
    # Sign with the other organisation's key (installed for a moment), then check with ours.
    ours = tmp_path / "ours"
    shutil.copytree(data_dir / "keys", ours)
    shutil.rmtree(data_dir / "keys")
    shutil.copytree(other_key_files, data_dir / "keys")
    stranger = signing.load_signing_key(PASSPHRASE)
    target = tmp_path / "list.pdf"
    export_document(
        meeting_db,
        ExportRequest(DocumentKind.JOINT_LIST, built.joint_list, DocumentLanguage.ENGLISH),
        target,
        signing_key=stranger,
    )
    shutil.rmtree(data_dir / "keys")
    shutil.copytree(ours, data_dir / "keys")
    problems = _problems(target.read_bytes())
    assert any("does not trust" in p for p in problems)
    # Trusting that organisation's certificate makes it acceptable.
    assert signing.verify_pdf(
        target.read_bytes(), extra_trust=[other_key_files / signing.CERTIFICATE_FILE]
    ).ok


def test_an_unsigned_file_is_refused(meeting_db: Database, built: Built, tmp_path: Path) -> None:
    target = tmp_path / "plain.pdf"
    export_document(
        meeting_db,
        ExportRequest(DocumentKind.SIGN_IN_SHEET, built.meeting, DocumentLanguage.ENGLISH),
        target,
    )
    assert any("no digital signature" in p for p in _problems(target.read_bytes()))
    assert any("not a readable PDF" in p or "no digital" in p for p in _problems(b"not a pdf"))


def test_minutes_of_a_signed_meeting_export_again_signed_or_not(
    signed_export: SignedExport, organisation_key: Path, tmp_path: Path
) -> None:
    """A locked meeting's minutes can still be exported (and signed again): registering a
    file changes nothing the meeting recorded."""
    path = tmp_path / "signed-copy.sqlite"
    shutil.copyfile(signed_export.database_path, path)
    database = open_database(sqlite_url(path))
    try:
        for key in (None, signing.load_signing_key(PASSPHRASE)):
            target = tmp_path / f"again-{key is not None}.pdf"
            result = export_document(
                database,
                ExportRequest(DocumentKind.MINUTES, signed_export.meeting, DocumentLanguage.KHMER),
                target,
                signing_key=key,
            )
            assert not result.locked_meeting
            assert target.exists()
        assert signing.verify_pdf(target.read_bytes()).ok
        with database.reading() as session:
            assert len(session.scalars(select(Document)).all()) == 3
    finally:
        database.dispose()
