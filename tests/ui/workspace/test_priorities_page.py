"""Prioritisation at the provincial workshop: rounds, dots per participant, ranked results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from civicdesk.i18n import set_language, translations_for
from civicdesk.models import Meeting
from civicdesk.models.enums import MeetingKind, PriorityMethod
from civicdesk.services import priorities
from civicdesk.storage.database import Database
from civicdesk.ui.projector.scenes import Scene
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.priorities import PrioritiesPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace


@pytest.fixture
def workshop(
    qtbot: QtBot,
    demo_database: Database,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
) -> Iterator[MeetingWorkspace]:
    with demo_database.reading() as session:
        meeting_id = session.scalars(
            select(Meeting.id).where(Meeting.kind == MeetingKind.PROVINCIAL_WORKSHOP)
        ).one()
    window = MeetingWorkspace(demo_database, meeting_id, settings, actor="test")
    qtbot.addWidget(window)
    window.show()
    window.show_step(Step.PRIORITIES)
    yield window
    window.projector.close()


def _page(window: MeetingWorkspace) -> PrioritiesPage:
    page = window.page(Step.PRIORITIES)
    assert isinstance(page, PrioritiesPage)
    return page


def test_demo_round_results_are_shown_ranked(workshop: MeetingWorkspace) -> None:
    page = _page(workshop)
    assert page._rounds.count() == 1
    results = page._results_model.rows()
    assert results and results[0].rank == 1
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
    tied = [r for r in results if r.tied]
    assert tied, "the demo has ties"
    assert page._results_model.data(
        page._results_model.index(results.index(tied[0]), 0)
    ).startswith("=")


def test_a_participant_places_dots_and_the_projector_shows_the_results(
    workshop: MeetingWorkspace, demo_database: Database
) -> None:
    page = _page(workshop)
    with demo_database.reading() as session:
        candidates = priorities.eligible_candidates(session, workshop.context.meeting_id)
    round_id = page.create_round(PriorityMethod.DOTS, [c.id for c in candidates[:4]], 3)
    assert round_id is not None
    assert page._round is not None and page._round.id == round_id
    page._participants.select_row(0)
    participant = page._participants.current_id()
    model = page._marks_model
    assert model.setData(model.index(1, model.VALUE_COLUMN), 2, Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(3, model.VALUE_COLUMN), 1, Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(0, model.VALUE_COLUMN), 9, Qt.ItemDataRole.EditRole)
    assert "0" in page._remaining.text()
    page.save_marks()
    with demo_database.reading() as session:
        view = priorities.round_view(session, round_id)
        ranked = priorities.results(session, round_id)
    assert participant is not None
    assert view.marks[participant] == {candidates[1].id: 2, candidates[3].id: 1}
    assert [r.recommendation_id for r in ranked[:2]] == [candidates[1].id, candidates[3].id]
    assert ranked[2].tied and ranked[3].tied  # the two without dots share the last rank

    page.show_on_projector()
    assert workshop.projector.scene is Scene.PRIORITIES
    shown = workshop.projector.scene_data()
    assert shown.priorities[0].code == candidates[1].code and shown.priorities[0].score == 2


def test_too_many_dots_are_refused_with_a_message(workshop: MeetingWorkspace) -> None:
    page = _page(workshop)
    round_id = page.create_round(
        PriorityMethod.DOTS, [c.id for c in page._round.candidates[:3]] if page._round else [], 1
    )
    assert round_id is not None
    page._participants.select_row(0)
    page._marks_model.maximum = 5  # as if the table allowed it: the service must still refuse
    model = page._marks_model
    model.setData(model.index(0, model.VALUE_COLUMN), 2, Qt.ItemDataRole.EditRole)
    page.save_marks()
    assert "dots" in workshop._error_banner.text()


@pytest.mark.parametrize("language", ["km", "en"])
def test_page_opens_in_each_language(workshop: MeetingWorkspace, language: str) -> None:
    set_language(language)
    try:
        workshop.retranslate()
        page = _page(workshop)
        expected = translations_for(language).gettext("Save these marks")
        assert page._save.text() == expected
        assert (expected != "Save these marks") == (language == "km")
        header = page._results_model.headerData(0, Qt.Orientation.Horizontal)
        assert header == translations_for(language).gettext("Rank")
    finally:
        set_language("en")


def test_models_pass_the_model_tester(qtmodeltester: object, workshop: MeetingWorkspace) -> None:
    page = _page(workshop)
    page._participants.select_row(0)
    for model in (page._participants_model, page._marks_model, page._results_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
