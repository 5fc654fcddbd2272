"""What the room sees: each scene as plain data, read through the services.

Nothing private is put in a scene: no phone numbers, and named ballots only when the meeting
votes openly and the facilitator chose to show them.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from civicdesk.i18n import N_, translations_for
from civicdesk.i18n.khmer import format_date
from civicdesk.i18n.labels import label
from civicdesk.models.enums import (
    AttendanceStatus,
    RecommendationStatus,
    Side,
    VoteMethod,
    VoteOutcome,
)
from civicdesk.services import (
    agenda,
    attendance,
    joint_lists,
    priorities,
    recommendations,
    votes,
)
from civicdesk.services.meetings import get_meeting_summary


class Scene(enum.StrEnum):
    WELCOME = "welcome"
    AGENDA = "agenda"
    RECOMMENDATION = "recommendation"
    VOTE = "vote"
    ATTENDANCE = "attendance"
    JOINT_LIST = "joint_list"
    PRIORITIES = "priorities"
    BLANK = "blank"


class LanguageMode(enum.StrEnum):
    BOTH = "both"
    KHMER = "km"
    ENGLISH = "en"

    @property
    def languages(self) -> tuple[str, ...]:
        return ("km", "en") if self is LanguageMode.BOTH else (self.value,)


@dataclass(frozen=True)
class Bilingual:
    km: str
    en: str

    def parts(self, mode: LanguageMode) -> list[tuple[str, str]]:
        """(language, text) pairs to show, skipping an empty language."""
        chosen = [(lang, self.km if lang == "km" else self.en) for lang in mode.languages]
        shown = [(lang, text) for lang, text in chosen if text]
        if not shown:  # fall back to whichever language exists
            shown = [(lang, text) for lang, text in (("km", self.km), ("en", self.en)) if text]
        return shown


@dataclass(frozen=True)
class AgendaLine:
    title: Bilingual
    planned_minutes: int
    current: bool
    done: bool
    started_at: dt.datetime | None


@dataclass(frozen=True)
class SideBars:
    side: Side
    yes: int
    no: int
    abstain: int
    present: int


@dataclass(frozen=True)
class PriorityBar:
    rank: int
    tied: bool
    code: str
    text: Bilingual
    score: int


@dataclass(frozen=True)
class SceneData:
    scene: Scene
    meeting_title: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    place: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    date: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    organisations: tuple[Bilingual, ...] = ()
    agenda: tuple[AgendaLine, ...] = ()
    recommendation_code: str = ""
    recommendation_theme: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    recommendation_text: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    position: tuple[int, int] = (0, 0)
    bars: tuple[SideBars, ...] = ()
    outcome: VoteOutcome | None = None
    outcome_text: Bilingual = field(default_factory=lambda: Bilingual("", ""))
    total: int = 0
    women: int = 0
    men: int = 0
    by_side: tuple[tuple[Side, int, int], ...] = ()
    joint_list: tuple[tuple[str, Bilingual], ...] = ()
    priorities: tuple[PriorityBar, ...] = ()


def _both(text: str) -> Bilingual:
    """A label in both languages, translated explicitly (the room's languages, not the UI's)."""
    return Bilingual(translations_for("km").gettext(text), translations_for("en").gettext(text))


def _label(member: enum.Enum) -> Bilingual:
    return Bilingual(label(member, "km"), label(member, "en"))


def voteable(session: Session, meeting_id: uuid.UUID) -> list[recommendations.RecommendationRow]:
    """The recommendations the room goes through: the district's, in order, not withdrawn."""
    summary = get_meeting_summary(session, meeting_id)
    if summary.district_code:
        rows = recommendations.recommendations(
            session, district_code=summary.district_code, include_withdrawn=False
        )
    else:
        rows = recommendations.recommendations(
            session, meeting_id=meeting_id, include_withdrawn=False
        )
    return rows


def build_scene(
    session: Session,
    meeting_id: uuid.UUID,
    scene: Scene,
    recommendation_index: int,
    priority_round_id: uuid.UUID | None = None,
) -> SceneData:
    summary = get_meeting_summary(session, meeting_id)
    base = SceneData(
        scene,
        meeting_title=Bilingual(summary.title_km, summary.title_en),
        place=Bilingual(summary.place_name_km, summary.place_name_en),
        date=Bilingual(
            format_date(summary.meeting_date, "km"), format_date(summary.meeting_date, "en")
        ),
    )
    if scene is Scene.WELCOME:
        return replace(base, organisations=_organisations(session, meeting_id))
    if scene is Scene.AGENDA:
        lines = tuple(
            AgendaLine(
                Bilingual(item.title_km, item.title_en),
                item.planned_minutes,
                item.running,
                item.ended_at is not None,
                item.started_at,
            )
            for item in agenda.agenda(session, meeting_id)
        )
        return replace(base, agenda=lines)
    if scene is Scene.ATTENDANCE:
        stats = attendance.attendance_statistics(session, meeting_id)
        by_side = tuple(
            (side, stats.by_side[side].women, stats.by_side[side].men)
            for side in Side
            if side in stats.by_side
        )
        return replace(base, total=stats.total, women=stats.women, men=stats.men, by_side=by_side)
    if scene is Scene.JOINT_LIST:
        lists = joint_lists.joint_lists(session, district_code=summary.district_code)
        if lists:
            items = tuple((e.code, Bilingual(e.text_km, e.text_en)) for e in lists[-1].items)
        else:
            items = tuple(
                (r.code, Bilingual(r.text_km, r.text_en))
                for r in voteable(session, meeting_id)
                if r.status is RecommendationStatus.ADOPTED
            )
        return replace(base, joint_list=items)
    if scene in (Scene.RECOMMENDATION, Scene.VOTE):
        return _recommendation_scene(session, meeting_id, base, recommendation_index)
    if scene is Scene.PRIORITIES:
        return replace(base, priorities=_priorities(session, meeting_id, priority_round_id))
    return replace(base, scene=Scene.BLANK)


def _priorities(
    session: Session, meeting_id: uuid.UUID, round_id: uuid.UUID | None
) -> tuple[PriorityBar, ...]:
    """The chosen round's results, or the meeting's latest round's."""
    if round_id is None:
        round_ids = priorities.rounds(session, meeting_id)
        if not round_ids:
            return ()
        round_id = round_ids[-1]
    return tuple(
        PriorityBar(r.rank, r.tied, r.code, Bilingual(r.text_km, r.text_en), r.score)
        for r in priorities.results(session, round_id)
    )


def _organisations(session: Session, meeting_id: uuid.UUID) -> tuple[Bilingual, ...]:
    seen: dict[str, Bilingual] = {}
    for row in attendance.attendance_list(session, meeting_id):
        key = row.organisation_name_en or row.organisation_name_km
        if row.status is AttendanceStatus.PRESENT and key:
            seen.setdefault(key, Bilingual(row.organisation_name_km, row.organisation_name_en))
    return tuple(seen.values())


def _recommendation_scene(
    session: Session, meeting_id: uuid.UUID, base: SceneData, index: int
) -> SceneData:
    rows = voteable(session, meeting_id)
    if not rows:
        return base
    index = max(0, min(index, len(rows) - 1))
    row = rows[index]
    data = replace(
        base,
        recommendation_code=row.code,
        recommendation_theme=_label(row.theme),
        recommendation_text=Bilingual(row.text_km, row.text_en),
        position=(index + 1, len(rows)),
    )
    if base.scene is Scene.RECOMMENDATION:
        return data
    present = attendance.voters_present(session, meeting_id)
    current = votes.current_votes(session, meeting_id).get(row.id)
    if current is None:
        bars = tuple(
            SideBars(side, 0, 0, 0, present.get(side, 0)) for side in (Side.SNA, Side.CIVIL_SOCIETY)
        )
        return replace(data, bars=bars, outcome_text=_both(N_("Not yet voted")))
    if current.method is VoteMethod.CONSENSUS:
        text = (
            _both(N_("Adopted by consensus"))
            if current.outcome is VoteOutcome.ADOPTED
            else _both(N_("No consensus: an objection was recorded"))
        )
        return replace(data, outcome=current.outcome, outcome_text=text)
    bars = tuple(
        SideBars(
            side,
            current.tally.side(side).yes,
            current.tally.side(side).no,
            current.tally.side(side).abstain,
            present.get(side, 0),
        )
        for side in (Side.SNA, Side.CIVIL_SOCIETY)
    )
    return replace(data, bars=bars, outcome=current.outcome, outcome_text=_label(current.outcome))
