"""The read-only service functions the documents added, and the register's chosen IDs."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from civicdesk.models import Document
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services import documents, recommendations
from civicdesk.services.errors import ValidationError
from civicdesk.storage.database import Database

from .conftest import LONG_KHMER, Built

SHA = "ab" * 32


def test_recommendations_of_meeting_are_those_drafted_amended_or_voted(
    meeting_db: Database, built: Built
) -> None:
    with meeting_db.reading() as session:
        rows = recommendations.recommendations_of_meeting(session, built.meeting)
        none = recommendations.recommendations_of_meeting(session, built.open_meeting)
    assert [r.id for r in rows] == [
        built.long_recommendation,
        built.mixed_recommendation,
        built.english_only_recommendation,
    ]
    assert rows[0].text_km == LONG_KHMER
    assert none == []


def test_revision_history_in_order(meeting_db: Database, built: Built) -> None:
    ids = [built.long_recommendation, built.mixed_recommendation]
    with meeting_db.reading() as session:
        history = recommendations.revision_history(session, ids)
    assert [r.number for r in history[built.long_recommendation]] == [1, 2, 3]
    assert (
        history[built.long_recommendation][1].reason_en == "The CSO side asked for a precise place."
    )
    assert [r.number for r in history[built.mixed_recommendation]] == [1]


def test_record_document_keeps_the_id_printed_in_it(meeting_db: Database, built: Built) -> None:
    chosen = uuid.uuid4()
    with meeting_db.transaction("test") as session:
        record = documents.record_document(
            session,
            kind=DocumentKind.MINUTES,
            language=DocumentLanguage.KHMER,
            sha256=SHA,
            meeting_id=built.meeting,
            document_id=chosen,
        )
        head = documents.current_audit_head(session)
    assert record.id == chosen
    with meeting_db.reading() as session:
        assert session.scalars(select(Document.id)).all() == [chosen]
        assert documents.current_audit_head(session) == head != record.audit_head
    with pytest.raises(ValidationError), meeting_db.transaction("test") as session:
        documents.record_document(
            session,
            kind=DocumentKind.MINUTES,
            language=DocumentLanguage.KHMER,
            sha256=SHA,
            document_id=chosen,
        )
