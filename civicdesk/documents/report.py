"""The secretariat's report as a PDF: participation with women's share, recommendations by theme
and district, action-plan progress with the overdue actions, each as a bar chart and a table.

Laid out with the document helpers (shaped Khmer, ICU line breaks, running header, page X of Y,
the document's ID and hash on every page, the verification block with its QR code), on landscape
A4. The language is chosen per export; the figures come from :mod:`civicdesk.services.reports`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, KeepTogether

from civicdesk.documents.blocks import BODY, CELL, Composer
from civicdesk.documents.common import Identity, verification_block
from civicdesk.documents.layout import MARGIN_SIDE, PageDecoration, build_pdf
from civicdesk.documents.records import content_digest
from civicdesk.documents.report_chart import Bar, BarChart, Segment
from civicdesk.documents.report_tables import (
    action_sheet,
    overdue_sheet,
    participation_by_kind_sheet,
    participation_by_place_sheet,
    percent,
    recommendation_sheet,
)
from civicdesk.documents.spreadsheets import CellValue, Sheet
from civicdesk.documents.wording import Phrase, Wording
from civicdesk.i18n.khmer import format_number, khmer_digits
from civicdesk.models.enums import ActionStatus, DocumentKind, DocumentLanguage, Theme
from civicdesk.services import documents as document_register
from civicdesk.services.reports import SecretariatReport, build_report
from civicdesk.storage.database import Database

__all__ = ["ReportExport", "export_report_pdf", "render_report_pdf", "report_story"]

WIDTH = landscape(A4)[0] - 2 * MARGIN_SIDE

WOMEN = colors.Color(0.80, 0.33, 0.45)
MEN = colors.Color(0.33, 0.49, 0.72)
#: One colour per theme and per action status, told apart in print and on a projector.
THEME_COLOURS: dict[Theme, colors.Color] = {
    Theme.INFORMATION: colors.Color(0.27, 0.51, 0.71),
    Theme.PARTICIPATION: colors.Color(0.93, 0.55, 0.23),
    Theme.ACCOUNTABILITY: colors.Color(0.36, 0.65, 0.36),
    Theme.PLANNING_BUDGET: colors.Color(0.80, 0.33, 0.33),
    Theme.SERVICES: colors.Color(0.58, 0.44, 0.72),
    Theme.CAPACITY: colors.Color(0.55, 0.39, 0.33),
    Theme.INCLUSION: colors.Color(0.89, 0.47, 0.76),
    Theme.OTHER: colors.Color(0.55, 0.55, 0.55),
}
STATUS_COLOURS: dict[ActionStatus, colors.Color] = {
    ActionStatus.DONE: colors.Color(0.30, 0.62, 0.35),
    ActionStatus.IN_PROGRESS: colors.Color(0.30, 0.52, 0.75),
    ActionStatus.NOT_STARTED: colors.Color(0.70, 0.70, 0.70),
    ActionStatus.DELAYED: colors.Color(0.88, 0.55, 0.20),
    ActionStatus.CANCELLED: colors.Color(0.45, 0.45, 0.45),
}


def _language(wording: Wording) -> str:
    return wording.languages[0]


def _cell_phrase(wording: Wording, value: CellValue) -> Phrase:
    if value is None:
        return ("",)
    # Numbers once, in the document's first language's digits (a bilingual table would
    # otherwise stack ៥០.៦ over 50.6 in every cell).
    first = wording.languages[0]
    if isinstance(value, float):
        return (_digits(f"{value:.1f}", first),)
    if isinstance(value, int):
        return (format_number(value, first),)
    if isinstance(value, dt.date):
        return wording.date(value, weekday=False)
    return (value,)


def _digits(text: str, language: str) -> str:
    return khmer_digits(text) if language == "km" else text


def _table(composer: Composer, sheets: Sequence[Sheet], shares: Sequence[float]) -> Flowable:
    """One table whose header stacks the document's languages (one sheet per language) and whose
    cells are those of the first language's sheet; numbers are right-aligned."""
    first = sheets[0]
    header = [
        tuple(dict.fromkeys(sheet.header[column] for sheet in sheets))
        for column in range(len(first.header))
    ]
    numeric = [
        column
        for column in range(len(first.header))
        if first.rows and all(isinstance(row[column], int | float | None) for row in first.rows)
    ]
    rows = [[_cell_phrase(composer.wording, value) for value in row] for row in first.rows]
    total = sum(shares)
    return composer.table(
        header,
        rows,
        [WIDTH * share / total for share in shares],
        numeric_columns=numeric,
        style=CELL.but(size=8.5),
    )


def _sheets(
    wording: Wording, make: Callable[[SecretariatReport, str], Sheet], report: SecretariatReport
) -> list[Sheet]:
    """The same table in each of the document's languages."""
    return [make(report, code) for code in wording.languages]


def _participation(composer: Composer, report: SecretariatReport) -> list[Flowable]:
    w = composer.wording
    language = _language(w)
    story = composer.heading(w.gettext("Participation"), 1)
    story += composer.paragraph(
        w.gettext(
            "Participants are the people present as participants or chairs, and anonymous "
            "headcounts. Facilitators, clerks, resource persons and observers are counted as "
            "organisers."
        ),
        BODY.but(size=9.5),
    )
    bars = []
    for row in report.participation.by_place():
        turnout = row.turnout
        share = percent(turnout.women_share)
        note = w.format(
            w.gettext("{total} ({women} women, {share}%)"),
            total=turnout.total,
            women=turnout.women,
            share=_digits(f"{share or 0:.0f}", language),
        )
        bars.append(
            Bar(
                Wording.inline(w.pick(row.place.name_km, row.place.name_en)),
                (Segment(turnout.women, WOMEN), Segment(turnout.men, MEN)),
                note[0],
            )
        )
    legend = (
        (w.first(w.gettext("Women")), WOMEN),
        (w.first(w.gettext("Men")), MEN),
    )
    story = [KeepTogether([*story, BarChart(bars, legend, WIDTH, language=language)])]
    story.append(
        _table(
            composer,
            _sheets(w, participation_by_place_sheet, report),
            (3, 1, 1.2, 1, 1, 1.2, 1.2),
        )
    )
    story += composer.subheading(w.gettext("By meeting kind"))
    story.append(
        _table(
            composer, _sheets(w, participation_by_kind_sheet, report), (3, 1, 1.2, 1, 1, 1.2, 1.2)
        )
    )
    return story


def _recommendations(composer: Composer, report: SecretariatReport) -> list[Flowable]:
    w = composer.wording
    language = _language(w)
    counts = report.recommendations
    themes = counts.themes()
    story = composer.heading(w.gettext("Recommendations by theme and district"), 2)
    bars = [
        Bar(
            place.name(language),
            tuple(
                Segment(
                    counts.count(district_code=place.district_code, theme=theme),
                    THEME_COLOURS[theme],
                )
                for theme in themes
            ),
            _digits(str(counts.count(district_code=place.district_code)), language),
        )
        for place in counts.places()
    ]
    legend = tuple((w.first(w.label(theme)), THEME_COLOURS[theme]) for theme in themes)
    story = [KeepTogether([*story, BarChart(bars, legend, WIDTH, language=language)])]
    shares = (1.5, *(1.0 for _ in themes), 0.6, 0.75, 0.75)
    story.append(_table(composer, _sheets(w, recommendation_sheet, report), shares))
    return story


def _actions(composer: Composer, report: SecretariatReport) -> list[Flowable]:
    w = composer.wording
    language = _language(w)
    progress = report.actions
    story = composer.heading(w.gettext("Action-plan progress"), 3)
    story += composer.paragraph(
        w.format(
            w.gettext("{overdue} of {total} actions are overdue on {date}."),
            overdue=len(progress.overdue),
            total=progress.total,
            date=w.date(progress.as_of, weekday=False),
        ),
        BODY.but(size=9.5),
    )
    bars = []
    for row in progress.rows:
        note = w.format(w.gettext("{count} overdue"), count=row.overdue) if row.overdue else ("",)
        bars.append(
            Bar(
                row.place.name(language),
                tuple(
                    Segment(row.by_status.get(status, 0), STATUS_COLOURS[status])
                    for status in ActionStatus
                ),
                note[0],
                note_warning=bool(row.overdue),
            )
        )
    legend = tuple((w.first(w.label(status)), STATUS_COLOURS[status]) for status in ActionStatus)
    story = [KeepTogether([*story, BarChart(bars, legend, WIDTH, language=language)])]
    story.append(
        _table(composer, _sheets(w, action_sheet, report), (2.2, 0.9, 1, 1, 1, 1, 1, 0.9, 1.1))
    )
    if progress.overdue:
        story += composer.subheading(w.gettext("Overdue actions"))
        story.append(
            _table(
                composer,
                [overdue_sheet(report, code, both_texts=False) for code in w.languages],
                (1.3, 1.4, 5, 2.2, 1.5, 0.9, 1.1, 0.9),
            )
        )
    return story


def report_story(report: SecretariatReport, wording: Wording, identity: Identity) -> list[Flowable]:
    composer = Composer(wording)
    story: list[Flowable] = []
    story += composer.title(wording.gettext("Secretariat report"))
    story += composer.paragraph(
        wording.format(
            wording.gettext("As of {date}"), date=wording.date(report.as_of, weekday=False)
        ),
        BODY.but(align="center", size=11, space_after=6),
    )
    story += _participation(composer, report)
    story += _recommendations(composer, report)
    story += _actions(composer, report)
    story.append(verification_block(composer, identity, WIDTH))
    return story


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    pages: int
    identity: Identity


def render_report_pdf(
    report: SecretariatReport, language: DocumentLanguage | str, *, document_id: str = ""
) -> RenderedReport:
    wording = Wording(language)
    document_id = document_id or str(uuid.uuid4())
    identity = Identity(
        document_id=document_id,
        content_sha256=content_digest(
            report,
            kind=DocumentKind.REPORT,
            language=wording.language,
            document_id=document_id,
        ),
    )
    decoration = PageDecoration(
        wording=wording,
        header_left=wording.gettext("Secretariat report"),
        header_right=wording.format(
            wording.gettext("As of {date}"), date=wording.date(report.as_of, weekday=False)
        ),
        document_id=document_id,
        short_hash=identity.short_hash,
    )
    built = build_pdf(
        report_story(report, wording, identity),
        decoration,
        landscape_pages=True,
        title=Wording.inline(wording.gettext("Secretariat report")),
        author="CivicDesk",
        keywords=f"civicdesk-document-id:{document_id}",
    )
    return RenderedReport(built.data, built.pages, identity)


@dataclass(frozen=True)
class ReportExport:
    path: Path
    document_id: uuid.UUID
    sha256: str
    pages: int


def export_report_pdf(
    database: Database,
    path: Path,
    *,
    language: DocumentLanguage | str,
    as_of: dt.date,
    actor: str = "",
) -> ReportExport:
    """Read the report, lay it out, register it (kind, language, SHA-256) and put the file in
    place: written beside the destination and renamed over it, so no partial file is left."""
    with database.reading() as session:
        report = build_report(session, as_of)
    document_id = uuid.uuid4()
    rendered = render_report_pdf(report, language, document_id=str(document_id))
    digest = hashlib.sha256(rendered.pdf).hexdigest()
    handle, temporary = tempfile.mkstemp(prefix=".civicdesk-", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(rendered.pdf)
            stream.flush()
            os.fsync(stream.fileno())
        with database.transaction(actor) as session:
            document_register.record_document(
                session,
                kind=DocumentKind.REPORT,
                language=DocumentLanguage(language),
                sha256=digest,
                filename=path.name,
                document_id=document_id,
            )
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return ReportExport(path, document_id, digest, rendered.pages)
