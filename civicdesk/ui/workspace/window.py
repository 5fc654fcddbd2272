"""The meeting workspace: the steps of one meeting, where it stands, and what is missing."""

from __future__ import annotations

import uuid

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import MeetingStatus
from civicdesk.services import meetings
from civicdesk.storage.database import Database
from civicdesk.ui.projector.menu import ProjectorControls
from civicdesk.ui.projector.window import ProjectorController
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.minutes_export import confirm_signing
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import load_pages
from civicdesk.ui.workspace.steps import Step, step_label, steps_for

STEP_ROLE = Qt.ItemDataRole.UserRole + 1
WINDOW_NAME = "workspace"


class StepListModel(QAbstractListModel):
    """The navigator: each step, with a mark when it still lacks something."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self._missing: dict[Step, list[str]] = {}

    def set_steps(self, steps: list[Step]) -> None:
        self.beginResetModel()
        self._steps = list(steps)
        self.endResetModel()

    def set_missing(self, missing: dict[Step, list[str]]) -> None:
        self._missing = missing
        if self._steps:
            self.dataChanged.emit(self.index(0), self.index(len(self._steps) - 1))

    def step_at(self, row: int) -> Step:
        return self._steps[row]

    def row_of(self, step: Step) -> int:
        return self._steps.index(step)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        step = self._steps[index.row()]
        missing = self._missing.get(step, [])
        if role == Qt.ItemDataRole.DisplayRole:
            marker = "○" if missing else "●"
            number = format_number(index.row() + 1, current_language())
            return f"{marker}  {number}. {step_label(step)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(missing) if missing else _("Nothing missing.")
        if role == STEP_ROLE:
            return step.value
        return None

    def retranslate(self) -> None:
        if self._steps:
            self.dataChanged.emit(self.index(0), self.index(len(self._steps) - 1))


class MeetingWorkspace(QMainWindow):
    """One meeting's window. Closing it loses nothing: every change is already saved."""

    closed = Signal(object)

    def __init__(
        self,
        database: Database,
        meeting_id: uuid.UUID,
        settings: Settings | None = None,
        actor: str = "",
    ) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._settings = settings or Settings()
        self.context = WorkspaceContext(database, meeting_id, actor)
        self._pages: dict[Step, StepPage] = {}
        self._build()
        self._build_actions()
        self._connect()
        self.retranslate()
        self.refresh()
        self._restore_geometry()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title.setFont(font)
        self._subtitle = QLabel(self)
        self._subtitle.setWordWrap(True)
        self._status = QLabel(self)
        self._status.setObjectName("statusChip")
        self._missing_label = QLabel(self)
        self._missing_label.setWordWrap(True)
        self._open_button = QPushButton(self)
        self._close_button = QPushButton(self)
        self._reopen_button = QPushButton(self)
        self._sign_button = QPushButton(self)

        header_text = QVBoxLayout()
        header_text.addWidget(self._title)
        header_text.addWidget(self._subtitle)
        header_text.addWidget(self._missing_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self._status)
        for button in (
            self._open_button,
            self._close_button,
            self._reopen_button,
            self._sign_button,
        ):
            buttons.addWidget(button)
        header = QHBoxLayout()
        header.addLayout(header_text, 1)
        header.addLayout(buttons)

        self._error_banner = QLabel(self)
        self._error_banner.setWordWrap(True)
        self._error_banner.setStyleSheet(
            "QLabel { background: #fdecea; color: #7a1c13; border: 1px solid #e0a49c;"
            " border-radius: 4px; padding: 6px; }"
        )
        self._error_banner.hide()
        self._locked_banner = QLabel(self)
        self._locked_banner.setWordWrap(True)
        self._locked_banner.setStyleSheet(
            "QLabel { background: #eef2f7; color: #1f3550; border: 1px solid #b8c4d6;"
            " border-radius: 4px; padding: 6px; }"
        )
        self._locked_banner.hide()

        self._steps_model = StepListModel(self)
        self._navigator = QListView(self)
        self._navigator.setModel(self._steps_model)
        self._navigator.setMinimumWidth(200)
        self._stack = QStackedWidget(self)

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self._navigator)
        self._splitter.addWidget(self._stack)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setSizes([220, 1100])

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(line)
        layout.addWidget(self._locked_banner)
        layout.addWidget(self._error_banner)
        layout.addWidget(self._splitter, 1)
        self.setCentralWidget(central)

        summary = self.context.summary()
        page_classes = load_pages()
        for step in steps_for(summary.kind):
            page_class = page_classes.get(step)
            if page_class is None:
                continue
            page = page_class(self.context, self._stack)
            self._pages[step] = page
            self._stack.addWidget(page)
        self._steps_model.set_steps(list(self._pages))

    def _build_actions(self) -> None:
        self._edit_menu = self.menuBar().addMenu("")
        # Own actions rather than QUndoStack's: Qt would write its untranslated "Undo %1" into
        # them whenever the stack changes.
        stack = self.context.undo_stack
        self._undo_action = QAction(self)
        self._undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self._undo_action.triggered.connect(stack.undo)
        self._redo_action = QAction(self)
        self._redo_action.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self._undo_action.setEnabled)
        stack.canRedoChanged.connect(self._redo_action.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self._undo_text = ""
        self._redo_text = ""
        self._undo_action.setEnabled(False)
        self._redo_action.setEnabled(False)
        self._redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        )
        self._edit_menu.addAction(self._undo_action)
        self._edit_menu.addAction(self._redo_action)
        self._go_menu = self.menuBar().addMenu("")
        self._step_actions: list[QAction] = []
        for row in range(self._steps_model.rowCount()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.setData(row)
            action.triggered.connect(self._on_step_action)
            self._go_menu.addAction(action)
            self._step_actions.append(action)
        self.projector = ProjectorController(self.context, self)
        self._projector_controls = ProjectorControls(self, self.projector)
        self.menuBar().addMenu(self._projector_controls.menu)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._projector_controls.toolbar)
        self._close_action = QAction(self)
        self._close_action.setShortcut(QKeySequence.StandardKey.Close)
        self._close_action.triggered.connect(self.close)
        self._go_menu.addSeparator()
        self._go_menu.addAction(self._close_action)

    def _connect(self) -> None:
        self._navigator.selectionModel().currentRowChanged.connect(self._on_step_changed)
        self.context.dataChanged.connect(self._on_data_changed)
        self.context.errorRaised.connect(self.show_error)
        self.context.statusMessage.connect(self._on_status_message)
        self._open_button.clicked.connect(self.open_meeting)
        self._close_button.clicked.connect(self.close_meeting)
        self._reopen_button.clicked.connect(self.reopen_meeting)
        self._sign_button.clicked.connect(self.sign_meeting)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self._edit_menu.setTitle(_("&Edit"))
        self._go_menu.setTitle(_("&Go"))
        self._sync_undo_texts()
        for row, action in enumerate(self._step_actions):
            action.setText(step_label(self._steps_model.step_at(row)))
        self._close_action.setText(_("Close this window"))
        self._open_button.setText(_("Open the meeting"))
        self._close_button.setText(_("Close the meeting"))
        self._reopen_button.setText(_("Reopen"))
        self._sign_button.setText(_("Sign and lock…"))
        self._projector_controls.retranslate()
        self._steps_model.retranslate()
        for page in self._pages.values():
            page.retranslate()
        self.refresh()

    # The stack's texts arrive with its signals: the stack itself may be going away (it emits
    # them from its destructor too), so it is not asked again here.

    @Slot(str)
    def _on_undo_text(self, text: str) -> None:
        self._undo_text = text
        self._sync_undo_texts()

    @Slot(str)
    def _on_redo_text(self, text: str) -> None:
        self._redo_text = text
        self._sync_undo_texts()

    def _sync_undo_texts(self) -> None:
        undo, redo = self._undo_text, self._redo_text
        self._undo_action.setText(_("&Undo: {action}").format(action=undo) if undo else _("&Undo"))
        self._redo_action.setText(_("&Redo: {action}").format(action=redo) if redo else _("&Redo"))

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        summary = self.context.summary(refresh=True)
        language = current_language()
        self.setWindowTitle(summary.title(language) + " – CivicDesk")
        self._title.setText(summary.title(language))
        place = summary.place_name_km if language == "km" else summary.place_name_en
        self._subtitle.setText(
            " · ".join(
                [
                    label(summary.kind),
                    format_date(summary.meeting_date, language),
                    place,
                    _("{total} present, {women} women").format(
                        total=format_number(summary.attendance.total, language),
                        women=format_number(summary.attendance.women, language),
                    ),
                ]
            )
        )
        self._status.setText(label(summary.status))
        status = summary.status
        self._open_button.setVisible(status is MeetingStatus.PLANNED)
        self._close_button.setVisible(status is MeetingStatus.OPEN)
        self._reopen_button.setVisible(status is MeetingStatus.CLOSED)
        self._sign_button.setVisible(status is MeetingStatus.CLOSED)
        locked = status is MeetingStatus.SIGNED
        self._locked_banner.setVisible(locked)
        if locked:
            self._locked_banner.setText(
                _(
                    "This meeting has been signed and is locked: everything here is read-only. "
                    "Corrections are recorded as an addendum in another meeting."
                )
            )
        missing = {step: page.missing() for step, page in self._pages.items()}
        self._steps_model.set_missing(missing)
        lacking = [text for texts in missing.values() for text in texts]
        self._missing_label.setText(
            _("Still missing: {items}").format(items="; ".join(lacking[:4])) if lacking else ""
        )
        self._missing_label.setVisible(bool(lacking) and not locked)
        for page in self._pages.values():
            page.apply_lock(locked)
        if not self._navigator.currentIndex().isValid() and self._steps_model.rowCount():
            self._navigator.setCurrentIndex(self._steps_model.index(0))

    @Slot(str)
    def _on_data_changed(self, _topic: str) -> None:
        self._error_banner.hide()
        self.refresh()

    @Slot(str, str)
    def show_error(self, message: str, _field: str) -> None:
        self._error_banner.setText(message)
        self._error_banner.show()
        self.statusBar().showMessage(message, 8000)

    @Slot(str)
    def _on_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    # ------------------------------------------------------------------ navigation

    def page(self, step: Step) -> StepPage:
        return self._pages[step]

    def show_step(self, step: Step) -> None:
        self._navigator.setCurrentIndex(self._steps_model.index(self._steps_model.row_of(step)))

    def current_step(self) -> Step:
        return self._steps_model.step_at(self._navigator.currentIndex().row())

    @Slot(QModelIndex, QModelIndex)
    def _on_step_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            page = self._pages[self._steps_model.step_at(current.row())]
            self._stack.setCurrentWidget(page)
            page.reload()

    @Slot()
    def _on_step_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self._navigator.setCurrentIndex(self._steps_model.index(int(action.data())))

    # ------------------------------------------------------------------ meeting status

    @Slot()
    def open_meeting(self) -> None:
        self.context.run(Topic.MEETING, meetings.open_meeting, self.context.meeting_id)

    @Slot()
    def close_meeting(self) -> None:
        self.context.run(Topic.MEETING, meetings.close_meeting, self.context.meeting_id)

    @Slot()
    def reopen_meeting(self) -> None:
        self.context.run(Topic.MEETING, meetings.reopen_meeting, self.context.meeting_id)

    @Slot()
    def sign_meeting(self) -> None:
        if confirm_signing(self.context, self):
            self.context.run(Topic.MEETING, meetings.sign_meeting, self.context.meeting_id)
            self.context.undo_stack.clear()

    # ------------------------------------------------------------------ window state

    def _restore_geometry(self) -> None:
        geometry = self._settings.window_geometry(WINDOW_NAME)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set_window_geometry(WINDOW_NAME, self.saveGeometry())
        self.projector.close()
        self.closed.emit(self)
        super().closeEvent(event)
