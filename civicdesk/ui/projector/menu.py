"""The facilitator's projector controls: a menu and a toolbar for the workspace window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from civicdesk.i18n import _, pgettext
from civicdesk.ui.projector.scenes import LanguageMode, Scene
from civicdesk.ui.projector.view import Theme
from civicdesk.ui.projector.window import ProjectorController
from civicdesk.ui.widgets.number_spin import NumberSpinBox

SCENE_KEYS: dict[Scene, str] = {
    Scene.WELCOME: "Ctrl+Alt+1",
    Scene.AGENDA: "Ctrl+Alt+2",
    Scene.RECOMMENDATION: "Ctrl+Alt+3",
    Scene.VOTE: "Ctrl+Alt+4",
    Scene.ATTENDANCE: "Ctrl+Alt+5",
    Scene.JOINT_LIST: "Ctrl+Alt+6",
    Scene.PRIORITIES: "Ctrl+Alt+7",
}


def scene_name(scene: Scene) -> str:
    names = {
        Scene.WELCOME: _("Welcome"),
        Scene.AGENDA: _("Agenda"),
        Scene.RECOMMENDATION: _("Current recommendation"),
        Scene.VOTE: _("Vote result"),
        Scene.ATTENDANCE: _("Attendance"),
        Scene.JOINT_LIST: _("Joint list"),
        Scene.PRIORITIES: _("Priority results"),
        Scene.BLANK: _("Blank screen"),
    }
    return names[scene]


class ProjectorControls(QObject):
    """Builds the Projector menu and toolbar and keeps their checks in step with the controller."""

    def __init__(self, window: QMainWindow, controller: ProjectorController) -> None:
        super().__init__(window)
        self.controller = controller
        self.menu = QMenu(window)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("projectorToolbar")

        self.show_action = QAction(window)
        self.show_action.setCheckable(True)
        self.show_action.setShortcut(QKeySequence("F5"))
        self.blank_action = QAction(window)
        self.blank_action.setCheckable(True)
        self.blank_action.setShortcut(QKeySequence("B"))
        self.next_action = QAction(window)
        self.next_action.setShortcuts([QKeySequence("PgDown"), QKeySequence("Alt+Right")])
        self.previous_action = QAction(window)
        self.previous_action.setShortcuts([QKeySequence("PgUp"), QKeySequence("Alt+Left")])

        self.scene_group = QActionGroup(window)
        self.scene_actions: dict[Scene, QAction] = {}
        for scene, key in SCENE_KEYS.items():
            action = QAction(window)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setData(scene.value)
            self.scene_group.addAction(action)
            self.scene_actions[scene] = action

        self.mode_group = QActionGroup(window)
        self.mode_actions: dict[LanguageMode, QAction] = {}
        for mode in LanguageMode:
            action = QAction(window)
            action.setCheckable(True)
            action.setData(mode.value)
            self.mode_group.addAction(action)
            self.mode_actions[mode] = action
        self.theme_group = QActionGroup(window)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme in Theme:
            action = QAction(window)
            action.setCheckable(True)
            action.setData(theme.value)
            self.theme_group.addAction(action)
            self.theme_actions[theme] = action

        self.timer_start = QAction(window)
        self.timer_start.setShortcut(QKeySequence("Ctrl+T"))
        self.timer_reset = QAction(window)
        self.timer_reset.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.timer_length = NumberSpinBox(window)
        self.timer_length.setRange(1, 60)
        self.timer_length.setValue(controller.timer.length // 60)
        self.timer_length.setProperty("keepEnabledWhenLocked", True)

        self._fill()
        self._connect()
        self.sync()

    def _fill(self) -> None:
        menu = self.menu
        menu.addAction(self.show_action)
        menu.addSeparator()
        for action in self.scene_actions.values():
            menu.addAction(action)
        menu.addAction(self.blank_action)
        menu.addSeparator()
        menu.addAction(self.previous_action)
        menu.addAction(self.next_action)
        menu.addSeparator()
        self.languages_menu = menu.addMenu("")
        for action in self.mode_actions.values():
            self.languages_menu.addAction(action)
        self.theme_menu = menu.addMenu("")
        for action in self.theme_actions.values():
            self.theme_menu.addAction(action)
        self.screen_menu = menu.addMenu("")
        self.screen_menu.aboutToShow.connect(self._fill_screens)
        menu.addSeparator()
        menu.addAction(self.timer_start)
        menu.addAction(self.timer_reset)

        bar = self.toolbar
        bar.addAction(self.show_action)
        # The scenes sit behind one button, so the toolbar fits a 1366-pixel laptop screen.
        self.scene_menu = QMenu(self.toolbar)
        for action in self.scene_actions.values():
            self.scene_menu.addAction(action)
        self.scene_button = QToolButton(self.toolbar)
        self.scene_button.setMenu(self.scene_menu)
        self.scene_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.scene_button.setProperty("keepEnabledWhenLocked", True)
        bar.addWidget(self.scene_button)
        bar.addAction(self.blank_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addAction(self.timer_start)
        bar.addWidget(self.timer_length)
        bar.addAction(self.timer_reset)

    def _connect(self) -> None:
        controller = self.controller
        self.show_action.triggered.connect(controller.toggle)
        self.blank_action.triggered.connect(controller.toggle_blank)
        self.next_action.triggered.connect(controller.next_recommendation)
        self.previous_action.triggered.connect(controller.previous_recommendation)
        self.scene_group.triggered.connect(self._on_scene)
        self.mode_group.triggered.connect(self._on_mode)
        self.theme_group.triggered.connect(self._on_theme)
        self.timer_start.triggered.connect(controller.timer.toggle)
        self.timer_reset.triggered.connect(controller.timer.reset)
        self.timer_length.valueChanged.connect(self._on_length)
        controller.changed.connect(self.sync)
        controller.timer.changed.connect(self._sync_timer)

    def retranslate(self) -> None:
        self.menu.setTitle(_("&Projector"))
        self.toolbar.setWindowTitle(_("Projector"))
        self.show_action.setText(_("Show the projector"))
        self.blank_action.setText(_("Blank screen"))
        self.next_action.setText(_("Next recommendation"))
        self.previous_action.setText(_("Previous recommendation"))
        for scene, action in self.scene_actions.items():
            action.setText(scene_name(scene))
        self._sync_scene_button()
        self.languages_menu.setTitle(_("Languages on screen"))
        self.mode_actions[LanguageMode.BOTH].setText(_("Khmer and English"))
        self.mode_actions[LanguageMode.KHMER].setText(_("Khmer only"))
        self.mode_actions[LanguageMode.ENGLISH].setText(_("English only"))
        self.theme_menu.setTitle(pgettext("colour scheme", "Theme"))
        self.theme_actions[Theme.DARK].setText(_("Dark, for dim rooms"))
        self.theme_actions[Theme.HIGH_CONTRAST].setText(_("High contrast, for bright rooms"))
        self.screen_menu.setTitle(_("Screen"))
        self.timer_length.setSuffix(" " + _("min per speaker"))
        self.timer_length.refresh_text()
        self._sync_timer()

    @Slot()
    def sync(self) -> None:
        controller = self.controller
        self.show_action.setChecked(controller.showing)
        self.blank_action.setChecked(controller.scene is Scene.BLANK)
        if controller.scene in self.scene_actions:
            self.scene_actions[controller.scene].setChecked(True)
        self._sync_scene_button()
        self.mode_actions[controller.mode].setChecked(True)
        self.theme_actions[controller.theme].setChecked(True)

    def _sync_scene_button(self) -> None:
        scene = self.controller.scene
        shown = scene_name(scene)
        self.scene_button.setText(_("Scene: {scene}").format(scene=shown) + " ▾")

    @Slot()
    def _sync_timer(self) -> None:
        running = self.controller.timer.running
        self.timer_start.setText(
            _("Pause the speaking timer") if running else _("Start the speaking timer")
        )
        self.timer_reset.setText(_("Reset the speaking timer"))

    @Slot(QAction)
    def _on_scene(self, action: QAction) -> None:
        self.controller.set_scene(Scene(str(action.data())))

    @Slot(QAction)
    def _on_mode(self, action: QAction) -> None:
        self.controller.set_mode(LanguageMode(str(action.data())))

    @Slot(QAction)
    def _on_theme(self, action: QAction) -> None:
        self.controller.set_theme(Theme(str(action.data())))

    @Slot(int)
    def _on_length(self, minutes: int) -> None:
        self.controller.timer.set_length(minutes * 60)

    @Slot()
    def _fill_screens(self) -> None:
        self.screen_menu.clear()
        for screen in self.controller.screens():
            action = self.screen_menu.addAction(
                f"{screen.name()} ({screen.size().width()}×{screen.size().height()})"
            )
            action.setData(screen.name())
            action.triggered.connect(self._on_screen_chosen)

    @Slot()
    def _on_screen_chosen(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.controller.set_screen(str(action.data()))


__all__ = ["ProjectorControls", "scene_name"]
