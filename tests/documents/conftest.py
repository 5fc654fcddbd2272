"""Document fixtures: a closed Bavel joint consultation with one record of every kind, in Khmer
and English, built once per run through the services and copied for each test; and signing keys
made once per run.

- `built`: the ids of the closed meeting and of its records, with `open_meeting` a second
  meeting, still open, in a database file of its own; `meeting_db` opens that file.
- `organisation_key` / `other_key`: key files installed in the test's data folder (passphrase
  `PASSPHRASE`); `other_key` makes a second organisation's key, installed nowhere.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from civicdesk.models.enums import (
    AttendanceRole,
    MeetingKind,
    OrganisationKind,
    Sex,
    Side,
    Theme,
    VoteMethod,
)
from civicdesk.services import (
    actions,
    agenda,
    attendance,
    findings,
    joint_lists,
    meetings,
    open_database,
    people,
    recommendations,
    votes,
)
from civicdesk.storage.database import Database, sqlite_url

PASSPHRASE = "mekong-2021-secret"

#: A long Khmer sentence with no spaces at all: it has to wrap at ICU's word boundaries.
LONG_KHMER = (
    "រដ្ឋបាលស្រុកផ្សព្វផ្សាយសេចក្តីសង្ខេបនៃផែនការវិនិយោគនិងថវិកាប្រចាំឆ្នាំនៅលើក្ដារព័ត៌មាន"
    "នៃសាលាឃុំទាំងអស់ដើម្បីឱ្យប្រជាពលរដ្ឋអាចចូលរួមក្នុងការធ្វើសេចក្តីសម្រេចចិត្តនិងតាមដាន"
    "ការអនុវត្តគម្រោងរបស់ក្រុមប្រឹក្សាស្រុកបានយ៉ាងទៀងទាត់"
)
#: Khmer and Latin in one paragraph (Noto Sans Khmer has no Latin letters or digits).
MIXED = "ផ្សព្វផ្សាយថវិកាឆ្នាំ 2022 នៅលើ Facebook របស់ស្រុក និងជូនដំណឹងតាម SMS ដល់ CBO ទាំង ៩។"


@dataclass(frozen=True)
class Built:
    meeting: uuid.UUID
    open_meeting: uuid.UUID
    long_recommendation: uuid.UUID
    mixed_recommendation: uuid.UUID
    english_only_recommendation: uuid.UUID
    joint_list: uuid.UUID
    database_path: Path


def signature_png() -> bytes:
    """A small drawn signature, as the endorsement screen would store it."""
    image = Image.new("RGB", (240, 80), "white")
    draw = ImageDraw.Draw(image)
    draw.line([(10, 60), (60, 20), (90, 55), (130, 25), (170, 58), (225, 30)], fill="navy", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _people(session: object) -> dict[str, uuid.UUID]:
    s = session
    administration = people.create_organisation(
        s,
        name_km="រដ្ឋបាលស្រុកបវេល",
        name_en="Bavel District Administration",
        kind=OrganisationKind.DISTRICT_ADMINISTRATION,
        district_code="0204",
    )
    cso = people.create_organisation(
        s,
        name_km="អង្គការអភិវឌ្ឍន៍ស្ត្រី",
        name_en="Aphivat Strey",
        abbreviation="AS",
        kind=OrganisationKind.CSO,
    )
    cbo = people.create_organisation(
        s, name_km="សហគមន៍កសិកម្មខ្នាចរមាស", name_en="Khnach Romeas farmers", kind=OrganisationKind.CBO
    )
    spec = {
        "governor": (
            "ស៊ន បូរ៉ា",
            "Son Bora",
            Sex.MALE,
            "អភិបាលស្រុក",
            "District Governor",
            administration,
        ),
        "deputy": (
            "សុខ ចាន់ធី",
            "Sok Chanthy",
            Sex.FEMALE,
            "អភិបាលរងស្រុក",
            "Deputy Governor",
            administration,
        ),
        "clerk": (
            "កែវ ម៉ានិត",
            "Keo Manith",
            Sex.MALE,
            "ប្រធានការិយាល័យរដ្ឋបាល",
            "Head of Administration",
            administration,
        ),
        "facilitator": ("ព្រំ ដារ៉ា", "Prom Dara", Sex.MALE, "អ្នកសម្របសម្រួល", "Facilitator", cso),
        "director": ("ស្រី ពៅ", "Srey Pov", Sex.FEMALE, "នាយិកា", "Director", cso),
        "member": ("ហេង សុភា", "Heng Sophea", Sex.MALE, "សមាជិក", "Member", cbo),
        "farmer": ("ញឹម សុផា", "Nhem Sophea", Sex.FEMALE, "ប្រធានសហគមន៍", "Community leader", cbo),
        "absent": ("លឹម សុខា", "Lim Sokha", Sex.FEMALE, "ក្រុមប្រឹក្សា", "Councillor", administration),
    }
    ids = {"administration": administration, "cso": cso, "cbo": cbo}
    for key, (km, latin, sex, position, position_en, organisation) in spec.items():
        ids[key] = people.create_person(
            s,
            name_km=km,
            name_latin=latin,
            sex=sex,
            position=position,
            position_en=position_en,
            organisation_id=organisation,
            phone="012 345 678",
        )
    return ids


def _details(ids: dict[str, uuid.UUID], **changes: object) -> meetings.MeetingDetails:
    values: dict[str, object] = {
        "kind": MeetingKind.JOINT_CONSULTATION,
        "title_km": "កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា រវាងរដ្ឋបាលស្រុកបវេល និងអង្គការសង្គមស៊ីវិល",
        "title_en": "Joint consultation between the Bavel District Administration and CSOs",
        "meeting_date": dt.date(2021, 11, 23),
        "start_time": dt.time(8, 0),
        "end_time": dt.time(11, 30),
        "venue_km": "សាលប្រជុំ សាលាស្រុកបវេល",
        "venue_en": "Meeting room, Bavel District Hall",
        "province_code": "02",
        "district_code": "0204",
        "facilitator_id": ids["facilitator"],
        "clerk_id": ids["clerk"],
    }
    values.update(changes)
    return meetings.MeetingDetails(**values)  # type: ignore[arg-type]


def build(database: Database, path: Path) -> Built:
    with database.transaction("test") as s:
        ids = _people(s)
        meeting = meetings.plan_meeting(s, _details(ids))
        meetings.open_meeting(s, meeting)
        roles = {
            "governor": AttendanceRole.CHAIR,
            "clerk": AttendanceRole.CLERK,
            "facilitator": AttendanceRole.FACILITATOR,
        }
        for key in ("governor", "deputy", "clerk", "facilitator", "director", "member", "farmer"):
            attendance.sign_in(
                s, meeting, ids[key], role=roles.get(key, AttendanceRole.PARTICIPANT)
            )
        attendance.mark_absent(s, meeting, ids["absent"], "ជាប់បេសកកម្ម", "On mission")
        attendance.record_headcount(
            s, meeting, group_km="ប្រជាពលរដ្ឋភូមិបវេល", group_en="Bavel villagers", women=3, men=2
        )
        item = agenda.add_agenda_item(
            s, meeting, title_km="ការស្វាគមន៍", title_en="Welcome", planned_minutes=15
        )
        agenda.set_agenda_notes(
            s,
            item,
            notes_km="អភិបាលស្រុកបានស្វាគមន៍អ្នកចូលរួម និងពន្យល់ពីគោលបំណងនៃកិច្ចប្រជុំ។",
            notes_en="The governor welcomed the participants and explained the purpose.",
        )
        finding = findings.record_finding(
            s,
            meeting,
            text_km="ប្រជាពលរដ្ឋមិនដឹងពីថវិកាស្រុក។",
            text_en="Citizens do not know the district budget.",
            raised_by_km="ស្ត្រីក្នុងភូមិ",
            raised_by_en="Village women",
            theme=Theme.INFORMATION,
        )
        long_one = recommendations.draft_recommendation(
            s,
            meeting,
            text_km="រដ្ឋបាលស្រុកផ្សព្វផ្សាយថវិកា។",
            text_en="The district publishes its budget.",
            theme=Theme.INFORMATION,
            finding_ids=[finding],
        )
        recommendations.amend_recommendation(
            s,
            long_one,
            meeting,
            text_km="រដ្ឋបាលស្រុកផ្សព្វផ្សាយថវិកានៅលើក្ដារព័ត៌មាន។",
            text_en="The district posts its budget on the notice boards.",
            reason="ភាគីអង្គការសង្គមស៊ីវិលស្នើឱ្យច្បាស់លាស់។",
            reason_en="The CSO side asked for a precise place.",
            author="Srey Pov",
        )
        recommendations.amend_recommendation(
            s,
            long_one,
            meeting,
            text_km=LONG_KHMER,
            text_en=(
                "The district publishes a summary of its investment plan and annual budget on the "
                "notice boards of all commune halls, so that citizens can take part in decisions "
                "and follow the council's projects regularly."
            ),
            reason="ភាគីរដ្ឋបាលស្នើបន្ថែមសាលាឃុំទាំងអស់។",
            reason_en="The administration asked to add all commune halls.",
        )
        mixed = recommendations.draft_recommendation(
            s,
            meeting,
            text_km=MIXED,
            text_en="Publish the 2022 budget on the district's Facebook page and by SMS to 9 CBOs.",
            theme=Theme.PARTICIPATION,
        )
        english_only = recommendations.draft_recommendation(
            s,
            meeting,
            text_en="Hold the forum twice a year outside the harvest season.",
            theme=Theme.PARTICIPATION,
        )
        votes.record_vote(
            s,
            meeting,
            long_one,
            tally=votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(3, 0, 1)),
        )
        votes.record_vote(s, meeting, mixed, method=VoteMethod.CONSENSUS)
        votes.record_vote(
            s,
            meeting,
            english_only,
            tally=votes.Tally(votes.SideTally(0, 2, 0), votes.SideTally(3, 0, 0)),
        )
        actions.plan_action(
            s,
            meeting,
            actions.ActionPlan(
                description_km="បិទផ្សាយសេចក្តីសង្ខេបថវិកានៅសាលាឃុំទាំង ៩",
                description_en="Post the budget summary at all 9 commune halls",
                recommendation_id=long_one,
                responsible_office_km="ការិយាល័យផែនការ",
                responsible_office_en="Planning office",
                cso_partner_id=ids["cso"],
                start_date=dt.date(2022, 1, 10),
                due_date=dt.date(2022, 4, 30),
                resources_km="ថវិកាស្រុក ៥០០.០០០ រៀល",
                resources_en="KHR 500,000 from the district budget",
                indicator_km="សេចក្តីសង្ខេបបិទផ្សាយនៅសាលាឃុំ ៩ ក្នុងចំណោម ៩",
                indicator_en="Summary posted at 9 of 9 commune halls",
            ),
        )
        joint_list = joint_lists.build_joint_list(s, meeting)
        joint_lists.endorse_joint_list(
            s,
            joint_list,
            signatory_name="ស៊ន បូរ៉ា",
            title="អភិបាលស្រុកបវេល",
            title_en="Governor of Bavel District",
            side=Side.SNA,
            signed_on=dt.date(2021, 11, 23),
            signature_png=signature_png(),
            organisation_id=ids["administration"],
        )
        open_one = meetings.plan_meeting(
            s,
            _details(
                ids, title_km="កិច្ចប្រជុំតាមដាន", title_en="Follow-up", meeting_date=dt.date(2022, 6, 1)
            ),
        )
        meetings.open_meeting(s, open_one)
        attendance.sign_in(s, open_one, ids["governor"], role=AttendanceRole.CHAIR)
    with database.transaction("test") as s:
        meetings.close_meeting(s, meeting)
    return Built(meeting, open_one, long_one, mixed, english_only, joint_list, path)


@pytest.fixture(scope="session")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("documents-template")
    path = folder / "meeting.sqlite"
    database = open_database(sqlite_url(path))
    try:
        built = build(database, path)
    finally:
        database.dispose()
    return built


@pytest.fixture
def built(built_template: Built, tmp_path: Path) -> Built:
    """The built database, copied for this test."""
    path = tmp_path / "meeting.sqlite"
    shutil.copyfile(built_template.database_path, path)
    return Built(**{**built_template.__dict__, "database_path": path})


@pytest.fixture
def meeting_db(built: Built) -> Iterator[Database]:
    db = open_database(sqlite_url(built.database_path))
    yield db
    db.dispose()


# --------------------------------------------------------------------------- keys


def _make_key(folder: Path, organisation: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    from civicdesk.documents import signing

    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(folder))
    signing.create_organisation_key(organisation, PASSPHRASE)
    return folder / "keys"


@pytest.fixture(scope="session")
def key_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The key files of "Aphivat Strey", made once."""
    with pytest.MonkeyPatch.context() as patch:
        return _make_key(tmp_path_factory.mktemp("key"), "Aphivat Strey", patch)


@pytest.fixture(scope="session")
def other_key_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The key files of another organisation, made once."""
    with pytest.MonkeyPatch.context() as patch:
        return _make_key(tmp_path_factory.mktemp("other-key"), "Another Organisation", patch)


@pytest.fixture
def organisation_key(key_files: Path, data_dir: Path) -> Path:
    """The organisation key installed in this test's data folder."""
    target = data_dir / "keys"
    shutil.copytree(key_files, target, dirs_exist_ok=True)
    return target


# --------------------------------------------------------------------------- text


def pdftotext(path: Path, *, page: int | None = None) -> str:
    """The text poppler extracts, as a reader copying from the PDF gets it."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/setup-env.sh does)")
    command = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*command, str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def squeeze(text: str) -> str:
    """Text without whitespace or zero-width spaces: lines wrap wherever the layout chose."""
    return "".join(char for char in text if not char.isspace() and char != "\u200b")
