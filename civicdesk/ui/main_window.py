"""The main window: the meeting list, its filters, and the language switch."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from civicdesk import __version__
from civicdesk.i18n import LANGUAGE_NAMES, LANGUAGES, _, current_language, set_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import MeetingKind, MeetingStatus, Side
from civicdesk.services import places
from civicdesk.services.integrity import verify_audit
from civicdesk.services.meetings import MeetingSummary, list_meetings
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.meeting_filter import MeetingFilterModel
from civicdesk.ui.itemmodels.meetings import Column, MeetingTableModel
from civicdesk.ui.settings import Settings

WINDOW_NAME = "main"


class MainWindow(QMainWindow):
    languageChanged = Signal(str)

    def __init__(self, database: Database, settings: Settings | None = None) -> None:
        super().__init__()
        self._database = database
        self._settings = settings or Settings()
        self._model = MeetingTableModel(self)
        self._proxy = MeetingFilterModel(self)
        self._proxy.setSourceModel(self._model)
        self._build_widgets()
        self._build_menus()
        self._connect_signals()
        self.retranslate()
        self.reload()
        self._restore_geometry()

    # ------------------------------------------------------------------ construction

    def _build_widgets(self) -> None:
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._district_filter = QComboBox(self)
        self._kind_filter = QComboBox(self)
        self._status_filter = QComboBox(self)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self._search)

        filters = QHBoxLayout()
        filters.addWidget(self._search_label)
        filters.addWidget(self._search, 2)
        filters.addWidget(self._district_filter, 1)
        filters.addWidget(self._kind_filter, 1)
        filters.addWidget(self._status_filter, 1)

        self._table = QTableView(self)
        self._table.setModel(self._proxy)
        self._table.setSortingEnabled(True)
        self._table.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setAlternatingRowColors(True)
        self._table.verticalHeader().setVisible(False)
        self._table.setWordWrap(False)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)

        self._details = QTextBrowser(self)
        self._details.setOpenLinks(False)

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self._table)
        self._splitter.addWidget(self._details)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 1)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self._splitter)
        self.setCentralWidget(central)
        self._saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._saved_label)

    def _build_menus(self) -> None:
        self._file_menu = self.menuBar().addMenu("")
        self._reload_action = QAction(self)
        self._reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self._quit_action = QAction(self)
        self._quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self._file_menu.addAction(self._reload_action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self._quit_action)

        self._language_menu = self.menuBar().addMenu("")
        self._language_group = QActionGroup(self)
        self._language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self)
            action.setCheckable(True)
            action.setData(code)
            self._language_group.addAction(action)
            self._language_menu.addAction(action)
            self._language_actions[code] = action

        self._tools_menu = self.menuBar().addMenu("")
        self._verify_action = QAction(self)
        self._tools_menu.addAction(self._verify_action)

        self._help_menu = self.menuBar().addMenu("")
        self._about_action = QAction(self)
        self._help_menu.addAction(self._about_action)

    def _connect_signals(self) -> None:
        self._search.textChanged.connect(self._proxy.set_query)
        self._district_filter.currentIndexChanged.connect(self._on_district_filter)
        self._kind_filter.currentIndexChanged.connect(self._on_kind_filter)
        self._status_filter.currentIndexChanged.connect(self._on_status_filter)
        self._table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._reload_action.triggered.connect(self.reload)
        self._quit_action.triggered.connect(self.close)
        self._language_group.triggered.connect(self._on_language_action)
        self._verify_action.triggered.connect(self.verify_audit_log)
        self._about_action.triggered.connect(self.show_about)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.setWindowTitle(_("CivicDesk: joint consultation meetings"))
        self._file_menu.setTitle(_("&File"))
        self._reload_action.setText(_("&Reload"))
        self._quit_action.setText(_("&Quit"))
        self._language_menu.setTitle(_("&Language"))
        self._tools_menu.setTitle(_("&Tools"))
        self._verify_action.setText(_("&Verify the audit log"))
        self._help_menu.setTitle(_("&Help"))
        self._about_action.setText(_("&About CivicDesk"))
        self._search_label.setText(_("&Search:"))
        self._search.setPlaceholderText(_("Title or place, in Khmer or English"))
        self._saved_label.setText(_("Every change is saved as it is made."))
        self._language_actions[current_language()].setChecked(True)
        self._fill_filters()
        self._model.retranslate()
        self._show_details(self._current_meeting())

    def _fill_filters(self) -> None:
        language = current_language()
        for combo, all_text, items in (
            (
                self._kind_filter,
                _("All kinds"),
                [(label(kind), kind) for kind in MeetingKind],
            ),
            (
                self._status_filter,
                _("All statuses"),
                [(label(status), status) for status in MeetingStatus],
            ),
            (
                self._district_filter,
                _("All districts"),
                [
                    (places.district_name(code, language), code)
                    for code in sorted(self._districts())
                ],
            ),
        ):
            selected = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(selected)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _districts(self) -> set[str]:
        return {
            self._model.meeting_at(row).district_code or "" for row in range(self._model.rowCount())
        } - {""}

    @Slot(QAction)
    def _on_language_action(self, action: QAction) -> None:
        self.switch_language(str(action.data()))

    def switch_language(self, code: str) -> None:
        set_language(code)
        self._settings.language = code
        self.retranslate()
        self.languageChanged.emit(code)

    # ------------------------------------------------------------------ data

    @Slot()
    def reload(self) -> None:
        selected = self._current_meeting()
        with self._database.reading() as session:
            rows = list_meetings(session)
        self._model.set_meetings(rows)
        self._fill_filters()
        self._table.resizeColumnsToContents()
        self._table.horizontalHeader().setSectionResizeMode(
            Column.TITLE, QHeaderView.ResizeMode.Stretch
        )
        if selected is not None:
            self.select_meeting(selected.id)
        self.statusBar().showMessage(
            _("{count} meetings").format(count=format_number(len(rows), current_language())),
            5000,
        )

    def select_meeting(self, meeting_id: uuid.UUID) -> bool:
        for row in range(self._proxy.rowCount()):
            index = self._proxy.index(row, 0)
            source = self._proxy.mapToSource(index)
            if self._model.meeting_at(source.row()).id == meeting_id:
                self._table.setCurrentIndex(index)
                return True
        return False

    def _current_meeting(self) -> MeetingSummary | None:
        index = self._table.currentIndex()
        if not index.isValid():
            return None
        return self._model.meeting_at(self._proxy.mapToSource(index).row())

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details(self._current_meeting())

    def _show_details(self, meeting: MeetingSummary | None) -> None:
        if meeting is None:
            self._details.setHtml("<p>{}</p>".format(_("Choose a meeting to see its details.")))
            return
        language = current_language()
        stats = meeting.attendance

        def number(n: int) -> str:
            return format_number(n, language)

        sides = "".join(
            f"<li>{label(side)}: {number(stats.by_side[side].total)}</li>"
            for side in Side
            if side in stats.by_side
        )
        place = meeting.place_name_km if language == "km" else meeting.place_name_en
        status_line = _("Status: {status}").format(status=label(meeting.status))
        attendance_line = _("Attendance: {total} people, {women} women, {men} men").format(
            total=number(stats.total), women=number(stats.women), men=number(stats.men)
        )
        self._details.setHtml(
            f"<h3>{_escape(meeting.title(language))}</h3>"
            f"<p>{_escape(label(meeting.kind))}<br>"
            f"{_escape(format_date(meeting.meeting_date, language))}<br>"
            f"{_escape(place)}<br>"
            f"{_escape(status_line)}</p>"
            f"<p>{_escape(attendance_line)}</p><ul>{sides}</ul>"
        )

    # ------------------------------------------------------------------ filters

    @Slot(int)
    def _on_district_filter(self, _index: int) -> None:
        self._proxy.set_district(self._district_filter.currentData())

    @Slot(int)
    def _on_kind_filter(self, _index: int) -> None:
        self._proxy.set_kind(self._kind_filter.currentData())

    @Slot(int)
    def _on_status_filter(self, _index: int) -> None:
        self._proxy.set_status(self._status_filter.currentData())

    # ------------------------------------------------------------------ tools

    @Slot()
    def verify_audit_log(self) -> None:
        with self._database.reading() as session:
            check = verify_audit(session)
        if check.ok:
            QMessageBox.information(self, _("Audit log"), check.message)
        else:
            QMessageBox.warning(self, _("Audit log"), check.message)

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About CivicDesk"),
            _(
                "CivicDesk {version}\n\nJoint consultation meetings between district "
                "administrations and civil society, in Khmer and English."
            ).format(version=__version__),
        )

    # ------------------------------------------------------------------ window state

    def _restore_geometry(self) -> None:
        geometry = self._settings.window_geometry(WINDOW_NAME)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 720)
        state = self._settings.window_state(WINDOW_NAME + "/splitter")
        if state is not None:
            self._splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set_window_geometry(WINDOW_NAME, self.saveGeometry())
        self._settings.set_window_state(WINDOW_NAME + "/splitter", self._splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
