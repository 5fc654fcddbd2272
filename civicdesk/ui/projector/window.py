"""The audience window, and the controller the workspace drives it with."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from civicdesk.i18n import _
from civicdesk.ui.projector.scenes import LanguageMode, Scene, SceneData, build_scene, voteable
from civicdesk.ui.projector.timer import SpeakingTimer
from civicdesk.ui.projector.view import ProjectorView, Theme
from civicdesk.ui.workspace.context import WorkspaceContext

SINGLE_SCREEN_SIZE = QSize(1024, 768)


class ProjectorWindow(QWidget):
    """Audience only: no controls, nothing private. Keys typed here are passed to the controller
    so a presenter's clicker works whichever window has focus."""

    keyPressed = Signal(QKeyEvent)
    closedByUser = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.view = ProjectorView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setCursor(Qt.CursorShape.BlankCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keyPressed.emit(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closedByUser.emit()
        super().closeEvent(event)


def default_screen() -> QScreen | None:
    """The secondary screen when there is one (the projector), else the only one."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    others = [screen for screen in screens if screen is not primary]
    return others[0] if others else primary


class ProjectorController(QObject):
    """What the projector shows: scene, recommendation, languages, theme, speaking timer."""

    changed = Signal()

    def __init__(self, context: WorkspaceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.scene = Scene.WELCOME
        self._scene_before_blank = Scene.WELCOME
        self.index = 0
        self.mode = LanguageMode.BOTH
        self.theme = Theme.DARK
        self.timer = SpeakingTimer(self)
        self.window: ProjectorWindow | None = None
        self._screen_name: str | None = None
        context.dataChanged.connect(self._on_data_changed)
        context.recommendationFocused.connect(self._on_recommendation_focused)
        context.prioritiesShown.connect(self._on_priorities_shown)
        self.priority_round_id: uuid.UUID | None = None

    # ------------------------------------------------------------------ the window

    @property
    def showing(self) -> bool:
        return self.window is not None and self.window.isVisible()

    def screens(self) -> list[QScreen]:
        return list(QGuiApplication.screens())

    def set_screen(self, name: str | None) -> None:
        self._screen_name = name
        if self.showing:
            self._place_window()

    def _screen(self) -> QScreen | None:
        for screen in self.screens():
            if screen.name() == self._screen_name:
                return screen
        return default_screen()

    @Slot()
    def show(self) -> None:
        if self.window is None:
            self.window = ProjectorWindow()
            self.window.setWindowTitle(_("CivicDesk projector"))
            self.window.view.set_timer(self.timer)
            self.window.keyPressed.connect(self._on_projector_key)
            self.window.closedByUser.connect(self._on_window_closed)
        self.window.view.set_mode(self.mode)
        self.window.view.set_theme(self.theme)
        self._place_window()
        self.refresh()
        self.changed.emit()

    def _place_window(self) -> None:
        window = self.window
        if window is None:
            return
        screen = self._screen()
        several = len(self.screens()) > 1
        if screen is not None:
            window.setScreen(screen)
            geometry = screen.geometry()
            if several:
                window.setGeometry(geometry)
                window.showFullScreen()
                return
            window.resize(
                min(SINGLE_SCREEN_SIZE.width(), geometry.width()),
                min(SINGLE_SCREEN_SIZE.height(), geometry.height()),
            )
        window.showNormal()

    @Slot()
    def hide(self) -> None:
        if self.window is not None:
            self.window.hide()
        self.changed.emit()

    @Slot()
    def toggle(self) -> None:
        if self.showing:
            self.hide()
        else:
            self.show()

    @Slot()
    def _on_window_closed(self) -> None:
        self.changed.emit()

    def close(self) -> None:
        if self.window is not None:
            self.window.closedByUser.disconnect(self._on_window_closed)
            self.window.close()
            self.window.deleteLater()
            self.window = None

    # ------------------------------------------------------------------ what it shows

    def set_scene(self, scene: Scene) -> None:
        if scene is not Scene.BLANK:
            self._scene_before_blank = scene
        self.scene = scene
        self.refresh()
        self.changed.emit()

    @Slot()
    def toggle_blank(self) -> None:
        if self.scene is Scene.BLANK:
            self.set_scene(self._scene_before_blank)
        else:
            self._scene_before_blank = self.scene
            self.set_scene(Scene.BLANK)

    def recommendation_count(self) -> int:
        return len(self.context.read(voteable, self.context.meeting_id))

    @Slot()
    def next_recommendation(self) -> None:
        self._move(1)

    @Slot()
    def previous_recommendation(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        count = self.recommendation_count()
        if not count:
            return
        self.index = max(0, min(self.index + step, count - 1))
        if self.scene not in (Scene.RECOMMENDATION, Scene.VOTE):
            self.scene = Scene.RECOMMENDATION
        self.refresh()
        self.changed.emit()

    def show_recommendation(self, recommendation_id: uuid.UUID) -> None:
        rows = self.context.read(voteable, self.context.meeting_id)
        for index, row in enumerate(rows):
            if row.id == recommendation_id:
                self.index = index
                self.refresh()
                self.changed.emit()
                return

    def set_mode(self, mode: LanguageMode) -> None:
        self.mode = mode
        if self.window is not None:
            self.window.view.set_mode(mode)
        self.changed.emit()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.window is not None:
            self.window.view.set_theme(theme)
        self.changed.emit()

    def scene_data(self) -> SceneData:
        return self.context.read(
            build_scene, self.context.meeting_id, self.scene, self.index, self.priority_round_id
        )

    def refresh(self) -> None:
        if self.window is not None:
            self.window.view.set_scene(self.scene_data())

    @Slot(str)
    def _on_data_changed(self, _topic: str) -> None:
        self.refresh()

    @Slot(object)
    def _on_recommendation_focused(self, recommendation_id: object) -> None:
        if isinstance(recommendation_id, uuid.UUID):
            self.show_recommendation(recommendation_id)

    @Slot(object)
    def _on_priorities_shown(self, round_id: object) -> None:
        if isinstance(round_id, uuid.UUID):
            self.priority_round_id = round_id
            self.set_scene(Scene.PRIORITIES)
            if not self.showing:
                self.show()

    @Slot(QKeyEvent)
    def _on_projector_key(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space):
            self.next_recommendation()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.previous_recommendation()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.toggle_blank()
        elif key == Qt.Key.Key_Escape and self.window is not None:
            self.window.showNormal()
