"""The register of exported documents: kind, language, SHA-256 and the audit head."""

from __future__ import annotations

import hashlib
import uuid

from civicdesk.models import Document
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services import NotFoundError, ValidationError, documents
from civicdesk.storage import audit

from .helpers import audit_head, count_rows

DIGEST = hashlib.sha256(b"%PDF-1.7 minutes").hexdigest()


def test_record_document_stores_the_audit_head(database, open_meeting) -> None:
    seq, head = audit_head(database)
    assert seq > 0
    with database.transaction("secretariat") as session:
        record = documents.record_document(
            session,
            kind=DocumentKind.SIGN_IN_SHEET,
            language=DocumentLanguage.KHMER,
            sha256=DIGEST,
            filename="sign-in.pdf",
            meeting_id=open_meeting.meeting,
        )
    assert record.audit_head == head
    with database.reading() as session:
        stored = session.get(Document, record.id)
        assert (stored.kind, stored.language, stored.sha256, stored.filename) == (
            DocumentKind.SIGN_IN_SHEET,
            DocumentLanguage.KHMER,
            DIGEST,
            "sign-in.pdf",
        )
        assert stored.audit_head == head
        assert (stored.signed, stored.signer) == (False, "")
        # Recording the document is itself an audited change, after the head it stored.
        new_seq, new_head = audit.head(session)
    assert (new_seq, new_head) != (seq, head)
    assert new_seq == seq + 1


def test_signed_minutes_of_a_signed_meeting(database, signed) -> None:
    """The signed minutes are exported after signing: registering them is not a change to the
    locked meeting."""
    _seq, head = audit_head(database)
    with database.transaction("secretariat") as session:
        record = documents.record_document(
            session,
            kind=DocumentKind.MINUTES,
            language=DocumentLanguage.BOTH,
            sha256=DIGEST,
            meeting_id=signed.meeting,
            signed=True,
            signer="CPDD secretariat",
        )
        joint = documents.record_document(
            session,
            kind=DocumentKind.JOINT_LIST,
            language=DocumentLanguage.KHMER,
            sha256=DIGEST,
            joint_list_id=signed.joint_list,
        )
    assert record.audit_head == head
    with database.reading() as session:
        stored = session.get(Document, record.id)
        assert (stored.meeting_id, stored.signed, stored.signer) == (
            signed.meeting,
            True,
            "CPDD secretariat",
        )
        assert session.get(Document, joint.id).joint_list_id == signed.joint_list


def test_bad_digest_is_refused(database, seed, refuse) -> None:
    for digest in ("", "abc", DIGEST.upper(), DIGEST[:-1] + "g", DIGEST + "0", " " + DIGEST):
        refuse(
            ValidationError,
            lambda s, d=digest: documents.record_document(
                s, kind=DocumentKind.MINUTES, language=DocumentLanguage.ENGLISH, sha256=d
            ),
            field="sha256",
            case=digest,
        )
    assert count_rows(database, Document) == 0


def test_unknown_links_are_refused(database, seed, refuse) -> None:
    for link in ("meeting_id", "joint_list_id"):
        refuse(
            NotFoundError,
            lambda s, k=link: documents.record_document(
                s,
                kind=DocumentKind.REPORT,
                language=DocumentLanguage.ENGLISH,
                sha256=DIGEST,
                **{k: uuid.uuid4()},
            ),
            case=link,
        )
