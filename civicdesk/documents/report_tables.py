"""The secretariat's report as tables, in one language: the sheets of its XLSX and CSV exports,
and the tables of its PDF.

Numbers stay numbers (women's share in per cent, one decimal); the PDF formats them itself.
"""

from __future__ import annotations

import datetime as dt

from civicdesk.documents.spreadsheets import CellValue, Sheet
from civicdesk.i18n import translations_for
from civicdesk.i18n.labels import label
from civicdesk.models.enums import ActionStatus, MeetingKind, RecommendationStatus
from civicdesk.services.reports import SecretariatReport, Turnout

__all__ = [
    "about_sheet",
    "action_sheet",
    "as_of_label",
    "overdue_sheet",
    "participation_by_kind_sheet",
    "participation_by_place_sheet",
    "participation_detail_sheet",
    "percent",
    "recommendation_sheet",
    "report_sheets",
]


def percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def _turnout_header(language: str) -> tuple[str, ...]:
    t = translations_for(language)
    return (
        t.gettext("Meetings"),
        t.gettext("Participants"),
        t.gettext("Women"),
        t.gettext("Men"),
        t.gettext("Women (%)"),
        t.gettext("Organisers"),
    )


def _turnout(turnout: Turnout) -> tuple[CellValue, ...]:
    return (
        turnout.meetings,
        turnout.total,
        turnout.women,
        turnout.men,
        percent(turnout.women_share),
        turnout.organisers,
    )


def about_sheet(report: SecretariatReport, language: str) -> Sheet:
    t = translations_for(language)
    rows: list[tuple[CellValue, ...]] = [
        (t.gettext("Report"), t.gettext("Secretariat report")),
        (t.gettext("As of"), report.as_of),
        (
            t.gettext("Participants"),
            t.gettext(
                "Named participants and chairs present, and anonymous headcounts. Facilitators, "
                "clerks, resource persons and observers are counted as organisers."
            ),
        ),
        (
            t.gettext("Overdue"),
            t.gettext("Due before the report's date and neither done nor cancelled on that date."),
        ),
    ]
    return Sheet(t.gettext("About"), (t.gettext("Item"), t.gettext("Value")), tuple(rows))


def participation_by_place_sheet(
    report: SecretariatReport, language: str, kind: MeetingKind | None = None
) -> Sheet:
    t = translations_for(language)
    participation = report.participation
    rows: list[tuple[CellValue, ...]] = [
        (row.place.name(language), *_turnout(row.turnout)) for row in participation.by_place(kind)
    ]
    rows.append((t.gettext("Total"), *_turnout(participation.total(kind))))
    title = t.gettext("Participation by district") if kind is None else label(kind, language)
    return Sheet(title, (t.gettext("District"), *_turnout_header(language)), tuple(rows))


def participation_by_kind_sheet(report: SecretariatReport, language: str) -> Sheet:
    t = translations_for(language)
    participation = report.participation
    rows: list[tuple[CellValue, ...]] = [
        (label(row.kind, language), *_turnout(row.turnout)) for row in participation.by_kind()
    ]
    rows.append((t.gettext("Total"), *_turnout(participation.total())))
    return Sheet(
        t.gettext("Participation by meeting kind"),
        (t.gettext("Kind of meeting"), *_turnout_header(language)),
        tuple(rows),
    )


def participation_detail_sheet(report: SecretariatReport, language: str) -> Sheet:
    t = translations_for(language)
    rows = tuple(
        (row.place.name(language), label(row.kind, language), *_turnout(row.turnout))
        for row in report.participation.rows
    )
    return Sheet(
        t.gettext("Participation by district and kind"),
        (t.gettext("District"), t.gettext("Kind of meeting"), *_turnout_header(language)),
        rows,
    )


def recommendation_sheet(report: SecretariatReport, language: str) -> Sheet:
    """Each district's recommendations by theme (withdrawn ones left out), with how many were
    adopted and rejected."""
    t = translations_for(language)
    counts = report.recommendations
    themes = counts.themes()
    kept = [s for s in RecommendationStatus if s is not RecommendationStatus.WITHDRAWN]
    header = (
        t.gettext("District"),
        *(label(theme, language) for theme in themes),
        t.gettext("Total"),
        label(RecommendationStatus.ADOPTED, language),
        label(RecommendationStatus.REJECTED, language),
    )

    def line(name: str, district_code: str | None) -> tuple[CellValue, ...]:
        return (
            name,
            *(
                counts.count(district_code=district_code, theme=theme, statuses=kept)
                for theme in themes
            ),
            counts.count(district_code=district_code, statuses=kept),
            counts.count(district_code=district_code, statuses=[RecommendationStatus.ADOPTED]),
            counts.count(district_code=district_code, statuses=[RecommendationStatus.REJECTED]),
        )

    rows = [line(place.name(language), place.district_code) for place in counts.places()]
    rows.append(line(t.gettext("Total"), None))
    if counts.consolidated:
        total = sum(counts.consolidated.values())
        rows.append(
            (
                t.gettext("Consolidated"),
                *(counts.consolidated.get(theme, 0) for theme in themes),
                total,
                None,
                None,
            )
        )
    return Sheet(t.gettext("Recommendations by theme"), header, tuple(rows))


def action_sheet(report: SecretariatReport, language: str) -> Sheet:
    t = translations_for(language)
    progress = report.actions
    header = (
        t.gettext("District"),
        t.gettext("Actions"),
        *(label(status, language) for status in ActionStatus),
        t.gettext("Overdue"),
        t.gettext("Mean progress (%)"),
    )
    rows: list[tuple[CellValue, ...]] = [
        (
            row.place.name(language),
            row.total,
            *(row.by_status.get(status, 0) for status in ActionStatus),
            row.overdue,
            row.mean_progress,
        )
        for row in progress.rows
    ]
    rows.append(
        (
            t.gettext("Total"),
            progress.total,
            *(progress.status_total(status) for status in ActionStatus),
            len(progress.overdue),
            None,
        )
    )
    return Sheet(t.gettext("Action-plan progress"), header, tuple(rows))


def overdue_sheet(report: SecretariatReport, language: str, *, both_texts: bool = True) -> Sheet:
    """The overdue actions, most overdue first; with the action in Khmer and in English, or
    (``both_texts=False``, for a document in one language) in ``language`` only."""
    t = translations_for(language)
    if both_texts:
        action_header: tuple[str, ...] = (
            t.gettext("Action (Khmer)"),
            t.gettext("Action (English)"),
        )
    else:
        action_header = (t.gettext("Action"),)
    header = (
        t.gettext("District"),
        t.gettext("Recommendation"),
        *action_header,
        t.gettext("Responsible office"),
        t.gettext("Due"),
        t.gettext("Days overdue"),
        t.gettext("Status"),
        t.gettext("Progress (%)"),
    )
    rows = []
    for item in report.actions.overdue:
        texts: tuple[CellValue, ...] = (
            (item.description_km, item.description_en)
            if both_texts
            else (_pick(language, item.description_km, item.description_en),)
        )
        rows.append(
            (
                item.place.name(language),
                item.recommendation_code,
                *texts,
                _pick(language, item.responsible_office_km, item.responsible_office_en),
                item.due_date,
                item.days_overdue,
                label(item.status, language),
                item.progress_percent,
            )
        )
    return Sheet(t.gettext("Overdue actions"), header, tuple(rows))


def _pick(language: str, km: str, en: str) -> str:
    first, second = (km, en) if language == "km" else (en, km)
    return first or second


def report_sheets(report: SecretariatReport, language: str) -> list[Sheet]:
    """The whole report, one sheet per table."""
    return [
        about_sheet(report, language),
        participation_by_place_sheet(report, language),
        participation_by_kind_sheet(report, language),
        participation_detail_sheet(report, language),
        recommendation_sheet(report, language),
        action_sheet(report, language),
        overdue_sheet(report, language),
    ]


def as_of_label(as_of: dt.date, language: str) -> str:
    from civicdesk.i18n.khmer import format_date

    t = translations_for(language)
    return t.gettext("As of {date}").format(date=format_date(as_of, language, weekday=False))
