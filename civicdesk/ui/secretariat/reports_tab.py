"""The "Reports" tab: participation with women's share, recommendations by theme and district,
action-plan progress with the overdue actions, as of a chosen date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import ActionStatus, MeetingKind, RecommendationStatus, Theme
from civicdesk.services import reports
from civicdesk.services.reports import SecretariatReport
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.overdue_actions import SORT_ROLE, OverdueActionsModel, OverdueColumn
from civicdesk.ui.widgets.bar_chart import BarChart, ChartBar, ChartSegment

# The same colours as the PDF report (civicdesk.documents.report), so both read alike.
WOMEN = QColor(204, 84, 115)
MEN = QColor(84, 125, 184)
THEME_COLOURS: dict[Theme, QColor] = {
    Theme.INFORMATION: QColor(69, 130, 181),
    Theme.PARTICIPATION: QColor(237, 140, 59),
    Theme.ACCOUNTABILITY: QColor(92, 166, 92),
    Theme.PLANNING_BUDGET: QColor(204, 84, 84),
    Theme.SERVICES: QColor(148, 112, 184),
    Theme.CAPACITY: QColor(140, 99, 84),
    Theme.INCLUSION: QColor(227, 120, 194),
    Theme.OTHER: QColor(140, 140, 140),
}
STATUS_COLOURS: dict[ActionStatus, QColor] = {
    ActionStatus.DONE: QColor(77, 158, 89),
    ActionStatus.IN_PROGRESS: QColor(77, 133, 191),
    ActionStatus.NOT_STARTED: QColor(179, 179, 179),
    ActionStatus.DELAYED: QColor(224, 140, 51),
    ActionStatus.CANCELLED: QColor(115, 115, 115),
}
#: The recommendation chart's status choices: all but withdrawn, or adopted only.
ADOPTED_ONLY = "adopted"


def _number(n: int) -> str:
    return format_number(n, current_language())


def _share(share: float | None) -> str:
    return _number(round(share * 100)) + "%" if share is not None else "–"


class ReportsTab(QWidget):
    #: The person asked to export the report shown, as "xlsx", "csv" or "pdf".
    exportRequested = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._report: SecretariatReport | None = None
        self.overdue_model = OverdueActionsModel(self)
        self.overdue_proxy = QSortFilterProxyModel(self)
        self.overdue_proxy.setSourceModel(self.overdue_model)
        self.overdue_proxy.setSortRole(SORT_ROLE)
        self._build_widgets()
        self._connect_signals()
        self.retranslate()

    # ------------------------------------------------------------------ construction

    def _build_widgets(self) -> None:
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(QDate.currentDate())
        self._as_of_label = QLabel(self)
        self._as_of_label.setBuddy(self.as_of)
        self.as_of_text = QLabel(self)
        self.kind_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self.export_xlsx = QPushButton(self)
        self.export_csv = QPushButton(self)
        self.export_pdf = QPushButton(self)
        controls = QHBoxLayout()
        controls.addWidget(self._as_of_label)
        controls.addWidget(self.as_of)
        controls.addWidget(self.as_of_text)
        controls.addSpacing(12)
        controls.addWidget(self.kind_filter)
        controls.addWidget(self.status_filter)
        controls.addStretch(1)
        for button in (self.export_xlsx, self.export_csv, self.export_pdf):
            controls.addWidget(button)

        self.participation_chart = BarChart(self)
        self.recommendation_chart = BarChart(self)
        self.action_chart = BarChart(self)
        self.overdue_table = QTableView(self)
        self.overdue_table.setModel(self.overdue_proxy)
        self.overdue_table.setSortingEnabled(True)
        self.overdue_table.sortByColumn(OverdueColumn.DAYS, Qt.SortOrder.DescendingOrder)
        self.overdue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdue_table.verticalHeader().setVisible(False)
        self.overdue_table.setWordWrap(False)
        self.overdue_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.overdue_table.horizontalHeader().setStretchLastSection(True)

        self._boxes = [QGroupBox(self) for _box in range(4)]
        for box, widget in zip(
            self._boxes,
            (
                self.participation_chart,
                self.recommendation_chart,
                self.action_chart,
                self.overdue_table,
            ),
            strict=True,
        ):
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 4, 4, 4)
            inner.addWidget(widget)
        grid = QGridLayout()
        for index, box in enumerate(self._boxes):
            grid.addWidget(box, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(grid, 1)

    def _connect_signals(self) -> None:
        self.as_of.dateChanged.connect(self._on_date)
        self.kind_filter.currentIndexChanged.connect(self._on_chart_choice)
        self.status_filter.currentIndexChanged.connect(self._on_chart_choice)
        self.export_xlsx.clicked.connect(self._on_export_xlsx)
        self.export_csv.clicked.connect(self._on_export_csv)
        self.export_pdf.clicked.connect(self._on_export_pdf)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self._as_of_label.setText(_("&As of:"))
        self.export_xlsx.setText(_("Export &XLSX…"))
        self.export_csv.setText(_("Export &CSV…"))
        self.export_pdf.setText(_("Export &PDF…"))
        for box, title in zip(
            self._boxes,
            (
                _("Participation by district"),
                _("Recommendations by theme and district"),
                _("Action-plan progress"),
                _("Overdue actions"),
            ),
            strict=True,
        ):
            box.setTitle(title)
        self._fill_choices()
        self.overdue_model.retranslate()
        self._show()

    def _fill_choices(self) -> None:
        for combo, items in (
            (
                self.kind_filter,
                [(_("All meetings"), None)] + [(label(kind), kind.value) for kind in MeetingKind],
            ),
            (
                self.status_filter,
                [(_("All recommendations"), None), (_("Adopted only"), ADOPTED_ONLY)],
            ),
        ):
            selected = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(selected), 0))
            combo.blockSignals(False)

    # ------------------------------------------------------------------ data

    def as_of_date(self) -> dt.date:
        date = self.as_of.date()
        return dt.date(date.year(), date.month(), date.day())

    def set_as_of(self, day: dt.date) -> None:
        self.as_of.setDate(QDate(day.year, day.month, day.day))

    def report(self) -> SecretariatReport | None:
        return self._report

    @Slot()
    def reload(self) -> None:
        with self._database.reading() as session:
            self._report = reports.build_report(session, self.as_of_date())
        self.overdue_model.set_rows(list(self._report.actions.overdue))
        self.overdue_table.resizeColumnsToContents()
        self.overdue_table.setColumnWidth(
            OverdueColumn.ACTION, min(self.overdue_table.columnWidth(OverdueColumn.ACTION), 320)
        )
        self._show()

    @Slot(QDate)
    def _on_date(self, _date: QDate) -> None:
        self.reload()

    @Slot(int)
    def _on_chart_choice(self, _index: int) -> None:
        self._show()

    @Slot()
    def _on_export_xlsx(self) -> None:
        self.exportRequested.emit("xlsx")

    @Slot()
    def _on_export_csv(self) -> None:
        self.exportRequested.emit("csv")

    @Slot()
    def _on_export_pdf(self) -> None:
        self.exportRequested.emit("pdf")

    # ------------------------------------------------------------------ charts

    def _show(self) -> None:
        language = current_language()
        self.as_of_text.setText(format_date(self.as_of_date(), language, weekday=False))
        for chart in (self.participation_chart, self.recommendation_chart, self.action_chart):
            chart.set_number_format(_number)
        report = self._report
        if report is None:
            return
        self._show_participation(report)
        self._show_recommendations(report)
        self._show_actions(report)

    def _show_participation(self, report: SecretariatReport) -> None:
        language = current_language()
        kind_value = self.kind_filter.currentData()
        kind = MeetingKind(kind_value) if kind_value else None
        women, men = _("Women"), _("Men")
        bars = [
            ChartBar(
                row.place.name(language),
                (
                    ChartSegment(row.turnout.women, WOMEN, women),
                    ChartSegment(row.turnout.men, MEN, men),
                ),
                _("{total} · {share} women").format(
                    total=_number(row.turnout.total), share=_share(row.turnout.women_share)
                ),
            )
            for row in report.participation.by_place(kind)
        ]
        total = report.participation.total(kind)
        title = _("{what}: {total} participants, {women} women ({share})").format(
            what=label(kind) if kind else _("All meetings"),
            total=_number(total.total),
            women=_number(total.women),
            share=_share(total.women_share),
        )
        self.participation_chart.set_data(
            bars,
            [(women, WOMEN), (men, MEN)],
            title=title,
            empty_text=_("No meeting of this kind was held by this date."),
        )

    def _show_recommendations(self, report: SecretariatReport) -> None:
        language = current_language()
        counts = report.recommendations
        statuses = (
            [RecommendationStatus.ADOPTED]
            if self.status_filter.currentData() == ADOPTED_ONLY
            else [s for s in RecommendationStatus if s is not RecommendationStatus.WITHDRAWN]
        )
        themes = counts.themes()
        bars = []
        for place in counts.places():
            segments = tuple(
                ChartSegment(
                    counts.count(district_code=place.district_code, theme=theme, statuses=statuses),
                    THEME_COLOURS[theme],
                    label(theme),
                )
                for theme in themes
            )
            bars.append(
                ChartBar(place.name(language), segments, _number(sum(s.value for s in segments)))
            )
        title = _("{count} recommendations").format(count=_number(counts.count(statuses=statuses)))
        if counts.consolidated:
            title += " · " + _("{count} consolidated").format(
                count=_number(sum(counts.consolidated.values()))
            )
        self.recommendation_chart.set_data(
            bars,
            [(label(theme), THEME_COLOURS[theme]) for theme in themes],
            title=title,
            empty_text=_("No recommendations yet."),
        )

    def _show_actions(self, report: SecretariatReport) -> None:
        language = current_language()
        progress = report.actions
        bars = [
            ChartBar(
                row.place.name(language),
                tuple(
                    ChartSegment(
                        row.by_status.get(status, 0), STATUS_COLOURS[status], label(status)
                    )
                    for status in ActionStatus
                ),
                _("{count} overdue").format(count=_number(row.overdue)) if row.overdue else "",
                warning=bool(row.overdue),
            )
            for row in progress.rows
        ]
        title = _("{total} actions, {overdue} overdue on {date}").format(
            total=_number(progress.total),
            overdue=_number(len(progress.overdue)),
            date=format_date(progress.as_of, language, weekday=False),
        )
        self.action_chart.set_data(
            bars,
            [(label(status), STATUS_COLOURS[status]) for status in ActionStatus],
            title=title,
            empty_text=_("No actions planned by this date."),
        )
        self._boxes[3].setTitle(
            _("Overdue actions ({count})").format(count=_number(len(progress.overdue)))
        )
