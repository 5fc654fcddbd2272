"""The secretariat's view across districts, consolidated recommendations and their lineage, on
the Battambang demo (7 districts, a provincial workshop that is closed but not yet signed)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.models import ConsolidatedSource, Meeting
from civicdesk.models.enums import (
    JointListStatus,
    MeetingKind,
    RecommendationStatus,
    ResponsibleLevel,
    Theme,
    VoteMethod,
)
from civicdesk.services import consolidation, meetings, recommendations
from civicdesk.services.consolidation import OverviewFilter
from civicdesk.services.errors import LockedError, NotFoundError, StateError, ValidationError
from civicdesk.services.integrity import verify_audit
from civicdesk.storage.database import Database

#: Three districts' recommendations on holding the dissemination forum with citizens.
PARTICIPATION = ("0201-R01", "0207-R01", "0202-R04")


def _ids(session: Session, *codes: str) -> list[uuid.UUID]:
    by_code = {row.code: row.id for row in consolidation.overview(session)}
    return [by_code[code] for code in codes]


def _workshop(session: Session) -> uuid.UUID:
    return session.scalars(
        select(Meeting.id).where(Meeting.kind == MeetingKind.PROVINCIAL_WORKSHOP)
    ).one()


def _group(database: Database, *codes: str, theme: Theme = Theme.PARTICIPATION) -> uuid.UUID:
    with database.transaction("secretariat") as session:
        return consolidation.consolidate(
            session,
            _ids(session, *codes),
            "រដ្ឋបាលស្រុករៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់ជាមួយប្រជាពលរដ្ឋ",
            "District administrations hold the dissemination and consultation forum with citizens",
            theme,
            meeting_id=_workshop(session),
        )


def _national_workshop(database: Database) -> uuid.UUID:
    with database.transaction("secretariat") as session:
        return meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.NATIONAL_WORKSHOP,
                title_km="សិក្ខាសាលាថ្នាក់ជាតិ",
                title_en="National workshop",
                meeting_date=dt.date(2022, 3, 10),
                province_code="12",
            ),
        )


# ---------------------------------------------------------------------------------- overview


def test_overview_lists_every_district_recommendation_with_votes_lists_and_findings(
    demo_database: Database,
) -> None:
    with demo_database.reading() as session:
        rows = consolidation.overview(session)
    assert len(rows) == 34
    assert {row.district_code for row in rows} == {
        "0201",
        "0202",
        "0203",
        "0204",
        "0206",
        "0207",
        "0212",
    }
    bavel = next(row for row in rows if row.code == "0204-R01")
    assert (bavel.place_name_en, bavel.place_name_km) == ("Bavel", "បវេល")
    assert bavel.status is RecommendationStatus.ADOPTED
    assert bavel.joint_list_status is JointListStatus.ENDORSED
    assert bavel.vote is not None and bavel.vote.method is VoteMethod.TALLY
    assert (bavel.vote.sna.yes, bavel.vote.civil_society.yes) == (7, 7)
    assert bavel.findings and bavel.findings[0].text_km
    assert bavel.locked and not bavel.is_consolidated
    rejected = next(row for row in rows if row.code == "0204-R05")
    assert rejected.joint_list_status is None
    assert rejected.vote is not None and rejected.vote.sna.no > rejected.vote.sna.yes
    consensus = next(row for row in rows if row.code == "0201-R02")
    assert consensus.vote is not None and consensus.vote.method is VoteMethod.CONSENSUS


def test_filter_by_district_theme_status_and_search_in_both_languages(
    demo_database: Database,
) -> None:
    with demo_database.reading() as session:
        rows = consolidation.overview(session)

    def codes(row_filter: OverviewFilter) -> set[str]:
        return {row.code for row in rows if row_filter.accepts(row)}

    assert codes(OverviewFilter(district_code="0212")) == {f"0212-R0{n}" for n in range(1, 6)}
    assert codes(OverviewFilter(theme=Theme.CAPACITY)) == {"0202-R03", "0212-R04"}
    assert codes(OverviewFilter(status=RecommendationStatus.REJECTED)) == {
        "0203-R05",
        "0204-R05",
        "0206-R05",
        "0212-R05",
    }
    assert codes(OverviewFilter(district_code="0204", status=RecommendationStatus.REJECTED)) == {
        "0204-R05"
    }
    # English, any case; district names in either language; codes.
    assert "0212-R01" in codes(OverviewFilter(query="ONE WINDOW service"))
    assert codes(OverviewFilter(query="បវេល")) == codes(OverviewFilter(district_code="0204"))
    assert codes(OverviewFilter(query="0203-r0")) == {f"0203-R0{n}" for n in range(1, 6)}
    # Khmer: សេចក្ដី typed with COENG DA finds the stored សេចក្តី (COENG TA), and back.
    with_ta = codes(OverviewFilter(query="សេចក្តី"))
    assert with_ta and with_ta == codes(OverviewFilter(query="សេចក្ដី"))
    assert codes(OverviewFilter(query="nothing says this")) == set()
    with demo_database.reading() as session:
        narrowed = consolidation.overview(session, OverviewFilter(district_code="0212"))
    assert [row.code for row in narrowed] == [f"0212-R0{n}" for n in range(1, 6)]


# ---------------------------------------------------------------------------------- grouping


def test_consolidate_three_districts_keeps_every_source(demo_database: Database) -> None:
    consolidated_id = _group(demo_database, *PARTICIPATION)
    with demo_database.reading() as session:
        rows = {row.code: row for row in consolidation.overview(session)}
        assert consolidation.consolidated(session)[0].id == consolidated_id
    row = rows["02-C01"]
    assert row.id == consolidated_id
    assert row.is_consolidated and row.consolidated_level is MeetingKind.PROVINCIAL_WORKSHOP
    assert row.district_code is None
    assert row.place_name_en == "Battambang province" and "បាត់ដំបង" in row.place_name_km
    assert row.responsible_level is ResponsibleLevel.PROVINCE
    assert row.status is RecommendationStatus.DRAFT
    assert [link.code for link in row.sources] == list(PARTICIPATION)
    assert set(row.source_district_codes) == {"0201", "0207", "0202"}
    for code in PARTICIPATION:
        assert [link.code for link in rows[code].consolidated_into] == ["02-C01"]
    # Filtering by a district finds the consolidated recommendations that draw on it.
    assert "02-C01" in {
        r.code for r in rows.values() if OverviewFilter(district_code="0207").accepts(r)
    }
    assert {r.code for r in rows.values() if OverviewFilter(consolidated=True).accepts(r)} == {
        "02-C01"
    }
    with demo_database.reading() as session:
        assert verify_audit(session).ok
        (workshop,) = consolidation.workshops(session)
    assert workshop.kind is MeetingKind.PROVINCIAL_WORKSHOP and workshop.title("km")


def test_the_consolidated_recommendation_can_be_amended_like_any_other(
    demo_database: Database,
) -> None:
    consolidated_id = _group(demo_database, *PARTICIPATION)
    with demo_database.transaction("secretariat") as session:
        workshop = _workshop(session)
        recommendations.amend_recommendation(
            session,
            consolidated_id,
            workshop,
            text_en="District administrations hold the forum twice a year",
            reason_en="Agreed in the workshop",
        )
    with demo_database.reading() as session:
        trail = consolidation.lineage(session, consolidated_id)
    assert [r.number for r in trail.steps[0].revisions] == [1, 2]


def test_add_and_remove_sources(demo_database: Database) -> None:
    consolidated_id = _group(demo_database, "0201-R01", "0207-R01")
    with demo_database.transaction("secretariat") as session:
        consolidation.add_to_consolidated(session, consolidated_id, _ids(session, "0202-R04"))
    with demo_database.transaction("secretariat") as session:
        consolidation.remove_from_consolidated(session, consolidated_id, _ids(session, "0201-R01"))
    with demo_database.reading() as session:
        row = consolidation.overview_row(session, consolidated_id)
        positions = session.scalars(
            select(ConsolidatedSource.position).order_by(ConsolidatedSource.position)
        ).all()
        assert not consolidation.overview_row(
            session, _ids(session, "0201-R01")[0]
        ).consolidated_into
    assert [link.code for link in row.sources] == ["0207-R01", "0202-R04"]
    assert positions == [1, 2]


@pytest.mark.parametrize(
    ("codes", "error", "message"),
    [
        ((), ValidationError, "Choose the recommendations"),
        (("0204-R05",), StateError, "rejected"),
    ],
)
def test_consolidate_refuses_what_cannot_be_consolidated(
    demo_database: Database, codes: tuple[str, ...], error: type[Exception], message: str
) -> None:
    with demo_database.transaction("secretariat") as session:
        ids, workshop = _ids(session, *codes), _workshop(session)
        with pytest.raises(error, match=message):
            consolidation.consolidate(session, ids, "", "Text", meeting_id=workshop)


def test_consolidate_refuses_empty_text_and_a_meeting_that_is_not_a_workshop(
    demo_database: Database,
) -> None:
    with demo_database.transaction("secretariat") as session:
        ids = _ids(session, *PARTICIPATION)
        with pytest.raises(ValidationError, match="empty"):
            consolidation.consolidate(session, ids, " ", "", meeting_id=_workshop(session))
        consultation = session.scalars(
            select(Meeting.id).where(Meeting.kind == MeetingKind.JOINT_CONSULTATION)
        ).first()
        assert consultation is not None
        with pytest.raises(ValidationError, match="provincial or national workshop"):
            consolidation.consolidate(session, ids, "", "Text", meeting_id=consultation)


def test_a_recommendation_is_consolidated_once_per_level(demo_database: Database) -> None:
    first = _group(demo_database, *PARTICIPATION)
    with demo_database.transaction("secretariat") as session:
        with pytest.raises(StateError, match=r"0207-R01 is already consolidated into 02-C01"):
            consolidation.consolidate(
                session, _ids(session, "0207-R01"), "", "Again", meeting_id=_workshop(session)
            )
        with pytest.raises(ValidationError, match="already one of its sources"):
            consolidation.add_to_consolidated(session, first, _ids(session, "0201-R01"))
        with pytest.raises(ValidationError, match="own sources"):
            consolidation.add_to_consolidated(session, first, [first])
        with pytest.raises(ValidationError, match="is not one of the sources"):
            consolidation.remove_from_consolidated(session, first, _ids(session, "0204-R01"))
        with pytest.raises(StateError, match="at least one source"):
            consolidation.remove_from_consolidated(session, first, _ids(session, *PARTICIPATION))
        with pytest.raises(NotFoundError, match="is not a consolidated recommendation"):
            consolidation.add_to_consolidated(session, _ids(session, "0204-R01")[0], [first])


def test_a_withdrawn_consolidation_lets_its_sources_be_regrouped(demo_database: Database) -> None:
    first = _group(demo_database, *PARTICIPATION)
    with demo_database.transaction("secretariat") as session:
        recommendations.withdraw_recommendation(
            session, first, _workshop(session), reason_en="Grouped wrongly"
        )
    second = _group(demo_database, "0201-R01", "0207-R01")
    with demo_database.reading() as session:
        assert consolidation.overview_row(session, second).code == "02-C02"
        with pytest.raises(StateError, match="withdrawn"):
            consolidation.add_to_consolidated(session, first, _ids(session, "0204-R02"))


def test_signing_the_workshop_locks_its_consolidations(demo_database: Database) -> None:
    consolidated_id = _group(demo_database, *PARTICIPATION)
    with demo_database.transaction("secretariat") as session:
        meetings.sign_meeting(session, _workshop(session))
    with demo_database.transaction("secretariat") as session, pytest.raises(LockedError):
        consolidation.add_to_consolidated(session, consolidated_id, _ids(session, "0204-R02"))
    with demo_database.transaction("secretariat") as session, pytest.raises(LockedError):
        consolidation.remove_from_consolidated(session, consolidated_id, _ids(session, "0201-R01"))
    # The guard refuses a change that bypasses the services too.
    with pytest.raises(LockedError), demo_database.transaction("secretariat") as session:
        source = session.scalars(select(ConsolidatedSource)).first()
        assert source is not None
        source.position = 9
        session.flush()


# ---------------------------------------------------------------------------------- lineage


def test_lineage_from_findings_to_priority_results(demo_database: Database) -> None:
    consolidated_id = _group(demo_database, *PARTICIPATION)
    with demo_database.reading() as session:
        trail = consolidation.lineage(session, consolidated_id)
    assert trail.subject_code == "02-C01"
    assert [source.code for source in trail.sources] == list(PARTICIPATION)
    for source in trail.sources:
        assert source.findings, f"{source.code} answers a finding"
        assert all(f.meeting_title_en.startswith("Focus group") for f in source.findings)
        assert source.revisions and source.revisions[0].number == 1
        assert source.vote is not None
        assert source.joint_list_status is JointListStatus.ENDORSED
    (step,) = trail.steps
    assert step.code == "02-C01" and step.level is MeetingKind.PROVINCIAL_WORKSHOP
    assert [link.code for link in step.sources] == list(PARTICIPATION)
    # The demo's provincial round prioritised the districts' adopted recommendations.
    placed = {placing.code for placing in trail.priorities}
    assert placed == set(PARTICIPATION)
    assert all(p.rank >= 1 and p.candidates > 3 for p in trail.priorities)


def test_lineage_of_a_district_recommendation_leads_up_to_its_consolidation(
    demo_database: Database,
) -> None:
    _group(demo_database, *PARTICIPATION)
    with demo_database.reading() as session:
        (district_id,) = _ids(session, "0207-R01")
        trail = consolidation.lineage(session, district_id)
        lonely = consolidation.lineage(session, _ids(session, "0204-R03")[0])
    assert [source.code for source in trail.sources] == ["0207-R01"]
    assert [step.code for step in trail.steps] == ["02-C01"]
    assert [link.code for link in trail.steps[0].sources] == list(PARTICIPATION)
    assert not lonely.steps and [s.code for s in lonely.sources] == ["0204-R03"]


def test_national_consolidation_draws_on_provincial_ones(demo_database: Database) -> None:
    provincial = _group(demo_database, *PARTICIPATION)
    national_meeting = _national_workshop(demo_database)
    with demo_database.transaction("secretariat") as session:
        national = consolidation.consolidate(
            session,
            [provincial, *_ids(session, "0204-R02")],
            "",
            "Forums with citizens in every district",
            Theme.PARTICIPATION,
            meeting_id=national_meeting,
        )
        with pytest.raises(ValidationError, match="itself consolidated at this level"):
            consolidation.consolidate(
                session, [national], "", "Nested", meeting_id=national_meeting
            )
    with demo_database.reading() as session:
        row = consolidation.overview_row(session, national)
        trail = consolidation.lineage(session, national)
    assert row.code == "KH-C01" and row.consolidated_level is MeetingKind.NATIONAL_WORKSHOP
    assert row.responsible_level is ResponsibleLevel.NATIONAL
    assert row.place_name_en == "National level"
    assert [step.code for step in trail.steps] == ["02-C01", "KH-C01"]
    assert [source.code for source in trail.sources] == [*PARTICIPATION, "0204-R02"]


def test_provincial_workshop_refuses_another_provinces_recommendation(
    demo_database: Database,
) -> None:
    with demo_database.transaction("secretariat") as session:
        other = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.PROVINCIAL_WORKSHOP,
                title_km="",
                title_en="Siem Reap workshop",
                meeting_date=dt.date(2022, 2, 1),
                province_code="17",
            ),
        )
        with pytest.raises(ValidationError, match="another province"):
            consolidation.consolidate(
                session, _ids(session, "0204-R01"), "", "Text", meeting_id=other
            )
