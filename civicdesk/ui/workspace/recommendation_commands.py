"""Undoable edits of recommendations, both ways through `civicdesk.services.recommendations`.

Nothing is deleted or overwritten to undo: undoing a draft withdraws it, undoing an amendment
adds a revision that restores the earlier text (reason "Undo"), undoing a move moves it back.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from civicdesk.i18n import _, translations_for
from civicdesk.models.enums import ResponsibleLevel, Theme
from civicdesk.services import recommendations
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.undoable import PageCommand, create_command, record_ids


def _undo_reasons() -> tuple[str, str]:
    """The reason stored on a revision or withdrawal an undo made, in both languages (it is
    content of the record, not UI text)."""
    return translations_for("km").gettext("Undo"), translations_for("en").gettext("Undo")


def draft_command(
    context: WorkspaceContext,
    *,
    text_km: str,
    text_en: str,
    theme: Theme,
    responsible_level: ResponsibleLevel,
    finding_ids: list[uuid.UUID],
) -> PageCommand:
    meeting_id = context.meeting_id
    author = context.actor
    ids = record_ids(context)

    def draft(session: Session) -> uuid.UUID:
        return recommendations.draft_recommendation(
            session,
            meeting_id,
            text_km=text_km,
            text_en=text_en,
            theme=theme,
            responsible_level=responsible_level,
            finding_ids=[ids.current(f) for f in finding_ids],
            author=author,
        )

    def withdraw(session: Session, recommendation_id: uuid.UUID) -> None:
        reason_km, reason_en = _undo_reasons()
        recommendations.withdraw_recommendation(
            session, recommendation_id, meeting_id, reason_km, reason_en
        )

    return create_command(
        context,
        _("Draft a recommendation (undo withdraws it; nothing is deleted)"),
        Topic.RECOMMENDATIONS,
        draft,
        withdraw,
    )


def amend_command(
    context: WorkspaceContext,
    recommendation_id: uuid.UUID,
    code: str,
    *,
    before: tuple[str, str],
    after: tuple[str, str],
    reasons: tuple[str, str],
) -> PageCommand:
    meeting_id = context.meeting_id
    author = context.actor
    ids = record_ids(context)

    def amend(texts: tuple[str, str], why: tuple[str, str]) -> Any:
        def apply(session: Session, _result: Any = None) -> uuid.UUID:
            return recommendations.amend_recommendation(
                session,
                ids.current(recommendation_id),
                meeting_id,
                text_km=texts[0],
                text_en=texts[1],
                reason=why[0],
                reason_en=why[1],
                author=author,
            )

        return apply

    return PageCommand(
        _(
            "Amend {code} (undo adds a revision with the earlier text; nothing is overwritten)"
        ).format(code=code),
        Topic.RECOMMENDATIONS,
        amend(after, reasons),
        amend(before, _undo_reasons()),
    )


def update_command(
    context: WorkspaceContext,
    recommendation_id: uuid.UUID,
    code: str,
    *,
    before: tuple[Theme, ResponsibleLevel],
    after: tuple[Theme, ResponsibleLevel],
) -> PageCommand:
    ids = record_ids(context)

    def update(values: tuple[Theme, ResponsibleLevel]) -> Any:
        def apply(session: Session, _result: Any = None) -> None:
            recommendations.update_recommendation(
                session,
                ids.current(recommendation_id),
                theme=values[0],
                responsible_level=values[1],
            )

        return apply

    return PageCommand(
        _("Change the theme or level of {code}").format(code=code),
        Topic.RECOMMENDATIONS,
        update(after),
        update(before),
    )


def move_command(
    context: WorkspaceContext, recommendation_id: uuid.UUID, code: str, *, old: int, new: int
) -> PageCommand:
    ids = record_ids(context)

    def move(position: int) -> Any:
        def apply(session: Session, _result: Any = None) -> None:
            recommendations.move_recommendation(session, ids.current(recommendation_id), position)

        return apply

    return PageCommand(
        _("Move {code}").format(code=code), Topic.RECOMMENDATIONS, move(new), move(old)
    )


def link_command(
    context: WorkspaceContext,
    recommendation_id: uuid.UUID,
    code: str,
    finding_id: uuid.UUID,
    *,
    link: bool,
) -> PageCommand:
    meeting_id = context.meeting_id
    ids = record_ids(context)

    def linker(make: bool) -> Any:
        def apply(session: Session, _result: Any = None) -> None:
            function = recommendations.link_findings if make else recommendations.unlink_findings
            function(session, ids.current(recommendation_id), meeting_id, [ids.current(finding_id)])

        return apply

    text = (_("Link a finding to {code}") if link else _("Unlink a finding from {code}")).format(
        code=code
    )
    return PageCommand(text, Topic.RECOMMENDATIONS, linker(link), linker(not link))
