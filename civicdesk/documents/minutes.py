"""The minutes of a meeting: facts, attendance, agenda, findings, recommendations with their
amendments and votes, the action plan, endorsements, signatures, and the attendance annex."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from civicdesk.documents.blocks import BODY, CELL, SMALL, Composer, Signatory
from civicdesk.documents.common import (
    Identity,
    meeting_facts,
    motto,
    short_date,
    verification_block,
)
from civicdesk.documents.layout import MARGIN_SIDE
from civicdesk.documents.records import MinutesRecord
from civicdesk.documents.wording import Phrase, Wording
from civicdesk.i18n.khmer import in_cambodia
from civicdesk.models.enums import (
    AttendanceStatus,
    OrganisationKind,
    Side,
    VoteMethod,
)
from civicdesk.services.attendance import SexCount
from civicdesk.services.joint_lists import ENDORSING_SIDES, JointListView
from civicdesk.services.recommendations import RevisionRow
from civicdesk.services.votes import VoteRow

__all__ = ["minutes_story"]

WIDTH = A4[0] - 2 * MARGIN_SIDE
#: Meetings are held, and their times written, in Cambodia (UTC+7, no daylight saving); the
#: clocks of agenda items are stored in UTC.


def minutes_story(
    record: MinutesRecord, wording: Wording, identity: Identity, *, with_motto: bool
) -> list[Flowable]:
    composer = Composer(wording)
    w = wording
    facts = record.meeting
    story: list[Flowable] = []
    if with_motto:
        story += motto(w)
    story += composer.title(w.gettext("Minutes of the meeting"))
    story += composer.paragraph(
        w.pick(facts.details.title_km, facts.details.title_en),
        BODY.but(size=12, bold=True, align="center", space_after=8),
    )
    story.append(meeting_facts(composer, facts, WIDTH))
    section = _Sections(composer)
    story += section.attendance(record)
    story += section.agenda(record)
    story += section.findings(record)
    story += section.recommendations(record)
    story += section.actions(record)
    story += section.endorsements(record)
    story += section.signatures(record)
    story += section.annex(record)
    story.append(verification_block(composer, identity, WIDTH))
    return story


class _Sections:
    def __init__(self, composer: Composer) -> None:
        self.c = composer
        self.w = composer.wording
        self.number = 0

    def heading(self, phrase: Phrase) -> list[Flowable]:
        self.number += 1
        return [CondPageBreak(60), *self.c.heading(phrase, self.number)]

    # ------------------------------------------------------------- attendance

    def attendance(self, record: MinutesRecord) -> list[Flowable]:
        w = self.w
        stats = record.statistics
        rows: list[list[Phrase]] = [self._count_row(w.gettext("All present"), stats.all)]
        for side in Side:
            counts = stats.by_side.get(side)
            if counts and counts.total:
                rows.append(self._count_row(w.label(side), counts))
        for kind in OrganisationKind:
            counts = stats.by_organisation_kind.get(kind)
            if counts and counts.total:
                rows.append(self._count_row(w.label(kind), counts))
        other = stats.by_organisation_kind.get(None)
        if other and other.total:
            rows.append(self._count_row(w.gettext("No organisation recorded"), other))
        table = self.c.table(
            [w.gettext("Present"), w.gettext("Total"), w.gettext("Women"), w.gettext("Men")],
            rows,
            [WIDTH * 0.55, WIDTH * 0.15, WIDTH * 0.15, WIDTH * 0.15],
            numeric_columns=(1, 2, 3),
        )
        note = w.format(
            w.gettext(
                "Signed in by name: {named}; counted without names: {anonymous}; invited but "
                "absent: {absent}. The list is in the annex."
            ),
            named=stats.named,
            anonymous=stats.anonymous,
            absent=stats.absent,
        )
        return [
            *self.heading(w.gettext("Attendance")),
            table,
            *self.c.paragraph(note, BODY.but(space_before=4)),
        ]

    def _count_row(self, label: Phrase, counts: SexCount) -> list[Phrase]:
        w = self.w
        return [label, w.number(counts.total), w.number(counts.women), w.number(counts.men)]

    # ------------------------------------------------------------- agenda

    def agenda(self, record: MinutesRecord) -> list[Flowable]:
        if not record.agenda:
            return []
        w = self.w
        story = self.heading(w.gettext("Agenda and discussion"))
        for item in record.agenda:
            title = w.pick(item.title_km, item.title_en)
            story += self.c.subheading(self.c.numbered(item.position, title))
            timing: Phrase = ()
            if item.started_at and item.ended_at:
                timing = w.format(
                    w.gettext("From {start} to {end}"),
                    start=w.time(in_cambodia(item.started_at).time()),
                    end=w.time(in_cambodia(item.ended_at).time()),
                )
            elif item.planned_minutes:
                timing = w.format(
                    w.gettext("Planned: {minutes} minutes"), minutes=item.planned_minutes
                )
            if timing:
                story += self.c.paragraph(timing, SMALL)
            if item.notes_km or item.notes_en:
                story += self.c.paragraph(w.pick(item.notes_km, item.notes_en))
        return story

    # ------------------------------------------------------------- findings

    def findings(self, record: MinutesRecord) -> list[Flowable]:
        if not record.findings:
            return []
        w = self.w
        rows = []
        for finding in record.findings:
            raised = w.pick(finding.raised_by_km, finding.raised_by_en)
            rows.append(
                [
                    w.number(finding.position),
                    w.pick(finding.text_km, finding.text_en),
                    raised if any(raised) else ("",),
                    w.label(finding.theme),
                ]
            )
        table = self.c.table(
            [w.gettext("No."), w.gettext("Finding"), w.gettext("Raised by"), w.gettext("Theme")],
            rows,
            [WIDTH * 0.07, WIDTH * 0.53, WIDTH * 0.2, WIDTH * 0.2],
        )
        return [*self.heading(w.gettext("Findings")), table]

    # ------------------------------------------------------------- recommendations

    def recommendations(self, record: MinutesRecord) -> list[Flowable]:
        if not record.recommendations:
            return []
        w = self.w
        story = self.heading(w.gettext("Recommendations"))
        for recommendation in record.recommendations:
            code = recommendation.code
            story += self.c.subheading(
                w.format(
                    w.gettext("{code} · {theme} · {level}"),
                    code=code,
                    theme=w.label(recommendation.theme),
                    level=w.label(recommendation.responsible_level),
                )
            )
            story += self.c.paragraph(w.pick(recommendation.text_km, recommendation.text_en))
            history = record.revisions.get(recommendation.id, ())
            story += self.c.paragraph(self._amendments(history), SMALL.but(space_after=1))
            vote = record.votes.get(recommendation.id)
            story += self.c.paragraph(
                self._vote(vote) if vote else w.gettext("Not voted on in this meeting."),
                SMALL.but(space_after=4),
            )
        return story

    def _amendments(self, history: Sequence[RevisionRow]) -> Phrase:
        """``Amended 2 times: revision 2 by Srey Pov: reason; revision 3: reason.``"""
        w = self.w
        amendments = [revision for revision in history if revision.number > 1]
        if not amendments:
            return w.gettext("Not amended.")
        notes = [self._amendment(revision) for revision in amendments]
        joined = tuple("; ".join(note[i] for note in notes) for i in range(len(w.languages)))
        return w.format(
            w.gettext("Amendments ({count}): {amendments}."),
            count=len(amendments),
            amendments=joined,
        )

    def _amendment(self, revision: RevisionRow) -> Phrase:
        w = self.w
        reason = w.pick(revision.reason, revision.reason_en)
        if not any(reason):
            reason = w.gettext("no reason recorded")
        reason = tuple(text.rstrip(".។") for text in _spread(reason, w))
        if revision.author:
            return w.format(
                w.gettext("revision {number} by {author}: {reason}"),
                number=revision.number,
                author=revision.author,
                reason=reason,
            )
        return w.format(
            w.gettext("revision {number}: {reason}"), number=revision.number, reason=reason
        )

    def _vote(self, vote: VoteRow) -> Phrase:
        w = self.w
        outcome = w.label(vote.outcome)
        rule = w.label(vote.rule)
        if vote.method is VoteMethod.CONSENSUS:
            if vote.objection:
                return w.format(
                    w.gettext(
                        "Consensus sought; objection recorded: {objection}. Outcome: {outcome}."
                    ),
                    objection=vote.objection,
                    outcome=outcome,
                )
            return w.format(
                w.gettext("Adopted by consensus, no objection recorded. Outcome: {outcome}."),
                outcome=outcome,
            )
        sides = []
        for side in (Side.SNA, Side.CIVIL_SOCIETY):
            tally = vote.tally.side(side)
            sides.append(
                w.format(
                    w.gettext("{side}: {yes} in favour, {no} against, {abstain} abstaining"),
                    side=w.label(side),
                    yes=tally.yes,
                    no=tally.no,
                    abstain=tally.abstain,
                )
            )
        joined = tuple("; ".join(s[i] for s in sides) for i in range(len(w.languages)))
        return w.format(
            w.gettext("{method}: {sides}. Outcome: {outcome}. Rule: {rule}."),
            method=w.label(vote.method),
            sides=joined,
            outcome=outcome,
            rule=rule,
        )

    # ------------------------------------------------------------- actions

    def actions(self, record: MinutesRecord) -> list[Flowable]:
        if not record.actions:
            return []
        w = self.w
        rows = []
        for action in record.actions:
            plan = action.plan
            rows.append(
                [
                    w.number(action.position),
                    w.pick(plan.description_km, plan.description_en),
                    w.pick(plan.responsible_office_km, plan.responsible_office_en),
                    w.pick(action.cso_partner_name_km, action.cso_partner_name_en),
                    short_date(w, plan.due_date),
                    w.label(action.status),
                ]
            )
        table = self.c.table(
            [
                w.gettext("No."),
                w.gettext("Action"),
                w.gettext("Responsible office"),
                w.gettext("CSO partner"),
                w.gettext("Due"),
                w.gettext("Status"),
            ],
            rows,
            [WIDTH * 0.07, WIDTH * 0.34, WIDTH * 0.17, WIDTH * 0.16, WIDTH * 0.14, WIDTH * 0.12],
        )
        return [*self.heading(w.gettext("Joint action plan")), table]

    # ------------------------------------------------------------- endorsements

    def endorsements(self, record: MinutesRecord) -> list[Flowable]:
        if not record.joint_lists:
            return []
        w = self.w
        story = self.heading(w.gettext("Joint lists and endorsements"))
        for joint_list in record.joint_lists:
            names = record.district_names.get(
                joint_list.district_code, (joint_list.district_code,) * 2
            )
            story += self.c.paragraph(
                w.format(
                    w.gettext(
                        "Joint list of {district} ({status}); recommendations on it: {count}."
                    ),
                    district=w.pick(*names),
                    count=len(joint_list.items),
                    status=w.label(joint_list.status),
                )
            )
            story.append(self.c.signatures(joint_list_signatories(w, joint_list), WIDTH))
        return story

    # ------------------------------------------------------------- signatures

    def signatures(self, record: MinutesRecord) -> list[Flowable]:
        w = self.w
        chair_names = [self._name(row.name_km, row.name_latin) for row in record.chairs]
        clerk = record.meeting.clerk
        signatories = [
            Signatory(title=w.gettext("Chair of the meeting"), name=name)
            for name in chair_names or [""]
        ]
        signatories.append(
            Signatory(
                title=w.gettext("Recorder"),
                name=self._name(clerk.name_km, clerk.name_latin) if clerk else "",
            )
        )
        return [
            *self.heading(w.gettext("Signatures")),
            self.c.signatures(signatories, WIDTH),
        ]

    def _name(self, khmer: str, latin: str) -> str:
        return Wording.inline(self.w.pick(khmer, latin), " · ")

    # ------------------------------------------------------------- annex

    def annex(self, record: MinutesRecord) -> list[Flowable]:
        w = self.w
        story: list[Flowable] = [PageBreak()]
        story += self.c.title(w.gettext("Annex: attendance list"))
        present = [row for row in record.attendance if row.status is AttendanceStatus.PRESENT]
        rows = []
        for number, row in enumerate(present, start=1):
            rows.append(
                [
                    w.number(number),
                    w.pick(row.name_km, row.name_latin),
                    w.label(row.sex),
                    w.pick(row.organisation_name_km, row.organisation_name_en),
                    w.pick(row.position, row.position_en),
                    w.label(row.side),
                    w.label(row.role),
                ]
            )
        if rows:
            story.append(
                self.c.table(
                    [
                        w.gettext("No."),
                        w.gettext("Name"),
                        w.gettext("Sex"),
                        w.gettext("Organisation"),
                        w.gettext("Position"),
                        w.gettext("Side"),
                        w.gettext("Role"),
                    ],
                    rows,
                    [
                        WIDTH * 0.06,
                        WIDTH * 0.19,
                        WIDTH * 0.07,
                        WIDTH * 0.22,
                        WIDTH * 0.17,
                        WIDTH * 0.14,
                        WIDTH * 0.15,
                    ],
                    style=CELL.but(size=8.5),
                )
            )
        if record.headcounts:
            story += self.c.subheading(w.gettext("Participants counted without names"))
            story.append(
                self.c.table(
                    [
                        w.gettext("Group"),
                        w.gettext("Side"),
                        w.gettext("Women"),
                        w.gettext("Men"),
                        w.gettext("Total"),
                    ],
                    [
                        [
                            w.pick(h.group_km, h.group_en),
                            w.label(h.side),
                            w.number(h.women),
                            w.number(h.men),
                            w.number(h.women + h.men),
                        ]
                        for h in record.headcounts
                    ],
                    [WIDTH * 0.4, WIDTH * 0.24, WIDTH * 0.12, WIDTH * 0.12, WIDTH * 0.12],
                    numeric_columns=(2, 3, 4),
                )
            )
        absent = [row for row in record.attendance if row.status is AttendanceStatus.ABSENT]
        if absent:
            story += self.c.subheading(w.gettext("Invited but absent"))
            story.append(
                self.c.table(
                    [w.gettext("Name"), w.gettext("Organisation"), w.gettext("Reason")],
                    [
                        [
                            w.pick(row.name_km, row.name_latin),
                            w.pick(row.organisation_name_km, row.organisation_name_en),
                            w.pick(row.absence_reason, row.absence_reason_en)
                            if row.absence_reason or row.absence_reason_en
                            else w.gettext("No reason given"),
                        ]
                        for row in absent
                    ],
                    [WIDTH * 0.3, WIDTH * 0.35, WIDTH * 0.35],
                )
            )
        return story


def _spread(phrase: Phrase, wording: Wording) -> Phrase:
    """``phrase`` with one entry per language of the document (a text the same in both
    languages is stored once)."""
    return tuple(phrase[min(i, len(phrase) - 1)] for i in range(len(wording.languages)))


def joint_list_signatories(wording: Wording, joint_list: JointListView) -> list[Signatory]:
    """Those who signed the list (image, name, title, date), then a blank block for each side
    that has not signed yet. The civil-society side is on the left, the administration on the
    right, as in the district's official lists."""
    w = wording
    signed: list[Signatory] = []
    by_side: dict[Side, list[Signatory]] = {side: [] for side in ENDORSING_SIDES}
    for endorsement in joint_list.endorsements:
        title = w.pick(endorsement.title, endorsement.title_en)
        signatory = Signatory(
            title=title if any(title) else w.label(endorsement.side),
            name=endorsement.signatory_name,
            organisation=endorsement.organisation_name,
            date=w.date(endorsement.signed_on, weekday=False),
            signature_png=endorsement.signature_png,
        )
        by_side.setdefault(endorsement.side, []).append(signatory)
    blank_titles = {
        Side.CIVIL_SOCIETY: w.gettext("On behalf of civil society"),
        Side.SNA: w.gettext("On behalf of the district administration"),
    }
    for side in (Side.CIVIL_SOCIETY, Side.SNA):
        if by_side.get(side):
            signed += by_side[side]
        else:
            signed.append(Signatory(title=blank_titles[side]))
    return signed
