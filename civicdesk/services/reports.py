"""The secretariat's reports, as plain data: participation by district and meeting kind with
women's share, recommendations by theme and district, and action-plan progress with the actions
overdue on a given date.

Participants are the people who took part: named people present as participants or chairs, and
anonymous headcounts (the focus groups' respondents). Facilitators, clerks, resource persons and
observers are counted apart as organisers, so a focus group of 25 villagers run by two CSO staff
reports 25 participants, not 27.

Everything is read "as of" a date: meetings held up to that day, actions planned by then, and
each action's status from the latest progress reported on or before it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from civicdesk.i18n.labels import label
from civicdesk.models import (
    Action,
    Attendance,
    ConsolidatedRecommendation,
    Headcount,
    Meeting,
    Person,
    Recommendation,
)
from civicdesk.models.enums import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    RecommendationStatus,
    ResponsibleLevel,
    Sex,
    Theme,
)
from civicdesk.services import places
from civicdesk.services.actions import FINISHED
from civicdesk.services.recommendation_overview import province_place_names

#: Roles whose people are counted as participants; the others run or watch the meeting.
PARTICIPANT_ROLES = frozenset({AttendanceRole.PARTICIPANT, AttendanceRole.CHAIR})


# ---------------------------------------------------------------------------------- places


@dataclass(frozen=True, order=True)
class Place:
    """Where a report row belongs: a district, or a province (or the nation) for workshops."""

    province_code: str
    district_code: str | None
    name_km: str = field(compare=False)
    name_en: str = field(compare=False)

    def name(self, language: str) -> str:
        first, second = (
            (self.name_km, self.name_en) if language == "km" else (self.name_en, self.name_km)
        )
        return first or second

    @property
    def sort_key(self) -> tuple[bool, str, str]:
        # Districts first, in code order; then the provincial and national rows.
        return (self.district_code is None, self.district_code or "", self.province_code)


def _place(province_code: str, district_code: str | None, kind: MeetingKind | None) -> Place:
    if district_code:
        return Place(
            province_code,
            district_code,
            places.district_name(district_code, "km"),
            places.district_name(district_code, "en"),
        )
    if kind is MeetingKind.NATIONAL_WORKSHOP:
        return Place(
            "",
            None,
            label(ResponsibleLevel.NATIONAL, "km"),
            label(ResponsibleLevel.NATIONAL, "en"),
        )
    # "Battambang" names a municipality and its province: the province's row says so.
    name_km, name_en = province_place_names(province_code)
    return Place(province_code, None, name_km, name_en)


# ---------------------------------------------------------------------------------- participation


@dataclass(frozen=True)
class Turnout:
    """Who took part in some meetings."""

    meetings: int = 0
    women: int = 0
    men: int = 0
    #: Facilitators, clerks, resource persons and observers (not participants).
    organisers: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men

    @property
    def women_share(self) -> float | None:
        """Women's share of the participants, 0 to 1; None when nobody took part."""
        return self.women / self.total if self.total else None

    def __add__(self, other: Turnout) -> Turnout:
        return Turnout(
            self.meetings + other.meetings,
            self.women + other.women,
            self.men + other.men,
            self.organisers + other.organisers,
        )


@dataclass(frozen=True)
class ParticipationRow:
    place: Place
    kind: MeetingKind
    turnout: Turnout


@dataclass(frozen=True)
class PlaceTurnout:
    place: Place
    turnout: Turnout


@dataclass(frozen=True)
class KindTurnout:
    kind: MeetingKind
    turnout: Turnout


def _sum(turnouts: Iterable[Turnout]) -> Turnout:
    total = Turnout()
    for turnout in turnouts:
        total = total + turnout
    return total


@dataclass(frozen=True)
class ParticipationReport:
    """One row per place and meeting kind that held a meeting."""

    rows: tuple[ParticipationRow, ...]

    def total(self, kind: MeetingKind | None = None) -> Turnout:
        return _sum(r.turnout for r in self.rows if kind is None or r.kind is kind)

    def by_place(self, kind: MeetingKind | None = None) -> list[PlaceTurnout]:
        """Per district (then province and national rows), of one meeting kind or all."""
        grouped: dict[Place, list[Turnout]] = defaultdict(list)
        for row in self.rows:
            if kind is None or row.kind is kind:
                grouped[row.place].append(row.turnout)
        return [
            PlaceTurnout(place, _sum(turnouts))
            for place, turnouts in sorted(grouped.items(), key=lambda item: item[0].sort_key)
        ]

    def by_kind(self, district_code: str | None = None) -> list[KindTurnout]:
        """Per meeting kind, in the programme's order, of one district or all."""
        grouped: dict[MeetingKind, list[Turnout]] = defaultdict(list)
        for row in self.rows:
            if district_code is None or row.place.district_code == district_code:
                grouped[row.kind].append(row.turnout)
        return [KindTurnout(kind, _sum(grouped[kind])) for kind in MeetingKind if kind in grouped]


@dataclass
class _Tally:
    meetings: set[uuid.UUID] = field(default_factory=set)
    women: int = 0
    men: int = 0
    organisers: int = 0

    def add(self, sex: Sex, n: int = 1) -> None:
        if sex is Sex.FEMALE:
            self.women += n
        else:
            self.men += n

    def turnout(self) -> Turnout:
        return Turnout(len(self.meetings), self.women, self.men, self.organisers)


def participation(session: Session, as_of: dt.date) -> ParticipationReport:
    """Participants by place and meeting kind, of the meetings held up to ``as_of``."""
    held = (Meeting.status != MeetingStatus.PLANNED) & (Meeting.meeting_date <= as_of)
    tallies: dict[tuple[Place, MeetingKind], _Tally] = defaultdict(_Tally)

    def tally(province: str, district: str | None, kind: MeetingKind) -> _Tally:
        return tallies[(_place(province, district, kind), kind)]

    for meeting_id, province, district, kind in session.execute(
        select(Meeting.id, Meeting.province_code, Meeting.district_code, Meeting.kind).where(held)
    ):
        tally(province, district, kind).meetings.add(meeting_id)
    for province, district, kind, role, sex in session.execute(
        select(
            Meeting.province_code, Meeting.district_code, Meeting.kind, Attendance.role, Person.sex
        )
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .join(Person, Attendance.person_id == Person.id)
        .where(held, Attendance.status == AttendanceStatus.PRESENT)
    ):
        entry = tally(province, district, kind)
        if role in PARTICIPANT_ROLES:
            entry.add(sex)
        else:
            entry.organisers += 1
    for province, district, kind, female, male in session.execute(
        select(
            Meeting.province_code,
            Meeting.district_code,
            Meeting.kind,
            Headcount.female,
            Headcount.male,
        )
        .join(Headcount, Headcount.meeting_id == Meeting.id)
        .where(held)
    ):
        entry = tally(province, district, kind)
        entry.add(Sex.FEMALE, female)
        entry.add(Sex.MALE, male)
    rows = [
        ParticipationRow(place, kind, entry.turnout()) for (place, kind), entry in tallies.items()
    ]
    rows.sort(key=lambda row: (row.place.sort_key, list(MeetingKind).index(row.kind)))
    return ParticipationReport(tuple(rows))


# ---------------------------------------------------------------------------------- recommendations


@dataclass(frozen=True)
class ThemeCount:
    place: Place
    theme: Theme
    #: How many of the place's recommendations on the theme are in each status.
    by_status: Mapping[RecommendationStatus, int]

    def count(self, statuses: Iterable[RecommendationStatus] | None = None) -> int:
        wanted = set(statuses) if statuses is not None else set(RecommendationStatus)
        return sum(n for status, n in self.by_status.items() if status in wanted)


@dataclass(frozen=True)
class RecommendationReport:
    """The districts' recommendations (consolidated ones are counted apart, as they restate
    the districts')."""

    rows: tuple[ThemeCount, ...]
    #: Consolidated recommendations by theme (all statuses but withdrawn).
    consolidated: Mapping[Theme, int]

    def places(self) -> list[Place]:
        return sorted({row.place for row in self.rows}, key=lambda place: place.sort_key)

    def themes(self) -> list[Theme]:
        present = {row.theme for row in self.rows}
        return [theme for theme in Theme if theme in present]

    def count(
        self,
        *,
        district_code: str | None = None,
        theme: Theme | None = None,
        statuses: Iterable[RecommendationStatus] | None = None,
    ) -> int:
        wanted = list(statuses) if statuses is not None else None
        return sum(
            row.count(wanted)
            for row in self.rows
            if (district_code is None or row.place.district_code == district_code)
            and (theme is None or row.theme is theme)
        )


def recommendation_counts(session: Session) -> RecommendationReport:
    consolidated_ids = set(session.scalars(select(ConsolidatedRecommendation.recommendation_id)))
    counts: dict[tuple[Place, Theme], Counter[RecommendationStatus]] = defaultdict(Counter)
    consolidated: Counter[Theme] = Counter()
    for recommendation_id, province, district, theme, status in session.execute(
        select(
            Recommendation.id,
            Recommendation.province_code,
            Recommendation.district_code,
            Recommendation.theme,
            Recommendation.status,
        )
    ):
        if recommendation_id in consolidated_ids:
            if status is not RecommendationStatus.WITHDRAWN:
                consolidated[theme] += 1
            continue
        counts[(_place(province, district, None), theme)][status] += 1
    rows = [
        ThemeCount(place, theme, dict(by_status)) for (place, theme), by_status in counts.items()
    ]
    rows.sort(key=lambda row: (row.place.sort_key, list(Theme).index(row.theme)))
    return RecommendationReport(tuple(rows), dict(consolidated))


# ---------------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class ActionProgressRow:
    place: Place
    by_status: Mapping[ActionStatus, int]
    overdue: int
    #: The mean of the actions' latest reported progress, 0–100.
    mean_progress: int

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class OverdueAction:
    id: uuid.UUID
    place: Place
    recommendation_code: str
    description_km: str
    description_en: str
    responsible_office_km: str
    responsible_office_en: str
    due_date: dt.date
    days_overdue: int
    status: ActionStatus
    progress_percent: int


@dataclass(frozen=True)
class ActionReport:
    as_of: dt.date
    rows: tuple[ActionProgressRow, ...]
    #: Most overdue first.
    overdue: tuple[OverdueAction, ...]

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    def status_total(self, status: ActionStatus) -> int:
        return sum(row.by_status.get(status, 0) for row in self.rows)


def _status_on(action: Action, as_of: dt.date) -> tuple[ActionStatus, int]:
    reported = [u for u in action.updates if u.reported_on <= as_of]
    if not reported:
        return action.initial_status, 0
    latest = max(reported, key=lambda u: (u.reported_on, u.created_at))
    return latest.status, latest.progress_percent


def action_progress(session: Session, as_of: dt.date) -> ActionReport:
    """Each place's actions by status on ``as_of``, and the actions overdue on that day."""
    query = (
        select(Action, Meeting)
        .join(Meeting, Action.meeting_id == Meeting.id)
        .options(selectinload(Action.updates), selectinload(Action.recommendation))
        .where(Meeting.meeting_date <= as_of)
        .order_by(Meeting.meeting_date, Action.position)
    )
    statuses: dict[Place, Counter[ActionStatus]] = defaultdict(Counter)
    progress: dict[Place, list[int]] = defaultdict(list)
    overdue: list[OverdueAction] = []
    for action, meeting in session.execute(query):
        place = _place(meeting.province_code, meeting.district_code, meeting.kind)
        status, percent = _status_on(action, as_of)
        statuses[place][status] += 1
        progress[place].append(percent)
        if action.due_date is not None and action.due_date < as_of and status not in FINISHED:
            overdue.append(
                OverdueAction(
                    id=action.id,
                    place=place,
                    recommendation_code=action.recommendation.code if action.recommendation else "",
                    description_km=action.description_km,
                    description_en=action.description_en,
                    responsible_office_km=action.responsible_office_km,
                    responsible_office_en=action.responsible_office_en,
                    due_date=action.due_date,
                    days_overdue=(as_of - action.due_date).days,
                    status=status,
                    progress_percent=percent,
                )
            )
    overdue_by_place = Counter(item.place for item in overdue)
    rows = [
        ActionProgressRow(
            place,
            dict(counts),
            overdue_by_place[place],
            round(sum(progress[place]) / len(progress[place])),
        )
        for place, counts in sorted(statuses.items(), key=lambda item: item[0].sort_key)
    ]
    overdue.sort(key=lambda item: (-item.days_overdue, item.place.sort_key))
    return ActionReport(as_of, tuple(rows), tuple(overdue))


# ---------------------------------------------------------------------------------- together


@dataclass(frozen=True)
class SecretariatReport:
    as_of: dt.date
    participation: ParticipationReport
    recommendations: RecommendationReport
    actions: ActionReport


def build_report(session: Session, as_of: dt.date) -> SecretariatReport:
    """All three reports, read in one transaction."""
    return SecretariatReport(
        as_of=as_of,
        participation=participation(session, as_of),
        recommendations=recommendation_counts(session),
        actions=action_progress(session, as_of),
    )
