"""How long the bilingual minutes of a large meeting take to export, against plain ReportLab.

Builds, through the services, a joint consultation with 400 attendees and 200 recommendations of
two revisions each (Khmer and English texts from the Battambang demo, numbered so that no two are
the same), each voted on; then times, in this process:

- **CivicDesk**: ``export_document`` of the bilingual minutes to a file (records read, laid out
  with ICU line breaking and HarfBuzz shaping, /ActualText, page X of Y, QR code, registered);
- **floor**: plain ReportLab laying out the same texts with the same fonts and shaping
  (``Paragraph`` with ``shaping=1``, Khmer text in Noto Sans Khmer and English in Noto Sans, the
  same tables) into a PDF in memory.

Each is run once cold (fonts and caches loaded) and then ``--repeat`` times; the best warm run
counts. Target: CivicDesk under 3 s, and within 1.5x of the floor.

Run: ``python benchmarks/minutes_export.py`` (``--keep FILE.pdf`` keeps the minutes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ATTENDEES = 400
RECOMMENDATIONS = 200


def build_meeting(database: object) -> uuid.UUID:
    from civicdesk.demo import content
    from civicdesk.models.enums import MeetingKind, OrganisationKind, Sex
    from civicdesk.services import attendance, meetings, people, recommendations, votes
    from civicdesk.services.votes import SideTally, Tally

    db = database  # a civicdesk.storage.database.Database
    texts = [r for p in content.PROGRAMMES for r in p.recommendations]
    with db.transaction("benchmark") as session:  # type: ignore[attr-defined]
        administration = people.create_organisation(
            session,
            name_km="រដ្ឋបាលស្រុកបវេល",
            name_en="Bavel District Administration",
            kind=OrganisationKind.DISTRICT_ADMINISTRATION,
            district_code="0204",
        )
        cso = people.create_organisation(
            session,
            name_km="អង្គការអភិវឌ្ឍន៍ស្ត្រី",
            name_en="Aphivat Strey",
            kind=OrganisationKind.CSO,
        )
        meeting = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.JOINT_CONSULTATION,
                title_km="កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា ស្រុកបវេល",
                title_en="Joint consultation, Bavel",
                meeting_date=dt.date(2021, 11, 23),
                start_time=dt.time(8, 0),
                end_time=dt.time(11, 30),
                venue_km="សាលាស្រុកបវេល",
                venue_en="Bavel District Hall",
                province_code="02",
                district_code="0204",
            ),
        )
        meetings.open_meeting(session, meeting)
        demo_people = content.PEOPLE
        for index in range(ATTENDEES):
            model = demo_people[index % len(demo_people)]
            person = people.create_person(
                session,
                name_km=f"{model.name_km} {index + 1}",
                name_latin=f"{model.name_latin} {index + 1}",
                sex=Sex.FEMALE if index % 2 else Sex.MALE,
                position=model.position_km,
                position_en=model.position_en,
                organisation_id=administration if index % 3 == 0 else cso,
            )
            attendance.sign_in(session, meeting, person)
    with db.transaction("benchmark") as session:  # type: ignore[attr-defined]
        for index in range(RECOMMENDATIONS):
            model = texts[index % len(texts)]
            if model.amendments:
                amendment = model.amendments[0]
                amended_km, amended_en = amendment.text_km, amendment.text_en
                reason_km, reason_en = amendment.reason_km, amendment.reason_en
            else:
                amended_km = model.text_km + " ដោយមានការតាមដានពីក្រុមប្រឹក្សាស្រុក។"
                amended_en = model.text_en + " The district council follows it up."
                reason_km, reason_en = "បន្ថែមការតាមដាន។", "Follow-up added."
            recommendation = recommendations.draft_recommendation(
                session,
                meeting,
                text_km=f"{model.text_km} (លេខ {index + 1})",
                text_en=f"{model.text_en} (No. {index + 1})",
            )
            recommendations.amend_recommendation(
                session,
                recommendation,
                meeting,
                text_km=f"{amended_km} (លេខ {index + 1})",
                text_en=f"{amended_en} (No. {index + 1})",
                reason=reason_km,
                reason_en=reason_en,
            )
            votes.record_vote(
                session,
                meeting,
                recommendation,
                tally=Tally(SideTally(100, 10, 23), SideTally(200, 20, 40)),
            )
        meetings.close_meeting(session, meeting)
    return meeting


def civicdesk_export(database: object, meeting: uuid.UUID, target: Path) -> tuple[int, float]:
    from civicdesk.documents.export import ExportRequest, export_document
    from civicdesk.models.enums import DocumentKind, DocumentLanguage

    start = time.perf_counter()
    result = export_document(
        database,  # type: ignore[arg-type]
        ExportRequest(DocumentKind.MINUTES, meeting, DocumentLanguage.BOTH),
        target,
    )
    return result.pages, time.perf_counter() - start


def plain_reportlab(database: object, meeting: uuid.UUID) -> tuple[int, float]:
    """The same texts, fonts and shaping in plain ReportLab: the floor."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    from civicdesk.documents.fonts import font_set
    from civicdesk.documents.records import read_minutes
    from civicdesk.documents.reportlab_fixes import install

    install()
    fonts = font_set()
    with database.reading() as session:  # type: ignore[attr-defined]
        record = read_minutes(session, meeting)

    start = time.perf_counter()
    khmer = ParagraphStyle("km", fontName=fonts.khmer.name, fontSize=10.5, leading=18, shaping=1)
    latin = ParagraphStyle("en", fontName=fonts.latin.name, fontSize=9.7, leading=13, shaping=1)
    khmer_cell = ParagraphStyle("kc", parent=khmer, fontSize=8.5, leading=15)
    latin_cell = ParagraphStyle("lc", parent=latin, fontSize=7.8, leading=10.5)
    heading = ParagraphStyle(
        "h", fontName=fonts.khmer_bold.name, fontSize=12.5, leading=22, shaping=1
    )

    def pair(km: str, en: str, k: ParagraphStyle, e: ParagraphStyle) -> list[Paragraph]:
        return [Paragraph(escape(km), k), Paragraph(escape(en), e)]

    story: list[object] = [Paragraph(escape(record.meeting.details.title_km), heading)]
    for recommendation in record.recommendations:
        story.append(Paragraph(escape(recommendation.code), heading))
        story += pair(recommendation.text_km, recommendation.text_en, khmer, latin)
        for revision in record.revisions[recommendation.id][1:]:
            story += pair(revision.reason, revision.reason_en, khmer, latin)
    story.append(PageBreak())
    rows = [
        [
            str(number),
            pair(row.name_km, row.name_latin, khmer_cell, latin_cell),
            pair(row.organisation_name_km, row.organisation_name_en, khmer_cell, latin_cell),
            pair(row.position, row.position_en, khmer_cell, latin_cell),
        ]
        for number, row in enumerate(record.attendance, start=1)
    ]
    width = A4[0] - 36 * mm
    table = Table(
        rows, colWidths=[width * 0.08, width * 0.3, width * 0.32, width * 0.3], repeatRows=1
    )
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "grey"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(table)
    output = io.BytesIO()
    document = SimpleDocTemplate(output, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm)
    document.build(story)
    elapsed = time.perf_counter() - start
    return document.page, elapsed


def best(run: Callable[[], tuple[int, float]], repeat: int) -> tuple[int, float, float]:
    pages, cold = run()
    warm = min(run()[1] for _ in range(repeat)) if repeat else cold
    return pages, cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="warm runs (best counts)")
    parser.add_argument("--keep", type=Path, help="keep the exported minutes here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("CIVICDESK_DATA_DIR", folder)
        from civicdesk.services import open_database
        from civicdesk.storage.database import sqlite_url

        database = open_database(sqlite_url(Path(folder) / "benchmark.sqlite"))
        started = time.perf_counter()
        meeting = build_meeting(database)
        print(
            f"built a meeting of {ATTENDEES} attendees and {RECOMMENDATIONS} recommendations "
            f"(two revisions each) in {time.perf_counter() - started:.1f} s"
        )
        target = args.keep or Path(folder) / "minutes.pdf"
        pages, cold, warm = best(lambda: civicdesk_export(database, meeting, target), args.repeat)
        floor_pages, floor_cold, floor_warm = best(
            lambda: plain_reportlab(database, meeting), args.repeat
        )
        database.dispose()
    ratio = warm / floor_warm
    print(f"CivicDesk bilingual minutes: {pages} pages, {warm:.2f} s (first run {cold:.2f} s)")
    print(
        f"plain ReportLab floor:       {floor_pages} pages, {floor_warm:.2f} s "
        f"(first run {floor_cold:.2f} s)"
    )
    print(f"ratio: {ratio:.2f}x the floor; targets: < 3 s and <= 1.5x")
    return 0 if warm < 3 and ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
