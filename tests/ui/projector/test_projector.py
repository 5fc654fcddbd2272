"""The projector: follows the workspace live, fits the longest text, blanks, times speakers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from civicdesk.demo import content
from civicdesk.i18n import _, set_language
from civicdesk.i18n.linebreak import line_breaks, with_break_hints
from civicdesk.models.enums import VoteOutcome
from civicdesk.services import recommendations, votes
from civicdesk.ui.projector.scenes import Bilingual, LanguageMode, Scene, SceneData
from civicdesk.ui.projector.timer import SpeakingTimer, TimerState
from civicdesk.ui.projector.view import ProjectorView, Theme
from civicdesk.ui.projector.window import ProjectorController
from civicdesk.ui.workspace.context import Topic
from civicdesk.ui.workspace.window import MeetingWorkspace


@pytest.fixture
def projector(workspace: MeetingWorkspace, qtbot: QtBot) -> Iterator[ProjectorController]:
    controller = workspace.projector
    controller.show()
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    yield controller
    controller.close()


def _draft(workspace: MeetingWorkspace, text_km: str, text_en: str) -> object:
    return workspace.context.run(
        Topic.RECOMMENDATIONS,
        recommendations.draft_recommendation,
        workspace.context.meeting_id,
        text_km=text_km,
        text_en=text_en,
    )


def _shown(controller: ProjectorController) -> SceneData:
    assert controller.window is not None
    data = controller.window.view.scene_data()
    assert data is not None
    return data


def test_projector_follows_amendments_and_tallies(
    workspace: MeetingWorkspace, projector: ProjectorController
) -> None:
    first = _draft(workspace, "ផ្សព្វផ្សាយថវិកា", "Publish the budget")
    projector.set_scene(Scene.RECOMMENDATION)
    assert _shown(projector).recommendation_text == Bilingual("ផ្សព្វផ្សាយថវិកា", "Publish the budget")

    context = workspace.context
    context.run(
        Topic.RECOMMENDATIONS,
        recommendations.amend_recommendation,
        first,
        context.meeting_id,
        text_km="ផ្សព្វផ្សាយថវិកានៅសាលាឃុំ",
        text_en="Publish the budget at every commune hall",
    )
    assert _shown(projector).recommendation_text.en == "Publish the budget at every commune hall"

    projector.set_scene(Scene.VOTE)
    assert _shown(projector).outcome is None
    context.run(
        Topic.VOTES,
        votes.record_vote,
        context.meeting_id,
        first,
        tally=votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(1, 1, 0)),
    )
    shown = _shown(projector)
    assert [(b.yes, b.no, b.present) for b in shown.bars] == [(2, 0, 2), (1, 1, 2)]
    assert shown.outcome is VoteOutcome.REJECTED  # civil society did not say yes by a majority


def test_next_and_previous_recommendation_by_key(
    qtbot: QtBot, workspace: MeetingWorkspace, projector: ProjectorController
) -> None:
    _draft(workspace, "", "First recommendation")
    _draft(workspace, "", "Second recommendation")
    projector.set_scene(Scene.RECOMMENDATION)
    assert _shown(projector).recommendation_text.en == "First recommendation"
    workspace._projector_controls.next_action.trigger()
    assert _shown(projector).recommendation_text.en == "Second recommendation"
    assert _shown(projector).position == (2, 2)
    assert projector.window is not None
    qtbot.keyClick(projector.window, Qt.Key.Key_PageUp)
    assert _shown(projector).recommendation_text.en == "First recommendation"


def test_b_blanks_and_restores(
    qtbot: QtBot, workspace: MeetingWorkspace, projector: ProjectorController
) -> None:
    projector.set_scene(Scene.ATTENDANCE)
    assert projector.window is not None
    qtbot.keyClick(projector.window, Qt.Key.Key_B)
    assert projector.scene is Scene.BLANK
    image = projector.window.view.render_image(QSize(320, 240))
    assert QColor(image.pixel(160, 120)) == QColor("#000000")
    assert workspace._projector_controls.blank_action.isChecked()
    qtbot.keyClick(projector.window, Qt.Key.Key_B)
    assert projector.scene is Scene.ATTENDANCE
    assert _shown(projector).total == 4


def test_scenes_show_nothing_private(
    workspace: MeetingWorkspace, projector: ProjectorController
) -> None:
    _draft(workspace, "", "A recommendation")
    for scene in Scene:
        projector.set_scene(scene)
        assert "012 000 101" not in repr(_shown(projector))


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_speaking_timer_counts_down_and_warns(qtbot: QtBot) -> None:
    timer = SpeakingTimer(length=120)
    clock = FakeClock()
    timer._clock = clock
    assert timer.state is TimerState.IDLE
    timer.start()
    clock.now += 30
    assert timer.remaining == 90
    assert timer.state is TimerState.RUNNING
    timer.pause()
    clock.now += 100  # paused time does not count
    assert timer.remaining == 90
    timer.start()
    clock.now += 70
    assert timer.state is TimerState.WARNING
    clock.now += 25
    assert timer.remaining < 0
    assert timer.state is TimerState.OVER
    timer.reset()
    assert (timer.remaining, timer.state) == (120, TimerState.IDLE)


def test_timer_colours_the_projector_near_the_end() -> None:
    view = ProjectorView()
    timer = SpeakingTimer(length=60)
    clock = FakeClock()
    timer._clock = clock
    view.set_timer(timer)
    view.set_scene(SceneData(Scene.ATTENDANCE, total=3))
    timer.start()
    clock.now += 55
    image = view.render_image(QSize(800, 600))
    warning = view.palette_colors.warning
    # The border of the timer box is drawn in the warning colour.
    found = any(
        QColor(image.pixel(x, y)) == warning for x in range(560, 800, 2) for y in range(460, 600, 2)
    )
    assert found


@pytest.mark.parametrize("size", [QSize(1024, 768), QSize(1920, 1080)])
@pytest.mark.parametrize("mode", [LanguageMode.BOTH, LanguageMode.KHMER])
def test_longest_recommendation_fits_and_wraps_between_words(
    size: QSize, mode: LanguageMode
) -> None:
    (district, index), longest_km = content.longest_recommendation()
    recommendation = content.PROGRAMMES_BY_CODE[district].recommendations[index]
    longest_en = next(
        text_en
        for text_km, text_en in [
            (recommendation.text_km, recommendation.text_en),
            *((a.text_km, a.text_en) for a in recommendation.amendments),
        ]
        if text_km == longest_km
    )
    view = ProjectorView()
    view.set_mode(mode)
    view.set_theme(Theme.HIGH_CONTRAST)
    view.set_scene(
        SceneData(
            Scene.RECOMMENDATION,
            recommendation_code=f"{district}-R{index + 1:02d}",
            recommendation_text=Bilingual(longest_km, longest_en),
            position=(1, 5),
        )
    )
    view.render_image(size)
    window = QRectF(0, 0, size.width(), size.height())
    assert not view.text_bounds.isEmpty()
    assert window.contains(view.text_bounds), (view.text_bounds, window)
    # It fills the screen: the text takes a good part of the height, not a timid corner.
    assert view.text_bounds.height() > size.height() * 0.4
    # Khmer lines start only at word boundaries found by ICU, never inside a cluster.
    main = view.drawn[-1]
    khmer_layout = main.layouts[0][0]
    text = khmer_layout.text()
    allowed = {0, *line_breaks(text)}
    starts = [khmer_layout.lineAt(i).textStart() for i in range(khmer_layout.lineCount())]
    assert khmer_layout.lineCount() > 2
    assert set(starts) <= allowed, (starts, sorted(allowed))
    assert text == with_break_hints(longest_km)


def test_labels_on_screen_are_in_the_room_languages() -> None:
    from civicdesk.i18n import translations_for
    from civicdesk.i18n.linebreak import with_break_hints

    view = ProjectorView()
    view.set_mode(LanguageMode.KHMER)
    view.set_scene(SceneData(Scene.PRIORITIES))
    view.render_image(QSize(800, 600))
    header = view.drawn[0].layouts[0][0].text()
    khmer = translations_for("km").gettext("Priorities")
    assert khmer != "Priorities"
    assert header == with_break_hints(khmer)


def test_the_speaking_time_is_written_in_khmer_digits(workspace: MeetingWorkspace) -> None:
    controls = workspace._projector_controls
    controls.timer_length.setValue(3)
    assert controls.timer_length.text() == "3 min per speaker"
    set_language("km")
    try:
        workspace.retranslate()
        assert controls.timer_length.text().startswith("៣ ")
        controls.timer_length.lineEdit().setText("៥ " + _("min per speaker"))
        controls.timer_length.interpretText()
        assert controls.timer_length.value() == 5
    finally:
        set_language("en")
