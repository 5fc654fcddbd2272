"""Exported documents, and the append-only, hash-chained audit log."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, CreatedMixin, IdMixin, utcnow
from civicdesk.models.enums import DocumentKind, DocumentLanguage


class Document(IdMixin, CreatedMixin, Base):
    __tablename__ = "document"

    kind: Mapped[DocumentKind]
    language: Mapped[DocumentLanguage]
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id"), default=None)
    joint_list_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("joint_list.id"), default=None
    )
    filename: Mapped[str] = mapped_column(default="")
    sha256: Mapped[str]
    signed: Mapped[bool] = mapped_column(default=False)
    signer: Mapped[str] = mapped_column(default="")
    #: The head of the audit chain when the document was made.
    audit_head: Mapped[str] = mapped_column(default="")


class AuditEvent(Base):
    """One change. Each event stores the hash of the one before it, so none can be altered,
    inserted or removed without `civicdesk audit verify` noticing."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(default="")
    action: Mapped[str]
    entity_type: Mapped[str]
    entity_id: Mapped[str] = mapped_column(index=True)
    #: Canonical JSON of the row before and after the change ("null" for none).
    before: Mapped[str]
    after: Mapped[str]
    prev_hash: Mapped[str]
    hash: Mapped[str]


class AuditHead(Base):
    """The newest event's number and hash, kept in step with the log in the same transaction,
    so that removing the newest events is noticed too."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int]
    hash: Mapped[str]
