"""The export API the window calls: the file appears whole or not at all, progress is reported,
a cancel or a failure leaves nothing behind, and every export is registered."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from civicdesk.documents import export as export_module
from civicdesk.documents.export import ExportCancelled, ExportRequest, export_document
from civicdesk.models import Document
from civicdesk.models.enums import DocumentKind, DocumentLanguage, MeetingStatus
from civicdesk.services import meetings
from civicdesk.services.errors import DomainError, ValidationError
from civicdesk.storage.database import Database

from .conftest import Built


def _documents(meeting_db: Database) -> list[Document]:
    """The registered documents, detached with their values loaded."""
    with meeting_db.reading() as session:
        found = list(session.scalars(select(Document)))
        for document in found:
            session.refresh(document)
            session.expunge(document)
        return found


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _request(built: Built, language: str = "km") -> ExportRequest:
    return ExportRequest(DocumentKind.MINUTES, built.meeting, DocumentLanguage(language))


def test_export_writes_the_file_registers_it_and_reports_progress(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "minutes.pdf"
    target.parent.mkdir()
    seen: list[float] = []
    result = export_document(meeting_db, _request(built), target, progress=seen.append)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 5
    assert _leftovers(target.parent) == ["minutes.pdf"]
    (document,) = _documents(meeting_db)
    assert document.id == result.document_id
    assert document.kind is DocumentKind.MINUTES
    assert document.language is DocumentLanguage.KHMER
    assert document.sha256 == result.sha256
    assert document.meeting_id == built.meeting
    assert not document.signed
    assert document.filename == "minutes.pdf"
    # Not signed: the meeting stays as it was.
    with meeting_db.reading() as session:
        assert meetings.get_meeting_summary(session, built.meeting).status is MeetingStatus.CLOSED


def test_joint_list_export_is_registered_against_the_list(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    request = ExportRequest(DocumentKind.JOINT_LIST, built.joint_list, DocumentLanguage.BOTH)
    export_document(meeting_db, request, tmp_path / "list.pdf")
    (document,) = _documents(meeting_db)
    assert document.joint_list_id == built.joint_list
    assert document.language is DocumentLanguage.BOTH


def test_cancel_leaves_no_file_and_registers_nothing(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.pdf"
    calls: list[float] = []

    def cancel_half_way() -> bool:
        return len(calls) > 3

    with pytest.raises(ExportCancelled):
        export_document(
            meeting_db, _request(built), target, progress=calls.append, cancelled=cancel_half_way
        )
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]
    assert _documents(meeting_db) == []


def test_failure_after_layout_keeps_an_existing_file_and_leaves_no_temporary(
    meeting_db: Database, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "minutes.pdf"
    target.write_bytes(b"the earlier export")

    def refuse(*args: object, **kwargs: object) -> object:
        raise ValidationError("the register refused it")

    monkeypatch.setattr(export_module.document_register, "record_document", refuse)
    with pytest.raises(DomainError, match="refused"):
        export_document(meeting_db, _request(built), target)
    assert target.read_bytes() == b"the earlier export"
    assert _leftovers(folder) == ["minutes.pdf"]
    assert _documents(meeting_db) == []


def test_failure_during_layout_leaves_nothing(
    meeting_db: Database, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(export_module, "build_pdf", broken)
    with pytest.raises(RuntimeError):
        export_document(meeting_db, _request(built), tmp_path / "minutes.pdf")
    assert not (tmp_path / "minutes.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]
    assert _documents(meeting_db) == []


def test_a_missing_folder_is_refused_before_anything_is_done(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError):
        export_document(meeting_db, _request(built), tmp_path / "no-such-folder" / "m.pdf")
    with meeting_db.reading() as session:
        count = session.scalar(select(func.count()).select_from(Document))
    assert count == 0


def test_document_ids_printed_are_the_registered_ones(
    meeting_db: Database, built: Built, tmp_path: Path
) -> None:
    from .conftest import pdftotext

    result = export_document(meeting_db, _request(built, "en"), tmp_path / "m.pdf")
    assert str(result.document_id) in pdftotext(tmp_path / "m.pdf", page=1)
