"""The main window: the meeting list with its filters, new and duplicated meetings, the
meetings' workspaces, and the language switch."""

from __future__ import annotations

import datetime as dt
import getpass
import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
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
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from civicdesk import __version__
from civicdesk.i18n import LANGUAGE_NAMES, LANGUAGES, _, current_language, set_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import MeetingKind, MeetingStatus, Side
from civicdesk.services import DomainError, places
from civicdesk.services.integrity import verify_audit
from civicdesk.services.meetings import (
    MeetingDetails,
    MeetingSummary,
    duplicate_meeting,
    list_meetings,
)
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.new_meeting import NewMeetingDialog
from civicdesk.ui.dialogs.verify_document import (
    VerifyDocumentDialog,
    share_certificate,
    trust_certificate_file,
)
from civicdesk.ui.itemmodels.meeting_filter import MeetingFilterModel
from civicdesk.ui.itemmodels.meetings import Column, MeetingTableModel
from civicdesk.ui.package_exchange import PackageExchange
from civicdesk.ui.secretariat.window import SecretariatWindow
from civicdesk.ui.settings import Settings
from civicdesk.ui.widgets.date_button import DateButton
from civicdesk.ui.workspace.context import Topic
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace

WINDOW_NAME = "main"


def _local_user() -> str:
    """Who is at the keyboard, for the audit log ("" if the system cannot say)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


class MainWindow(QMainWindow):
    languageChanged = Signal(str)

    def __init__(
        self, database: Database, settings: Settings | None = None, *, actor: str | None = None
    ) -> None:
        super().__init__()
        self._database = database
        self._settings = settings or Settings()
        self._actor = _local_user() if actor is None else actor
        self._model = MeetingTableModel(self)
        self._proxy = MeetingFilterModel(self)
        self._proxy.setSourceModel(self._model)
        #: One workspace per open meeting, by meeting id; most recently opened last.
        self._workspaces: dict[uuid.UUID, MeetingWorkspace] = {}
        #: Workspaces just closed, kept until their close event has returned.
        self._retired: list[MeetingWorkspace] = []
        self._new_meeting_dialog: NewMeetingDialog | None = None
        self._secretariat: SecretariatWindow | None = None
        self._packages = PackageExchange(database, self._actor, self)
        self._columns_sized = False
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect_signals()
        self.retranslate()
        self.reload()
        self._restore_geometry()
        self._restore_last_meeting()

    # ------------------------------------------------------------------ construction

    def _build_widgets(self) -> None:
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._district_filter = QComboBox(self)
        self._kind_filter = QComboBox(self)
        self._status_filter = QComboBox(self)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self._search)
        self._date_from = DateButton(self, optional=True)
        self._date_to = DateButton(self, optional=True)
        self._date_from_label = QLabel(self)
        self._date_from_label.setBuddy(self._date_from)
        self._date_to_label = QLabel(self)
        self._date_to_label.setBuddy(self._date_to)

        search = QHBoxLayout()
        search.addWidget(self._search_label)
        search.addWidget(self._search, 1)
        filters = QHBoxLayout()
        filters.addWidget(self._district_filter, 1)
        filters.addWidget(self._kind_filter, 1)
        filters.addWidget(self._status_filter, 1)
        filters.addWidget(self._date_from_label)
        filters.addWidget(self._date_from)
        filters.addWidget(self._date_to_label)
        filters.addWidget(self._date_to)

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
        layout.addLayout(search)
        layout.addLayout(filters)
        layout.addWidget(self._splitter)
        self.setCentralWidget(central)
        self._saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._saved_label)

    def _build_actions(self) -> None:
        self._new_action = QAction(self)
        self._new_action.setShortcut(QKeySequence.StandardKey.New)
        self._open_action = QAction(self)
        self._open_action.setShortcut(QKeySequence.StandardKey.Open)
        self._duplicate_action = QAction(self)
        self._duplicate_action.setShortcut(QKeySequence("Ctrl+D"))
        self._export_package_action = QAction(self)
        self._import_package_action = QAction(self)
        self._conflicts_action = QAction(self)
        self._reload_action = QAction(self)
        self._reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self._quit_action = QAction(self)
        self._quit_action.setShortcut(QKeySequence.StandardKey.Quit)

    def _build_menus(self) -> None:
        self._file_menu = self.menuBar().addMenu("")
        for action in (self._new_action, self._open_action, self._duplicate_action):
            self._file_menu.addAction(action)
        self._file_menu.addSeparator()
        for action in (
            self._export_package_action,
            self._import_package_action,
            self._conflicts_action,
        ):
            self._file_menu.addAction(action)
        self._file_menu.addSeparator()
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
        self._check_document_action = QAction(self)
        self._tools_menu.addAction(self._check_document_action)
        self._share_certificate_action = QAction(self)
        self._tools_menu.addAction(self._share_certificate_action)
        self._trust_certificate_action = QAction(self)
        self._tools_menu.addAction(self._trust_certificate_action)
        self._secretariat_action = QAction(self)
        self._secretariat_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self._tools_menu.addAction(self._secretariat_action)

        self._help_menu = self.menuBar().addMenu("")
        self._about_action = QAction(self)
        self._help_menu.addAction(self._about_action)

    def _build_toolbar(self) -> None:
        self._toolbar = QToolBar(self)
        self._toolbar.setObjectName("meetingsToolbar")
        self._toolbar.setMovable(False)
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self._new_action, self._open_action, self._duplicate_action):
            self._toolbar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._toolbar)

    def _connect_signals(self) -> None:
        self._search.textChanged.connect(self._proxy.set_query)
        self._district_filter.currentIndexChanged.connect(self._on_district_filter)
        self._kind_filter.currentIndexChanged.connect(self._on_kind_filter)
        self._status_filter.currentIndexChanged.connect(self._on_status_filter)
        self._date_from.dateChanged.connect(self._on_date_filter)
        self._date_to.dateChanged.connect(self._on_date_filter)
        self._table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._table.activated.connect(self._on_activated)
        self._new_action.triggered.connect(self.new_meeting)
        self._open_action.triggered.connect(self.open_current_meeting)
        self._duplicate_action.triggered.connect(self.duplicate_current_meeting)
        self.languageChanged.connect(self._on_language_changed)
        self._export_package_action.triggered.connect(self.export_package)
        self._import_package_action.triggered.connect(self.import_package)
        self._conflicts_action.triggered.connect(self.resolve_conflicts)
        self._packages.recordsChanged.connect(self._on_records_changed)
        self._reload_action.triggered.connect(self.reload)
        self._quit_action.triggered.connect(self.close)
        self._language_group.triggered.connect(self._on_language_action)
        self._verify_action.triggered.connect(self.verify_audit_log)
        self._check_document_action.triggered.connect(self.check_signed_document)
        self._share_certificate_action.triggered.connect(self.share_certificate)
        self._trust_certificate_action.triggered.connect(self.trust_certificate)
        self._secretariat_action.triggered.connect(self.open_secretariat)
        self._about_action.triggered.connect(self.show_about)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.setWindowTitle(_("CivicDesk: joint consultation meetings"))
        self._file_menu.setTitle(_("&File"))
        self._toolbar.setWindowTitle(_("Meetings"))
        self._new_action.setText(_("&New meeting…"))
        self._new_action.setToolTip(_("Plan a new meeting (Ctrl+N)"))
        self._open_action.setText(_("&Open meeting"))
        self._open_action.setToolTip(_("Open the chosen meeting's workspace (Enter)"))
        self._duplicate_action.setText(_("&Duplicate meeting"))
        self._duplicate_action.setToolTip(
            _("Plan a copy of the chosen meeting, with its details and agenda")
        )
        self._export_package_action.setText(_("&Export package…"))
        self._export_package_action.setToolTip(
            _("Write the records of a meeting or a district to a file for another computer")
        )
        self._import_package_action.setText(_("&Import package…"))
        self._import_package_action.setToolTip(
            _("Bring in a package from another computer, after a summary of what it changes")
        )
        self._conflicts_action.setText(_("Resolve &conflicts…"))
        self._conflicts_action.setToolTip(
            _("Choose between versions changed both here and on another computer")
        )
        self._reload_action.setText(_("&Reload"))
        self._quit_action.setText(_("&Quit"))
        self._language_menu.setTitle(_("&Language"))
        self._tools_menu.setTitle(_("&Tools"))
        self._verify_action.setText(_("&Verify the audit log"))
        self._check_document_action.setText(_("&Check a signed document…"))
        self._share_certificate_action.setText(_("S&hare our signing certificate…"))
        self._trust_certificate_action.setText(_("T&rust another organisation's certificate…"))
        self._secretariat_action.setText(_("&Secretariat…"))
        self._help_menu.setTitle(_("&Help"))
        self._about_action.setText(_("&About CivicDesk"))
        self._search_label.setText(_("&Search:"))
        self._search.setPlaceholderText(_("Title or place, in Khmer or English"))
        self._date_from_label.setText(_("F&rom:"))
        self._date_to_label.setText(_("&To:"))
        for date_button in (self._date_from, self._date_to):
            date_button.retranslate()
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

    @Slot(str)
    def _on_language_changed(self, _code: str) -> None:
        self.statusBar().clearMessage()  # it was said in the other language
        if self._model.rowCount() > 0:  # dates, kinds and places change width with the language
            self.fit_columns()
        for workspace in self._workspaces.values():
            workspace.retranslate()
        self._packages.retranslate()
        if self._new_meeting_dialog is not None:  # not modal: it can be open during a switch
            self._new_meeting_dialog.retranslate()

    def fit_columns(self) -> None:
        """Columns as wide as what they show, the title taking the rest."""
        self._columns_sized = True
        self._table.resizeColumnsToContents()
        self._table.horizontalHeader().setSectionResizeMode(
            Column.TITLE, QHeaderView.ResizeMode.Stretch
        )

    # ------------------------------------------------------------------ data

    @Slot()
    def reload(self) -> None:
        selected = self._current_meeting()
        with self._database.reading() as session:
            rows = list_meetings(session)
        self._model.set_meetings(rows)
        self._fill_filters()
        # Fitted once there are rows to fit (an empty table would fit only the headers); later
        # reloads keep the widths the person chose, until the language changes.
        if not self._columns_sized and self._model.rowCount() > 0:
            self.fit_columns()
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
        meeting = self._current_meeting()
        self._show_details(meeting)
        if meeting is not None:
            self._settings.last_meeting = meeting.id
        for action in (self._open_action, self._duplicate_action):
            action.setEnabled(meeting is not None)

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

    @Slot(object)
    def _on_date_filter(self, _date: object) -> None:
        self._proxy.set_date_range(self._date_from.date(), self._date_to.date())

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        self._date_from.set_date(date_from)
        self._date_to.set_date(date_to)

    # ------------------------------------------------------------------ meetings

    @Slot()
    def new_meeting(self) -> None:
        """Open the "New meeting" dialog (not modal for the app: workspaces stay usable)."""
        if self._new_meeting_dialog is not None:
            self._new_meeting_dialog.raise_()
            self._new_meeting_dialog.activateWindow()
            return
        dialog = NewMeetingDialog(
            self._database,
            [self._model.meeting_at(row) for row in range(self._model.rowCount())],
            actor=self._actor,
            initial=self._new_meeting_defaults(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.meetingPlanned.connect(self._on_meeting_planned)
        dialog.finished.connect(self._on_new_meeting_finished)
        self._new_meeting_dialog = dialog
        dialog.open()

    def new_meeting_dialog(self) -> NewMeetingDialog | None:
        return self._new_meeting_dialog

    def _new_meeting_defaults(self) -> MeetingDetails | None:
        """A new meeting starts in the place of the meeting chosen in the list, if any."""
        meeting = self._current_meeting()
        if meeting is None:
            return None
        return MeetingDetails(
            kind=meeting.kind,
            title_km="",
            title_en="",
            meeting_date=dt.date.today(),
            province_code=meeting.province_code,
            district_code=meeting.district_code,
        )

    @Slot(object)
    def _on_meeting_planned(self, meeting_id: uuid.UUID) -> None:
        self.reload()
        self.select_meeting(meeting_id)
        self.open_meeting(meeting_id)

    @Slot(int)
    def _on_new_meeting_finished(self, _result: int) -> None:
        self._new_meeting_dialog = None

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_current_meeting()

    @Slot()
    def open_current_meeting(self) -> None:
        meeting = self._current_meeting()
        if meeting is not None:
            self.open_meeting(meeting.id)

    def open_meeting(self, meeting_id: uuid.UUID, step: Step | None = None) -> MeetingWorkspace:
        """The meeting's workspace, brought to the front; opened if it is not open yet."""
        workspace = self._workspaces.get(meeting_id)
        if workspace is None:
            workspace = MeetingWorkspace(self._database, meeting_id, self._settings, self._actor)
            workspace.closed.connect(self._on_workspace_closed)
            workspace.context.dataChanged.connect(self._on_workspace_data_changed)
        else:
            del self._workspaces[meeting_id]  # re-inserted last: the most recently opened
        self._workspaces[meeting_id] = workspace
        self._settings.last_meeting = meeting_id
        if step is not None:
            workspace.show_step(step)
        workspace.show()
        workspace.raise_()
        workspace.activateWindow()
        return workspace

    def workspace(self, meeting_id: uuid.UUID) -> MeetingWorkspace | None:
        return self._workspaces.get(meeting_id)

    def workspaces(self) -> list[MeetingWorkspace]:
        return list(self._workspaces.values())

    @Slot(object)
    def _on_workspace_closed(self, workspace: MeetingWorkspace) -> None:
        meeting_id = workspace.context.meeting_id
        if self._workspaces.get(meeting_id) is workspace:
            del self._workspaces[meeting_id]
        # Still inside the workspace's closeEvent: let go of it once that has returned.
        self._retired.append(workspace)
        QTimer.singleShot(0, self._forget_retired)

    @Slot()
    def _forget_retired(self) -> None:
        self._retired.clear()

    @Slot(str)
    def _on_workspace_data_changed(self, _topic: str) -> None:
        self.reload()

    @Slot()
    def duplicate_current_meeting(self) -> None:
        meeting = self._current_meeting()
        if meeting is None:
            return
        try:
            with self._database.transaction(self._actor) as session:
                copy_id = duplicate_meeting(session, meeting.id)
        except DomainError as error:
            QMessageBox.warning(self, _("Duplicate meeting"), error.message)
            return
        self.reload()
        self.select_meeting(copy_id)
        self.open_meeting(copy_id, Step.SETUP)
        self.statusBar().showMessage(
            _("A copy was planned: set its date and details on the Setup step."), 8000
        )

    def _restore_last_meeting(self) -> None:
        last = self._settings.last_meeting
        if last is not None:
            self.select_meeting(last)
        if self._settings.reopen_meeting is not None:
            # After the window is shown, so that the workspace opens in front of it.
            QTimer.singleShot(0, self._reopen_workspace)

    @Slot()
    def _reopen_workspace(self) -> None:
        meeting_id = self._settings.reopen_meeting
        if meeting_id is not None and any(
            self._model.meeting_at(row).id == meeting_id for row in range(self._model.rowCount())
        ):
            self.open_meeting(meeting_id)

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
    def check_signed_document(self) -> VerifyDocumentDialog:
        """A PDF's signature checked, as `civicdesk verify` does; the dialog asks for the file."""
        dialog = VerifyDocumentDialog(self._database, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.choose_file()
        return dialog

    @Slot()
    def share_certificate(self) -> None:
        share_certificate(self)

    @Slot()
    def trust_certificate(self) -> None:
        trust_certificate_file(self)

    @Slot()
    def open_secretariat(self) -> None:
        """The secretariat's window (one, reused): every district's recommendations, their
        consolidation, and the reports."""
        if self._secretariat is None:
            self._secretariat = SecretariatWindow(self._database, self._settings, actor=self._actor)
            self.languageChanged.connect(self._secretariat.on_language_changed)
        self._secretariat.show()
        self._secretariat.raise_()
        self._secretariat.activateWindow()

    # ------------------------------------------------------------------ exchange packages

    @Slot()
    def export_package(self) -> None:
        self._packages.export_package(self._current_meeting(), sorted(self._districts()))

    @Slot()
    def import_package(self) -> None:
        self._packages.import_package()

    @Slot()
    def resolve_conflicts(self) -> None:
        self._packages.resolve_conflicts()

    def packages(self) -> PackageExchange:
        return self._packages

    @Slot()
    def _on_records_changed(self) -> None:
        """A package was imported or a conflict resolved: every window shows the records anew
        (a workspace reloads all its pages, as after a change of the meeting itself)."""
        self.reload()
        for workspace in self.workspaces():
            workspace.context.changed(Topic.MEETING)
        if self._secretariat is not None:
            self._secretariat.reload()

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
        columns = self._settings.window_state(WINDOW_NAME + "/columns")
        if columns is not None and self._table.horizontalHeader().restoreState(columns):
            self._columns_sized = True

    def closeEvent(self, event: QCloseEvent) -> None:
        # The workspace in front when the app closes is the one to reopen at the next start.
        open_meetings = list(self._workspaces)
        self._settings.reopen_meeting = open_meetings[-1] if open_meetings else None
        for workspace in list(self._workspaces.values()):
            workspace.close()
        if self._secretariat is not None:
            self._secretariat.close()
        self._settings.set_window_geometry(WINDOW_NAME, self.saveGeometry())
        self._settings.set_window_state(WINDOW_NAME + "/splitter", self._splitter.saveState())
        if self._model.rowCount() > 0:  # widths fitted to no rows are not worth keeping
            self._settings.set_window_state(
                WINDOW_NAME + "/columns", self._table.horizontalHeader().saveState()
            )
        self._settings.sync()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
