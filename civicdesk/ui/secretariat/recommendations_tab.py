"""The "All recommendations" tab: every district's recommendations and the consolidated ones,
filtered and searched in Khmer or English; grouping; the selected one's lineage."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import RecommendationStatus, Theme
from civicdesk.services import consolidation, places
from civicdesk.services.errors import DomainError
from civicdesk.services.recommendation_overview import OverviewRow
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.recommendation_overview import (
    OverviewColumn,
    RecommendationOverviewFilter,
    RecommendationOverviewModel,
)
from civicdesk.ui.secretariat.consolidate_dialog import AddToConsolidatedDialog, ConsolidateDialog
from civicdesk.ui.secretariat.lineage_view import lineage_html

#: The kind filter's choices: both, the districts' only, the consolidated only.
KINDS: tuple[bool | None, ...] = (None, False, True)


class RecommendationsTab(QWidget):
    #: Something was consolidated, added or removed (the reports change with it).
    recordsChanged = Signal()

    def __init__(self, database: Database, actor: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self.model = RecommendationOverviewModel(self)
        self.proxy = RecommendationOverviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_widgets()
        self._connect_signals()
        self.retranslate()

    # ------------------------------------------------------------------ construction

    def _build_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self.search)
        self.district_filter = QComboBox(self)
        self.theme_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self.kind_filter = QComboBox(self)
        filters = QHBoxLayout()
        filters.addWidget(self._search_label)
        filters.addWidget(self.search, 3)
        for combo in (
            self.district_filter,
            self.theme_filter,
            self.status_filter,
            self.kind_filter,
        ):
            filters.addWidget(combo, 1)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OverviewColumn.CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)

        self.group_button = QPushButton(self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.count_label = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.group_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        left_layout.addLayout(buttons)

        self.lineage = QTextBrowser(self)
        self.lineage.setOpenLinks(False)
        self.lineage.setMinimumWidth(360)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.lineage)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([880, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_search)
        self.district_filter.currentIndexChanged.connect(self._on_filters)
        self.theme_filter.currentIndexChanged.connect(self._on_filters)
        self.status_filter.currentIndexChanged.connect(self._on_filters)
        self.kind_filter.currentIndexChanged.connect(self._on_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.group_button.clicked.connect(self.group_selected)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self._search_label.setText(_("&Search:"))
        self.search.setPlaceholderText(_("Code, text or district, in Khmer or English"))
        self.group_button.setText(_("&Group into a consolidated recommendation…"))
        self.add_button.setText(_("&Add to a consolidated one…"))
        self.add_button.setToolTip(
            _("Bring the chosen recommendations into an existing consolidated recommendation.")
        )
        self.remove_button.setText(_("&Take out of it"))
        self.remove_button.setToolTip(
            _("Take the chosen recommendations out of the consolidated recommendation they are in.")
        )
        self._fill_filters()
        self.model.retranslate()
        self._update_count()
        self._on_selection(QItemSelection(), QItemSelection())

    def _fill_filters(self) -> None:
        language = current_language()
        districts = sorted({row.district_code for row in self.model.rows() if row.district_code})
        kind_names = {
            None: _("All levels"),
            False: _("Districts only"),
            True: _("Consolidated only"),
        }
        for combo, all_text, items in (
            (
                self.district_filter,
                _("All districts"),
                [(places.district_name(code, language), code) for code in districts],
            ),
            (self.theme_filter, _("All themes"), [(label(t), t.value) for t in Theme]),
            (
                self.status_filter,
                _("All statuses"),
                [(label(s), s.value) for s in RecommendationStatus],
            ),
            (self.kind_filter, None, [(kind_names[k], k) for k in KINDS]),
        ):
            selected = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if all_text is not None:
                combo.addItem(all_text, None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(selected), 0))
            combo.blockSignals(False)

    # ------------------------------------------------------------------ data

    @Slot()
    def reload(self) -> None:
        selected = self.selected_ids()
        with self._database.reading() as session:
            rows = consolidation.overview(session)
        self.model.set_rows(rows)
        self._fill_filters()
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(OverviewColumn.TEXT, 360)
        self.select(selected)

    def selected_rows(self) -> list[OverviewRow]:
        rows = {
            self.proxy.mapToSource(index).row()
            for index in self.table.selectionModel().selectedRows()
        }
        return [self.model.row_at(row) for row in sorted(rows)]

    def selected_ids(self) -> list[uuid.UUID]:
        return [row.id for row in self.selected_rows()]

    def select(self, recommendation_ids: list[uuid.UUID]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for recommendation_id in recommendation_ids:
            source_row = self.model.row_of(recommendation_id)
            if source_row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)

    # ------------------------------------------------------------------ filters

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.update_filter(query=text)

    @Slot(int)
    def _on_filters(self, _index: int) -> None:
        theme = self.theme_filter.currentData()
        status = self.status_filter.currentData()
        self.proxy.update_filter(
            district_code=self.district_filter.currentData() or None,
            theme=Theme(theme) if theme else None,
            status=RecommendationStatus(status) if status else None,
            consolidated=self.kind_filter.currentData(),
        )

    @Slot()
    def _update_count(self) -> None:
        language = current_language()
        self.count_label.setText(
            _("{shown} of {total} recommendations").format(
                shown=format_number(self.proxy.rowCount(), language),
                total=format_number(self.model.rowCount(), language),
            )
        )

    # ------------------------------------------------------------------ selection

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.selected_rows()
        districts = [row for row in rows if not row.is_consolidated]
        self.group_button.setEnabled(bool(districts) and len(districts) == len(rows))
        self.add_button.setEnabled(bool(rows))
        self.remove_button.setEnabled(any(row.consolidated_into for row in rows))
        self.show_lineage(rows[-1].id if rows else None)

    def show_lineage(self, recommendation_id: uuid.UUID | None) -> None:
        if recommendation_id is None:
            self.lineage.setHtml(
                "<p>{}</p>".format(
                    _(
                        "Choose a recommendation to follow it from the focus groups' findings to "
                        "the priority results."
                    )
                )
            )
            return
        with self._database.reading() as session:
            trail = consolidation.lineage(session, recommendation_id)
        self.lineage.setHtml(lineage_html(trail))

    # ------------------------------------------------------------------ grouping

    def _refuse(self, error: DomainError) -> None:
        QMessageBox.warning(self, _("Consolidation"), error.message)

    @Slot()
    def group_selected(self) -> None:
        sources = [row for row in self.selected_rows() if not row.is_consolidated]
        if not sources:
            return
        with self._database.reading() as session:
            workshops = consolidation.workshops(session)
        dialog = ConsolidateDialog(workshops, sources, self)
        while dialog.exec() == ConsolidateDialog.DialogCode.Accepted:
            filled = dialog.consolidation()
            try:
                with self._database.transaction(self._actor) as session:
                    new_id = consolidation.consolidate(
                        session,
                        [row.id for row in sources],
                        filled.text_km,
                        filled.text_en,
                        filled.theme,
                        meeting_id=filled.meeting_id,
                    )
            except DomainError as error:
                dialog.show_problem(error.message)
                continue
            self.reload()
            self.select([new_id])
            self.recordsChanged.emit()
            return

    @Slot()
    def add_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        with self._database.reading() as session:
            targets = [
                row
                for row in consolidation.consolidated(session)
                if not row.locked
                and row.status is not RecommendationStatus.WITHDRAWN
                and row.id not in {r.id for r in rows}
            ]
        dialog = AddToConsolidatedDialog(targets, rows, self)
        if dialog.exec() != AddToConsolidatedDialog.DialogCode.Accepted:
            return
        target = dialog.target_id()
        try:
            with self._database.transaction(self._actor) as session:
                consolidation.add_to_consolidated(session, target, [row.id for row in rows])
        except DomainError as error:
            self._refuse(error)
            return
        self.reload()
        self.select([target])
        self.recordsChanged.emit()

    @Slot()
    def remove_selected(self) -> None:
        rows = [row for row in self.selected_rows() if row.consolidated_into]
        if not rows:
            return
        pairs = [(link, row) for row in rows for link in row.consolidated_into]
        question = _("Take {codes} out of {targets}?").format(
            codes=", ".join(row.code for row in rows),
            targets=", ".join(dict.fromkeys(link.code for link, _row in pairs)),
        )
        answer = QMessageBox.question(self, _("Consolidation"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self._database.transaction(self._actor) as session:
                for link, row in pairs:
                    consolidation.remove_from_consolidated(session, link.id, [row.id])
        except DomainError as error:
            self._refuse(error)
            return
        self.reload()
        self.select([row.id for row in rows])
        self.recordsChanged.emit()
