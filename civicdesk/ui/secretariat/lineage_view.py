"""A recommendation's lineage as rich text for the secretariat's side panel: findings of the focus
groups → the districts' recommendations and their revisions → consolidated recommendations →
priority results."""

from __future__ import annotations

import datetime as dt
from html import escape

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import VoteMethod
from civicdesk.services.consolidation import (
    ConsolidatedStep,
    Lineage,
    PriorityPlacing,
    SourceTrail,
)
from civicdesk.services.recommendation_overview import VoteSummary

__all__ = ["lineage_html"]


def _pick(km: str, en: str) -> str:
    first, second = (km, en) if current_language() == "km" else (en, km)
    return first or second


def _number(n: int) -> str:
    return format_number(n, current_language())


def _vote(vote: VoteSummary | None) -> str:
    if vote is None:
        return _("No vote recorded")
    if vote.method is VoteMethod.CONSENSUS:
        return _("{outcome} by consensus").format(outcome=label(vote.outcome))
    return _(
        "{outcome}: SNA {sna_yes}–{sna_no}–{sna_abstain}, "
        "civil society {cs_yes}–{cs_no}–{cs_abstain}"
    ).format(
        outcome=label(vote.outcome),
        sna_yes=_number(vote.sna.yes),
        sna_no=_number(vote.sna.no),
        sna_abstain=_number(vote.sna.abstain),
        cs_yes=_number(vote.civil_society.yes),
        cs_no=_number(vote.civil_society.no),
        cs_abstain=_number(vote.civil_society.abstain),
    )


def _findings(sources: tuple[SourceTrail, ...]) -> str:
    items = []
    for source in sources:
        for finding in source.findings:
            meeting = _pick(finding.meeting_title_km, finding.meeting_title_en)
            day = format_date(
                dt.date.fromisoformat(finding.meeting_date), current_language(), weekday=False
            )
            raised = _pick(finding.raised_by_km, finding.raised_by_en)
            by = f" — {escape(raised)}" if raised else ""
            items.append(
                f"<li>{escape(_pick(finding.text_km, finding.text_en))}{by}"
                f"<br><small>{escape(source.code)} · {escape(meeting)} · {escape(day)}</small></li>"
            )
    if not items:
        return "<p><i>" + escape(_("No finding is linked.")) + "</i></p>"
    return "<ul>" + "".join(items) + "</ul>"


def _sources(sources: tuple[SourceTrail, ...]) -> str:
    parts = []
    for source in sources:
        current = source.revisions[-1] if source.revisions else None
        text = _pick(current.text_km, current.text_en) if current else ""
        facts = " · ".join(
            part
            for part in (
                _pick(source.place_name_km, source.place_name_en),
                label(source.theme),
                label(source.status),
                _vote(source.vote),
                _("joint list {status}").format(status=label(source.joint_list_status).lower())
                if source.joint_list_status
                else "",
            )
            if part
        )
        revisions = "".join(
            "<li>"
            + escape(_("Revision {number}").format(number=_number(r.number)))
            + f": {escape(_pick(r.text_km, r.text_en))}"
            + (f" <i>({escape(_pick(r.reason, r.reason_en))})</i>" if r.number > 1 else "")
            + "</li>"
            for r in source.revisions[:-1]
        )
        history = (
            "<p><small>" + escape(_("Earlier revisions")) + f"</small></p><ol>{revisions}</ol>"
            if revisions
            else ""
        )
        parts.append(
            f"<p><b>{escape(source.code)}</b> {escape(text)}<br><small>{escape(facts)}</small></p>"
            f"{history}"
        )
    return "".join(parts)


def _steps(steps: tuple[ConsolidatedStep, ...]) -> str:
    if not steps:
        return "<p><i>" + escape(_("Not consolidated yet.")) + "</i></p>"
    parts = []
    for step in steps:
        sources = ", ".join(link.code for link in step.sources)
        meeting = _pick(step.meeting_title_km, step.meeting_title_en)
        parts.append(
            f"<p><b>{escape(step.code)}</b> {escape(_pick(step.text_km, step.text_en))}<br>"
            f"<small>{escape(label(step.level))} · {escape(meeting)} · "
            f"{escape(label(step.meeting_status))} · "
            + escape(_("brings together {codes}").format(codes=sources))
            + "</small></p>"
        )
    return "".join(parts)


def _priorities(placings: tuple[PriorityPlacing, ...]) -> str:
    if not placings:
        return "<p><i>" + escape(_("Not prioritised yet.")) + "</i></p>"
    items = []
    for placing in placings:
        title = _pick(placing.round_title_km, placing.round_title_en) or label(placing.method)
        rank = _("{code}: rank {rank} of {count}, score {score}").format(
            code=placing.code,
            rank=_number(placing.rank),
            count=_number(placing.candidates),
            score=_number(placing.score),
        )
        tied = " (" + escape(_("tied")) + ")" if placing.tied else ""
        items.append(f"<li>{escape(rank)}{tied}<br><small>{escape(title)}</small></li>")
    return "<ul>" + "".join(items) + "</ul>"


def lineage_html(lineage: Lineage) -> str:
    """The lineage in the UI language, as Qt rich text."""
    sections = (
        (_("Findings of the focus groups"), _findings(lineage.sources)),
        (_("District recommendations"), _sources(lineage.sources)),
        (_("Consolidated"), _steps(lineage.steps)),
        (_("Priority results"), _priorities(lineage.priorities)),
    )
    body = "".join(
        f"<h4>{_number(number)}. {escape(title)}</h4>{content}"
        for number, (title, content) in enumerate(sections, start=1)
    )
    heading = escape(_("Lineage of {code}").format(code=lineage.subject_code))
    return f"<h3>{heading}</h3>{body}"
