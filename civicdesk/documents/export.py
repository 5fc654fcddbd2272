"""Exporting a document to a file: the one entry point for the command line and the window.

:func:`export_document` reads the records in one read transaction, lays the PDF out, signs it
if asked, registers it (kind, language, SHA-256, signer) and only then puts the file in place:
it is written to a temporary file beside the destination and renamed over it in one step, so a
failed or cancelled export leaves no partial file behind, and an existing file is replaced only
by a complete one. It takes a progress callback and a cancel check, for a progress dialog.

Exporting signed minutes of a closed meeting signs the meeting (locks it), in the same
transaction that registers the file; the audit log's head printed in the minutes is checked to be
still the newest, so nothing can change between reading the records and locking them.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from civicdesk.documents import signing
from civicdesk.documents.common import Identity, decoration
from civicdesk.documents.layout import BuildCancelled, build_pdf
from civicdesk.documents.records import (
    content_digest,
    read_action_plan,
    read_joint_list,
    read_minutes,
    read_sign_in_sheet,
)
from civicdesk.documents.wording import Wording
from civicdesk.i18n import _
from civicdesk.models.enums import DocumentKind, DocumentLanguage, MeetingStatus
from civicdesk.services import documents as document_register
from civicdesk.services import meetings
from civicdesk.services.errors import DomainError, StateError, ValidationError
from civicdesk.storage.database import Database

__all__ = [
    "ExportCancelled",
    "ExportRequest",
    "ExportResult",
    "check_can_sign",
    "export_document",
    "render_document",
]

#: Kinds this module exports, with whether the national motto is on by default: documents the
#: administration issues carry it, those a CSO issues do not (DESIGN.md 6).
MOTTO_BY_DEFAULT = {
    DocumentKind.MINUTES: False,
    DocumentKind.SIGN_IN_SHEET: False,
    DocumentKind.JOINT_LIST: True,
    DocumentKind.ACTION_PLAN: False,
}
MAX_BLANK_ROWS = 500


class ExportCancelled(DomainError):
    """The person stopped the export; nothing was written."""


@dataclass(frozen=True)
class ExportRequest:
    kind: DocumentKind
    #: The meeting (minutes, sign-in sheet, action plan) or the joint list (joint list).
    subject_id: uuid.UUID
    language: DocumentLanguage
    #: The national motto header; None for the document's default.
    motto: bool | None = None
    #: Empty rows after the expected participants (sign-in sheet).
    blank_rows: int = 20


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    identity: Identity
    meeting_id: uuid.UUID
    joint_list_id: uuid.UUID | None
    meeting_status: MeetingStatus


@dataclass(frozen=True)
class ExportResult:
    path: Path
    document_id: uuid.UUID
    kind: DocumentKind
    language: DocumentLanguage
    sha256: str
    content_sha256: str
    pages: int
    signed: bool
    signer: str
    audit_head: str
    #: Whether this export signed (locked) the meeting.
    locked_meeting: bool


Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


def _story(
    request: ExportRequest, record: Any, wording: Wording, identity: Identity, motto: bool
) -> tuple[list[Flowable], bool]:
    from civicdesk.documents import action_plan, joint_list, minutes, sign_in_sheet

    if request.kind is DocumentKind.MINUTES:
        return minutes.minutes_story(record, wording, identity, with_motto=motto), False
    if request.kind is DocumentKind.SIGN_IN_SHEET:
        story = sign_in_sheet.sign_in_story(
            record, wording, identity, with_motto=motto, blank_rows=request.blank_rows
        )
        return story, False
    if request.kind is DocumentKind.JOINT_LIST:
        return joint_list.joint_list_story(record, wording, identity, with_motto=motto), False
    return action_plan.action_plan_story(record, wording, identity, with_motto=motto), True


def _read(database: Database, request: ExportRequest) -> Any:
    readers = {
        DocumentKind.MINUTES: read_minutes,
        DocumentKind.SIGN_IN_SHEET: read_sign_in_sheet,
        DocumentKind.JOINT_LIST: read_joint_list,
        DocumentKind.ACTION_PLAN: read_action_plan,
    }
    reader = readers.get(request.kind)
    if reader is None:
        raise ValidationError(_("CivicDesk cannot export this kind of document yet."), field="kind")
    with database.reading() as session:
        return reader(session, request.subject_id)


def render_document(
    database: Database,
    request: ExportRequest,
    *,
    document_id: uuid.UUID | None = None,
    signer: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Rendered:
    """The PDF of a document, in memory, not signed and not registered (also for previews)."""
    if not 0 <= request.blank_rows <= MAX_BLANK_ROWS:
        raise ValidationError(
            _("Blank rows must be between 0 and {limit}.").format(limit=MAX_BLANK_ROWS),
            field="blank_rows",
        )
    record = _read(database, request)
    wording = Wording(request.language)
    motto = MOTTO_BY_DEFAULT[request.kind] if request.motto is None else request.motto
    document_id = document_id or uuid.uuid4()
    digest = content_digest(
        record,
        kind=request.kind,
        language=request.language,
        document_id=document_id,
        motto=motto,
        blank_rows=request.blank_rows if request.kind is DocumentKind.SIGN_IN_SHEET else 0,
    )
    identity = Identity(
        document_id=str(document_id),
        content_sha256=digest,
        audit_head=record.audit_head if signer else "",
        signed_by=signer,
    )
    story, landscape = _story(request, record, wording, identity, motto)
    facts = record.meeting
    keywords = f"document-id={document_id} content-sha256={digest}"
    if signer:
        keywords += f" audit-head={record.audit_head}"
    try:
        built = build_pdf(
            story,
            decoration(wording, request.kind, facts, identity),
            landscape_pages=landscape,
            title=Wording.inline(
                wording.pick(facts.details.title_km, facts.details.title_en), " / "
            ),
            author=signer,
            subject=Wording.inline(wording.label(request.kind)),
            keywords=keywords,
            progress=progress,
            cancelled=cancelled,
        )
    except BuildCancelled:
        raise ExportCancelled(_("The export was cancelled; no file was written.")) from None
    joint_list_id = record.joint_list.id if request.kind is DocumentKind.JOINT_LIST else None
    return Rendered(
        pdf=built.data,
        pages=built.pages,
        identity=identity,
        meeting_id=facts.id,
        joint_list_id=joint_list_id,
        meeting_status=facts.summary.status,
    )


def check_can_sign(database: Database, request: ExportRequest) -> None:
    """Refuse to sign minutes of a meeting still planned or open (before any passphrase is
    asked: the window calls this first too)."""
    if request.kind is not DocumentKind.MINUTES:
        return
    with database.reading() as session:
        status = meetings.get_meeting_summary(session, request.subject_id).status
    if status in (MeetingStatus.PLANNED, MeetingStatus.OPEN):
        raise StateError(
            _(
                "Close the meeting before signing its minutes: signed minutes lock the meeting, "
                "and an open meeting can still change."
            )
        )


def _temporary_beside(destination: Path) -> Path:
    handle, name = tempfile.mkstemp(
        dir=destination.parent, prefix=f".{destination.name}.", suffix=".part"
    )
    os.close(handle)
    return Path(name)


def _write(path: Path, data: bytes) -> None:
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def export_document(
    database: Database,
    request: ExportRequest,
    destination: str | os.PathLike[str],
    *,
    signing_key: signing.SigningKey | None = None,
    actor: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the document to ``destination``; see the module's description.

    ``progress(fraction)`` is called as the export goes on; when ``cancelled()`` returns true the
    export stops with :class:`ExportCancelled`. Either way, on any failure the destination is
    left as it was and no temporary file remains.
    """
    target = Path(destination).expanduser().absolute()
    if not target.parent.is_dir():
        raise ValidationError(
            _("The folder {folder} does not exist.").format(folder=target.parent),
            field="destination",
        )
    report = progress or (lambda fraction: None)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(_("The export was cancelled; no file was written."))

    report(0.0)
    if signing_key is not None:
        check_can_sign(database, request)
    document_id = uuid.uuid4()
    rendered = render_document(
        database,
        request,
        document_id=document_id,
        signer=signing_key.organisation if signing_key else "",
        progress=lambda fraction: report(0.05 + 0.8 * fraction),
        cancelled=cancelled,
    )
    check()
    data = rendered.pdf
    if signing_key is not None:
        report(0.88)
        data = signing.sign_pdf(
            data,
            signing_key,
            reason=Wording.inline(Wording(request.language).label(request.kind)),
        )
    sha256 = hashlib.sha256(data).hexdigest()
    report(0.92)
    temporary = _temporary_beside(target)
    locked = False
    replaced = False
    try:
        _write(temporary, data)
        check()
        with database.transaction(actor) as session:
            signing_minutes = signing_key is not None and request.kind is DocumentKind.MINUTES
            head = document_register.current_audit_head(session)
            if signing_minutes and head != rendered.identity.audit_head:
                raise StateError(
                    _(
                        "The meeting's records changed while the minutes were being made. "
                        "Export them again."
                    )
                )
            registered = document_register.record_document(
                session,
                kind=request.kind,
                language=request.language,
                sha256=sha256,
                filename=target.name,
                meeting_id=rendered.meeting_id,
                joint_list_id=rendered.joint_list_id,
                signed=signing_key is not None,
                signer=signing_key.organisation if signing_key else "",
                document_id=document_id,
            )
            # Registered first, then locked: the file belongs to the meeting as it was closed.
            if signing_minutes and rendered.meeting_status is MeetingStatus.CLOSED:
                meetings.sign_meeting(session, rendered.meeting_id)
                locked = True
            # Renamed last, inside the transaction: if the rename fails nothing is registered.
            os.replace(temporary, target)
            replaced = True
    except BaseException:
        temporary.unlink(missing_ok=True)
        if replaced:  # the commit failed after the rename: an unregistered file must not stay
            target.unlink(missing_ok=True)
        raise
    report(1.0)
    return ExportResult(
        path=target,
        document_id=registered.id,
        kind=request.kind,
        language=request.language,
        sha256=sha256,
        content_sha256=rendered.identity.content_sha256,
        pages=rendered.pages,
        signed=signing_key is not None,
        signer=signing_key.organisation if signing_key else "",
        audit_head=rendered.identity.audit_head or registered.audit_head,
        locked_meeting=locked,
    )
