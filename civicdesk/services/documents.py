"""The register of exported documents: what was exported, in which language, its SHA-256."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models import Document, JointList, Meeting
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services.base import get, service, text
from civicdesk.services.errors import ValidationError
from civicdesk.storage import audit

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class DocumentRecord:
    id: uuid.UUID
    audit_head: str


@service("document.record")
def record_document(
    session: Session,
    *,
    kind: DocumentKind,
    language: DocumentLanguage,
    sha256: str,
    filename: str = "",
    meeting_id: uuid.UUID | None = None,
    joint_list_id: uuid.UUID | None = None,
    signed: bool = False,
    signer: str = "",
    document_id: uuid.UUID | None = None,
) -> DocumentRecord:
    """Register an exported file. ``document_id`` is the ID printed in the document, when the
    exporter chose it before writing the file; a new one is made otherwise."""
    if not _SHA256.match(sha256):
        raise ValidationError(_("That is not a SHA-256 digest."), field="sha256")
    if meeting_id is not None:
        get(session, Meeting, meeting_id, _("meeting"))
    if joint_list_id is not None:
        get(session, JointList, joint_list_id, _("joint list"))
    _seq, head_hash = audit.head(session)
    if document_id is not None and session.get(Document, document_id) is not None:
        raise ValidationError(
            _("A document with the ID {id} is already registered.").format(id=document_id),
            field="document_id",
        )
    document = Document(
        id=document_id,
        kind=DocumentKind(kind),
        language=DocumentLanguage(language),
        sha256=sha256,
        filename=text(filename, "filename", _("File name"), max_length=500),
        meeting_id=meeting_id,
        joint_list_id=joint_list_id,
        signed=signed,
        signer=text(signer, "signer", _("Signer"), max_length=300),
        audit_head=head_hash,
    )
    session.add(document)
    return DocumentRecord(document.id, head_hash)


def current_audit_head(session: Session) -> str:
    """The hash of the newest audit event: what a signed document records as the state of the
    database it was made from."""
    return audit.head(session)[1]
