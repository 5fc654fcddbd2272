"""What a meeting's minutes will contain, read through the services, and shown as rich text in
the UI language; and what is still missing before the meeting can be signed."""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from civicdesk.i18n import _, current_language, ngettext
from civicdesk.i18n.khmer import format_date, format_number, format_time
from civicdesk.i18n.labels import label
from civicdesk.models.enums import (
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    OrganisationKind,
    RecommendationStatus,
    Side,
    VoteMethod,
)
from civicdesk.services import (
    actions,
    agenda,
    attendance,
    findings,
    joint_lists,
    meetings,
    people,
    recommendations,
    votes,
)
from civicdesk.ui.itemmodels.display import wrappable
from civicdesk.ui.workspace.steps import Step, steps_for


@dataclass(frozen=True)
class RecommendationOutcome:
    recommendation: recommendations.RecommendationRow
    #: Amendments made in this meeting (revisions after the first).
    amendments: int
    vote: votes.VoteRow | None


@dataclass(frozen=True)
class MinutesContent:
    summary: meetings.MeetingSummary
    details: meetings.MeetingDetails
    facilitator: people.PersonInfo | None
    clerk: people.PersonInfo | None
    statistics: attendance.AttendanceStats
    attendees: tuple[attendance.AttendanceRow, ...]
    agenda: tuple[agenda.AgendaRow, ...]
    findings: tuple[findings.FindingRow, ...]
    recommendations: tuple[RecommendationOutcome, ...]
    actions: tuple[actions.ActionRow, ...]
    joint_lists: tuple[joint_lists.JointListView, ...]

    @property
    def absentees(self) -> tuple[attendance.AttendanceRow, ...]:
        return tuple(a for a in self.attendees if a.status is AttendanceStatus.ABSENT)

    @property
    def chairs(self) -> tuple[attendance.AttendanceRow, ...]:
        return tuple(
            a
            for a in self.attendees
            if a.status is AttendanceStatus.PRESENT and a.role is AttendanceRole.CHAIR
        )


def _person(session: Session, person_id: uuid.UUID | None) -> people.PersonInfo | None:
    return people.get_person(session, person_id) if person_id is not None else None


def _recommendation_outcomes(
    session: Session, meeting_id: uuid.UUID
) -> tuple[RecommendationOutcome, ...]:
    current = votes.current_votes(session, meeting_id)
    drafted = recommendations.recommendations(session, meeting_id=meeting_id)
    known = {r.id for r in drafted}
    voted_here = [
        recommendations.get_recommendation(session, rid) for rid in current if rid not in known
    ]
    outcomes = []
    for row in [*drafted, *voted_here]:
        amendments = sum(
            1
            for revision in recommendations.revisions(session, row.id)
            if revision.number > 1 and revision.meeting_id == meeting_id
        )
        outcomes.append(RecommendationOutcome(row, amendments, current.get(row.id)))
    return tuple(outcomes)


def read_minutes_content(session: Session, meeting_id: uuid.UUID) -> MinutesContent:
    """Everything the minutes summary shows, in one read."""
    details = meetings.meeting_details(session, meeting_id)
    return MinutesContent(
        summary=meetings.get_meeting_summary(session, meeting_id),
        details=details,
        facilitator=_person(session, details.facilitator_id),
        clerk=_person(session, details.clerk_id),
        statistics=attendance.attendance_statistics(session, meeting_id),
        attendees=tuple(attendance.attendance_list(session, meeting_id)),
        agenda=tuple(agenda.agenda(session, meeting_id)),
        findings=tuple(findings.findings(session, meeting_id=meeting_id)),
        recommendations=_recommendation_outcomes(session, meeting_id),
        actions=tuple(actions.actions(session, meeting_id=meeting_id)),
        joint_lists=tuple(joint_lists.joint_lists(session, meeting_id=meeting_id)),
    )


# ---------------------------------------------------------------------- what is missing


def missing_before_signing(content: MinutesContent, *, joint_list: bool = True) -> list[str]:
    """What the meeting still lacks before its minutes can be signed, in the UI language
    (without the joint list's state if `joint_list` is False)."""
    steps = steps_for(content.summary.kind)
    lacking: list[str] = []
    status = content.summary.status
    if status is MeetingStatus.PLANNED:
        lacking.append(_("The meeting has not been opened yet."))
    elif status is MeetingStatus.OPEN:
        lacking.append(_("The meeting is still open: close it before signing."))
    if content.statistics.total == 0:
        lacking.append(_("Nobody has been signed in."))
    if not content.chairs:
        lacking.append(_("Nobody is signed in as chair (the chair signs the minutes)."))
    if content.clerk is None:
        lacking.append(_("No clerk is named in the setup (the clerk signs the minutes)."))
    if Step.AGENDA in steps and not content.agenda:
        lacking.append(_("The agenda is empty."))
    if Step.FINDINGS in steps and not content.findings:
        lacking.append(_("No findings have been recorded."))
    lacking.extend(_missing_recommendations(content, steps))
    if (
        Step.ACTIONS in steps
        and content.summary.kind is not MeetingKind.FOLLOW_UP
        and not content.actions
    ):
        lacking.append(_("No actions have been planned."))
    if Step.ENDORSEMENT in steps and joint_list:
        if not content.joint_lists:
            lacking.append(_("The joint list has not been built."))
        elif any(j.sides_missing for j in content.joint_lists):
            lacking.append(_("The joint list has not been signed by both sides."))
    return lacking


def _missing_recommendations(content: MinutesContent, steps: tuple[Step, ...]) -> list[str]:
    if Step.RECOMMENDATIONS not in steps or content.summary.kind is MeetingKind.TECHNICAL_MEETING:
        return []
    if not content.recommendations:
        return [_("No recommendations have been drafted.")]
    if Step.VOTING not in steps:
        return []
    unvoted = sum(
        1
        for outcome in content.recommendations
        if outcome.vote is None
        and outcome.recommendation.status is not RecommendationStatus.WITHDRAWN
    )
    if not unvoted:
        return []
    return [
        ngettext(
            "{count} recommendation has not been voted on.",
            "{count} recommendations have not been voted on.",
            unvoted,
        ).format(count=format_number(unvoted, current_language()))
    ]


# ---------------------------------------------------------------------- rich text

TABLE = '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
NUMBERS_TABLE = '<table border="1" cellspacing="0" cellpadding="4">'


def _e(text: str) -> str:
    # Break hints between Khmer words, so long Khmer text wraps in table cells.
    return html.escape(wrappable(text)).replace("\n", "<br/>")


def _pick(km: str, en: str) -> str:
    first, second = (km, en) if current_language() == "km" else (en, km)
    return first or second


def _n(value: int) -> str:
    return format_number(value, current_language())


def _name(km: str, latin: str) -> str:
    return _pick(km, latin)


def _row(cells: list[str], header: bool = False) -> str:
    tag = "th" if header else "td"
    return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def _table(header: list[str], rows: list[list[str]]) -> str:
    return TABLE + _row(header, header=True) + "".join(_row(r) for r in rows) + "</table>"


def _section(title: str, body: str) -> str:
    return f"<h3>{_e(title)}</h3>{body}"


def _empty(text: str) -> str:
    return f"<p><i>{_e(text)}</i></p>"


def _heading(content: MinutesContent) -> str:
    language = current_language()
    summary, details = content.summary, content.details
    when = format_date(summary.meeting_date, language)
    if details.start_time and details.end_time:
        when += " · " + _("{start} to {end}").format(
            start=format_time(details.start_time, language),
            end=format_time(details.end_time, language),
        )
    place = _pick(summary.place_name_km, summary.place_name_en)
    venue = _pick(details.venue_km, details.venue_en)
    facts = [
        (_("Kind"), label(summary.kind)),
        (_("Date"), when),
        (_("Place"), ", ".join(p for p in (venue, place) if p)),
        (
            _("Facilitator"),
            _name(content.facilitator.name_km, content.facilitator.name_latin)
            if content.facilitator
            else _("not named"),
        ),
        (
            _("Clerk"),
            _name(content.clerk.name_km, content.clerk.name_latin)
            if content.clerk
            else _("not named"),
        ),
        (_("Status"), label(summary.status)),
    ]
    rows = "".join(f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in facts)
    return f"<h2>{_e(summary.title(language))}</h2><table cellpadding='3'>{rows}</table>"


def _count_row(name: str, counts: attendance.SexCount, bold: bool = False) -> str:
    cells = [_n(counts.total), _n(counts.women), _n(counts.men)]
    if bold:
        name, cells = f"<b>{name}</b>", [f"<b>{c}</b>" for c in cells]
    numbers = "".join(f'<td align="right">{cell}</td>' for cell in cells)
    return f"<tr><td>{name}</td>{numbers}</tr>"


def _attendance(content: MinutesContent) -> str:
    stats = content.statistics
    header = [_e(_("Present")), _e(_("Total")), _e(_("Women")), _e(_("Men"))]
    rows = [_row(header, header=True), _count_row(_e(_("Everyone")), stats.all, bold=True)]
    rows.append('<tr><td colspan="4"><i>' + _e(_("By side")) + "</i></td></tr>")
    for side in Side:
        counts = stats.by_side.get(side)
        if counts is not None and counts.total:
            rows.append(_count_row(_e(label(side)), counts))
    rows.append('<tr><td colspan="4"><i>' + _e(_("By kind of organisation")) + "</i></td></tr>")
    for kind in [*OrganisationKind, None]:
        counts = stats.by_organisation_kind.get(kind)
        if counts is not None and counts.total:
            name = label(kind) if kind is not None else _("No organisation stated")
            rows.append(_count_row(_e(name), counts))
    table = NUMBERS_TABLE + "".join(rows) + "</table>"
    counted = _e(
        _("{named} signed in by name, {anonymous} counted anonymously.").format(
            named=_n(stats.named), anonymous=_n(stats.anonymous)
        )
    )
    return _section(_("Attendance"), f"{table}<p>{counted}</p>" + _absentees(content))


def _absentees(content: MinutesContent) -> str:
    absent = content.absentees
    if not absent:
        return "<p>" + _e(_("Absent: nobody.")) + "</p>"
    items = "".join(
        "<li>{name}{organisation}{reason}</li>".format(
            name=_e(_name(a.name_km, a.name_latin)),
            organisation=(
                " – " + _e(_pick(a.organisation_name_km, a.organisation_name_en))
                if a.organisation_name_km or a.organisation_name_en
                else ""
            ),
            reason=(
                " (" + _e(_pick(a.absence_reason, a.absence_reason_en)) + ")"
                if a.absence_reason or a.absence_reason_en
                else ""
            ),
        )
        for a in absent
    )
    return "<p>" + _e(_("Absent:")) + f"</p><ul>{items}</ul>"


def _agenda(content: MinutesContent) -> str:
    if not content.agenda:
        return _section(_("Agenda"), _empty(_("No agenda items.")))
    rows = []
    for item in content.agenda:
        notes = _pick(item.notes_km, item.notes_en)
        rows.append(
            [
                _n(item.position),
                f"<b>{_e(_pick(item.title_km, item.title_en))}</b>"
                + (f"<br/>{_e(notes)}" if notes else ""),
                _e(
                    _("{minutes} min").format(minutes=_n(item.planned_minutes))
                    if item.planned_minutes
                    else ""
                ),
            ]
        )
    header = [_e(_("No.")), _e(_("Item and discussion notes")), _e(_("Planned"))]
    return _section(_("Agenda"), _table(header, rows))


def _findings(content: MinutesContent) -> str:
    if Step.FINDINGS not in steps_for(content.summary.kind) and not content.findings:
        return ""
    if not content.findings:
        return _section(_("Findings"), _empty(_("No findings recorded.")))
    rows = [
        [
            _n(f.position),
            _e(_pick(f.text_km, f.text_en)),
            _e(_pick(f.raised_by_km, f.raised_by_en)),
        ]
        for f in content.findings
    ]
    return _section(
        _("Findings"), _table([_e(_("No.")), _e(_("Finding")), _e(_("Raised by"))], rows)
    )


def _vote_text(vote: votes.VoteRow | None) -> str:
    if vote is None:
        return _e(_("not voted"))
    if vote.method is VoteMethod.CONSENSUS:
        return _e(_("by consensus"))

    def side(counts: votes.SideTally) -> str:
        return _("{yes} for, {no} against, {abstain} abstaining").format(
            yes=_n(counts.yes), no=_n(counts.no), abstain=_n(counts.abstain)
        )

    lines = [
        f"{_e(label(Side.SNA))}: {_e(side(vote.tally.sna))}",
        f"{_e(label(Side.CIVIL_SOCIETY))}: {_e(side(vote.tally.civil_society))}",
    ]
    return "<br/>".join(lines)


def _recommendations(content: MinutesContent) -> str:
    if not content.recommendations:
        if Step.RECOMMENDATIONS not in steps_for(content.summary.kind):
            return ""
        return _section(_("Recommendations"), _empty(_("No recommendations.")))
    rows = []
    for outcome in content.recommendations:
        row = outcome.recommendation
        vote = outcome.vote
        result = label(vote.outcome) if vote else label(row.status)
        rows.append(
            [
                _e(row.code),
                _e(row.text(current_language())),
                _n(outcome.amendments),
                _vote_text(vote),
                f"<b>{_e(result)}</b>",
            ]
        )
    header = [
        _e(_("Code")),
        _e(_("Final text")),
        _e(_("Amendments")),
        _e(_("Vote")),
        _e(_("Outcome")),
    ]
    return _section(_("Recommendations"), _table(header, rows))


def _actions(content: MinutesContent) -> str:
    if not content.actions:
        if Step.ACTIONS not in steps_for(content.summary.kind):
            return ""
        return _section(_("Action plan"), _empty(_("No actions planned.")))
    language = current_language()
    rows = [
        [
            _e(a.recommendation_code),
            _e(_pick(a.plan.description_km, a.plan.description_en)),
            _e(_pick(a.plan.responsible_office_km, a.plan.responsible_office_en)),
            _e(_pick(a.cso_partner_name_km, a.cso_partner_name_en)),
            _e(format_date(a.plan.due_date, language, weekday=False) if a.plan.due_date else ""),
            _e(label(a.status)),
        ]
        for a in content.actions
    ]
    header = [
        _e(_("Recommendation")),
        _e(_("Action")),
        _e(_("Responsible SNA office")),
        _e(_("CSO partner")),
        _e(_("Due")),
        _e(_("Status")),
    ]
    return _section(_("Action plan"), _table(header, rows))


def _endorsements(content: MinutesContent) -> str:
    if not content.joint_lists:
        if Step.ENDORSEMENT not in steps_for(content.summary.kind):
            return ""
        return _section(_("Endorsement"), _empty(_("The joint list has not been built.")))
    language = current_language()
    parts = []
    for joint_list in content.joint_lists:
        parts.append(
            "<p>{}</p>".format(
                _e(
                    ngettext(
                        "Joint list of {count} recommendation: {status}.",
                        "Joint list of {count} recommendations: {status}.",
                        len(joint_list.items),
                    ).format(count=_n(len(joint_list.items)), status=label(joint_list.status))
                )
            )
        )
        rows = [
            [
                _e(label(e.side)),
                _e(e.signatory_name),
                _e(_pick(e.title, e.title_en)),
                _e(e.organisation_name),
                _e(format_date(e.signed_on, language, weekday=False)),
            ]
            for e in joint_list.endorsements
        ]
        if rows:
            header = [_e(_("Side")), _e(_("Name")), _e(_("Title"))]
            header += [_e(_("Organisation")), _e(_("Date"))]
            parts.append(_table(header, rows))
    return _section(_("Endorsement"), "".join(parts))


def summary_html(content: MinutesContent) -> str:
    """The summary as rich text for a QTextBrowser, in the UI language."""
    sections = [
        _heading(content),
        _attendance(content),
        _agenda(content),
        _findings(content),
        _recommendations(content),
        _actions(content),
        _endorsements(content),
    ]
    return "<html><body>" + "".join(s for s in sections if s) + "</body></html>"


# ---------------------------------------------------------------------- the confirmation


def _what_is_recorded(content: MinutesContent) -> list[str]:
    language = current_language()

    def n(value: int) -> str:
        return format_number(value, language)

    parts = [
        ngettext(
            "the attendance of {count} person",
            "the attendance of {count} people",
            content.statistics.total,
        ).format(count=n(content.statistics.total))
    ]
    if content.agenda:
        parts.append(
            ngettext(
                "{count} agenda item and its notes",
                "{count} agenda items and their notes",
                len(content.agenda),
            ).format(count=n(len(content.agenda)))
        )
    if content.findings:
        parts.append(
            ngettext("{count} finding", "{count} findings", len(content.findings)).format(
                count=n(len(content.findings))
            )
        )
    if content.recommendations:
        parts.append(
            ngettext(
                "{count} recommendation with its amendments and votes",
                "{count} recommendations with their amendments and votes",
                len(content.recommendations),
            ).format(count=n(len(content.recommendations)))
        )
    if content.actions:
        parts.append(
            ngettext("{count} action", "{count} actions", len(content.actions)).format(
                count=n(len(content.actions))
            )
        )
    for joint_list in content.joint_lists:
        parts.append(
            ngettext(
                "the joint list and its {count} signature",
                "the joint list and its {count} signatures",
                len(joint_list.endorsements),
            ).format(count=n(len(joint_list.endorsements)))
        )
    return parts


def signing_confirmation(content: MinutesContent) -> str:
    """The question asked before a meeting is signed: what will no longer change, in this
    meeting's own terms, and what is still missing (signing does not wait for it)."""
    title = content.summary.title(current_language())
    text = _(
        "Signing “{title}” records that its minutes are final. From then on nothing it "
        "recorded can change: {records}. A correction will have to be recorded as an addendum "
        "at another meeting."
    ).format(title=title, records="; ".join(_what_is_recorded(content)))
    if any(j.sides_missing for j in content.joint_lists):
        text += "\n\n" + _(
            "The joint list has not been signed by both sides: once the meeting is signed, it "
            "can no longer be."
        )
    missing = missing_before_signing(content, joint_list=False)
    if missing:
        text += "\n\n" + _("Still missing:") + "\n" + "\n".join(f"• {m}" for m in missing)
    return text + "\n\n" + _("Sign and lock now?")
