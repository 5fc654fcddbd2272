"""Fill an empty database with the Battambang demo programme, through the services.

Everything goes through the same use cases a facilitator's clicks call, so the demo database is
exactly what real use would leave: validated, audited, locked where signed. It is written in one
transaction: either the whole programme is there, or nothing is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.demo import content
from civicdesk.demo.signature import signature_png
from civicdesk.i18n import _
from civicdesk.i18n.khmer import CAMBODIA_TIME
from civicdesk.models import Meeting
from civicdesk.models.enums import (
    AttendanceStatus,
    PriorityMethod,
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
    priorities,
    recommendations,
    votes,
)
from civicdesk.services.errors import DomainError
from civicdesk.storage.database import Database

#: Cambodia keeps UTC+7 all year.
ACTOR = "demo"


class DemoRefused(DomainError):
    """The database already holds meetings; the demo only fills an empty one."""


@dataclass(frozen=True)
class DemoSummary:
    meetings: int
    districts: int
    people: int
    recommendations: int


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=CAMBODIA_TIME).astimezone(dt.UTC)


class _Builder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.organisations: dict[str, uuid.UUID] = {}
        self.people: dict[str, uuid.UUID] = {}
        self.person_names: dict[str, str] = {}
        self.meetings: dict[str, uuid.UUID] = {}
        self.recommendations: dict[tuple[str, int], uuid.UUID] = {}

    # ------------------------------------------------------------------ directory

    def directory(self) -> None:
        for organisation in content.ORGANISATIONS:
            self.organisations[organisation.key] = people.create_organisation(
                self.session,
                name_km=organisation.name_km,
                name_en=organisation.name_en,
                abbreviation=organisation.abbreviation or "",
                kind=organisation.kind,
                district_code=organisation.district_code,
            )
        for person in content.PEOPLE:
            self.people[person.key] = people.create_person(
                self.session,
                name_km=person.name_km,
                name_latin=person.name_latin,
                sex=person.sex,
                position=person.position_km,
                position_en=person.position_en,
                organisation_id=self.organisations[person.organisation_key],
                phone=person.phone,
            )
            self.person_names[person.key] = person.name_km

    # ------------------------------------------------------------------ meetings

    def meeting(self, demo: content.DemoMeeting) -> uuid.UUID:
        code = demo.place_code
        meeting_id = meetings.plan_meeting(
            self.session,
            meetings.MeetingDetails(
                kind=demo.kind,
                title_km=demo.title_km,
                title_en=demo.title_en,
                meeting_date=demo.date,
                province_code=code[:2],
                district_code=code[:4] if len(code) >= 4 else None,
                commune_code=code if len(code) >= 6 else None,
                start_time=demo.start,
                end_time=demo.end,
                venue_km=demo.venue_km,
                venue_en=demo.venue_en,
                facilitator_id=self.people[demo.facilitator_key],
                clerk_id=self.people[demo.clerk_key],
                follows_from_id=self.meetings.get(demo.follows_key) if demo.follows_key else None,
            ),
        )
        self.meetings[demo.key] = meeting_id
        self._agenda(meeting_id, demo)
        meetings.open_meeting(self.session, meeting_id, at=_at(demo.date, demo.start))
        self._attendance(meeting_id, demo)
        return meeting_id

    def _agenda(self, meeting_id: uuid.UUID, demo: content.DemoMeeting) -> None:
        clock = _at(demo.date, demo.start)
        for item in demo.agenda:
            item_id = agenda.add_agenda_item(
                self.session,
                meeting_id,
                title_km=item.title_km,
                title_en=item.title_en,
                planned_minutes=item.planned_minutes,
            )
            agenda.set_agenda_notes(
                self.session, item_id, notes_km=item.notes_km, notes_en=item.notes_en
            )
            agenda.start_agenda_item(self.session, item_id, at=clock)
            clock += dt.timedelta(minutes=item.planned_minutes)
            agenda.end_agenda_item(self.session, item_id, at=clock)

    def _attendance(self, meeting_id: uuid.UUID, demo: content.DemoMeeting) -> None:
        for entry in demo.attendance:
            person_id = self.people[entry.person_key]
            if entry.status is AttendanceStatus.PRESENT:
                attendance.sign_in(
                    self.session, meeting_id, person_id, role=entry.role, may_vote=entry.voting
                )
            elif entry.status is AttendanceStatus.ABSENT:
                attendance.mark_absent(
                    self.session,
                    meeting_id,
                    person_id,
                    reason=entry.absence_reason_km,
                    reason_en=entry.absence_reason_en,
                )
            else:
                attendance.invite(self.session, meeting_id, person_id, role=entry.role)
        for headcount in demo.headcounts:
            attendance.record_headcount(
                self.session,
                meeting_id,
                group_km=headcount.group_km,
                group_en=headcount.group_en,
                women=headcount.female,
                men=headcount.male,
                side=Side.CIVIL_SOCIETY,
            )

    def finish(self, meeting_id: uuid.UUID, demo: content.DemoMeeting, *, sign: bool) -> None:
        meetings.close_meeting(self.session, meeting_id, at=_at(demo.date, demo.end))
        if sign:
            meetings.sign_meeting(
                self.session, meeting_id, at=_at(demo.date, demo.end) + dt.timedelta(minutes=30)
            )

    # ------------------------------------------------------------------ a district

    def district(self, programme: content.DemoDistrictProgramme) -> None:
        code = programme.district_code
        for fgd in programme.fgds:
            self.meeting(fgd)
        finding_ids: list[uuid.UUID] = []
        for finding in programme.findings:
            finding_id = findings.record_finding(
                self.session,
                self.meetings[finding.fgd_key],
                text_km=finding.text_km,
                text_en=finding.text_en,
                raised_by_km=finding.group_km,
                raised_by_en=finding.group_en,
                theme=finding.theme,
            )
            finding_ids.append(finding_id)
        for fgd in programme.fgds:
            self.finish(self.meetings[fgd.key], fgd, sign=True)

        consultation = self.meeting(programme.consultation)
        for index, demo in enumerate(programme.recommendations):
            self._recommendation(consultation, code, index, demo, finding_ids)
        self.finish(consultation, programme.consultation, sign=True)

        technical = self.meeting(programme.technical)
        for action in programme.actions:
            self._action(technical, code, action)
        self.finish(technical, programme.technical, sign=True)

        endorsement = self.meeting(programme.endorsement)
        joint_list = joint_lists.build_joint_list(
            self.session,
            endorsement,
            district_code=code,
            title_km=programme.endorsement.title_km,
            title_en=programme.endorsement.title_en,
        )
        for signatory in programme.endorsements:
            person = next(p for p in content.PEOPLE if p.key == signatory.person_key)
            organisation = content.ORGANISATIONS_BY_KEY[person.organisation_key]
            side = organisation.kind.side
            joint_lists.endorse_joint_list(
                self.session,
                joint_list,
                signatory_name=person.name_km,
                title=signatory.title_km,
                title_en=signatory.title_en,
                side=side,
                signed_on=signatory.date,
                signature_png=signature_png(person.name_latin),
                organisation_id=self.organisations[organisation.key],
            )
        self.finish(endorsement, programme.endorsement, sign=True)

    def _recommendation(
        self,
        meeting_id: uuid.UUID,
        district_code: str,
        index: int,
        demo: content.DemoRecommendation,
        finding_ids: list[uuid.UUID],
    ) -> None:
        recommendation_id = recommendations.draft_recommendation(
            self.session,
            meeting_id,
            text_km=demo.text_km,
            text_en=demo.text_en,
            theme=demo.theme,
            responsible_level=demo.level,
            finding_ids=[finding_ids[i] for i in demo.finding_indexes],
            author=self.person_names.get(demo.drafted_by, demo.drafted_by),
            district_code=district_code,
        )
        self.recommendations[(district_code, index)] = recommendation_id
        for amendment in demo.amendments:
            recommendations.amend_recommendation(
                self.session,
                recommendation_id,
                meeting_id,
                text_km=amendment.text_km,
                text_en=amendment.text_en,
                reason=amendment.reason_km,
                reason_en=amendment.reason_en,
                author=self.person_names.get(amendment.proposed_by, amendment.proposed_by),
            )
        vote = demo.vote
        if vote.method is VoteMethod.CONSENSUS:
            votes.record_vote(
                self.session, meeting_id, recommendation_id, method=VoteMethod.CONSENSUS
            )
        else:
            votes.record_vote(
                self.session,
                meeting_id,
                recommendation_id,
                method=VoteMethod.TALLY,
                tally=votes.Tally(
                    votes.SideTally(vote.sna_yes, vote.sna_no, vote.sna_abstain),
                    votes.SideTally(vote.cs_yes, vote.cs_no, vote.cs_abstain),
                ),
            )

    def _action(self, meeting_id: uuid.UUID, district_code: str, demo: content.DemoAction) -> None:
        action_id = actions.plan_action(
            self.session,
            meeting_id,
            actions.ActionPlan(
                description_km=demo.description_km,
                description_en=demo.description_en,
                recommendation_id=self.recommendations[(district_code, demo.recommendation_index)],
                responsible_office_km=demo.office_km,
                responsible_office_en=demo.office_en,
                cso_partner_id=self.organisations[demo.cso_partner_key],
                start_date=demo.start,
                due_date=demo.due,
                resources_km=demo.resources_km,
                resources_en=demo.resources_en,
                indicator_km=demo.indicator_km,
                indicator_en=demo.indicator_en,
                status=demo.status,
            ),
        )
        for update in demo.updates:
            actions.record_progress(
                self.session,
                action_id,
                reported_on=update.date,
                status=update.status,
                progress_percent=update.percent,
                note_km=update.note_km,
                note_en=update.note_en,
            )

    # ------------------------------------------------------------------ the workshop

    def workshop(self, demo: content.DemoWorkshop) -> None:
        meeting_id = self.meeting(demo.meeting)
        candidates = [
            self.recommendations[(programme.district_code, index)]
            for programme in content.PROGRAMMES
            for index in programme.adopted_indexes
        ]
        round_id = priorities.create_round(
            self.session,
            meeting_id,
            method=PriorityMethod.DOTS,
            recommendation_ids=candidates,
            dots_per_participant=demo.dots_per_participant,
            title_km="ការចាត់អាទិភាពអនុសាសន៍ថ្នាក់ខេត្ត",
            title_en="Provincial prioritisation of the recommendations",
        )
        for allocation in demo.dots:
            dots = Counter(self.recommendations[ref] for ref in allocation.refs)
            priorities.place_marks(
                self.session, round_id, self.people[allocation.person_key], dict(dots)
            )
        priorities.close_round(self.session, round_id)
        meetings.close_meeting(
            self.session, meeting_id, at=_at(demo.meeting.date, demo.meeting.end)
        )


def build_demo(database: Database) -> DemoSummary:
    """Write the whole programme, or refuse a database that already holds meetings."""
    with database.transaction(ACTOR) as session:
        existing = session.scalar(select(func.count()).select_from(Meeting))
        if existing:
            raise DemoRefused(
                _(
                    "This database already holds {count} meetings; the demo only fills an "
                    "empty database. Use --db to choose another file."
                ).format(count=existing)
            )
        builder = _Builder(session)
        builder.directory()
        for programme in content.PROGRAMMES:
            builder.district(programme)
        builder.workshop(content.PROVINCIAL_WORKSHOP)
        return DemoSummary(
            meetings=len(builder.meetings),
            districts=len(content.PROGRAMMES),
            people=len(builder.people),
            recommendations=len(builder.recommendations),
        )


__all__ = ["DemoRefused", "DemoSummary", "build_demo"]
