"""An undo a service refuses is shown, and dropped from the stack instead of being redone."""

from __future__ import annotations

from sqlalchemy.orm import Session

from civicdesk.services import agenda
from civicdesk.services.errors import StateError
from civicdesk.ui.workspace.context import ServiceCommand, Topic
from civicdesk.ui.workspace.window import MeetingWorkspace


def test_refused_undo_is_reported_and_dropped(workspace: MeetingWorkspace) -> None:
    context = workspace.context
    errors: list[str] = []
    context.errorRaised.connect(lambda message, _field: errors.append(message))

    def add(session: Session) -> object:
        return agenda.add_agenda_item(session, context.meeting_id, title_en="Opening")

    def refuse(_session: Session, _result: object) -> None:
        raise StateError("Cannot undo this now.")

    command = ServiceCommand("Add item", Topic.AGENDA, add, refuse)
    assert context.execute(command)
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert errors == ["Cannot undo this now."]
    assert context.undo_stack.count() == 0  # obsolete: dropped, not kept to be redone
    assert [row.title_en for row in context.read(agenda.agenda, context.meeting_id)] == ["Opening"]


def test_undo_menu_names_the_action_in_the_ui_language(workspace: MeetingWorkspace) -> None:
    from civicdesk.i18n import set_language, translations_for

    context = workspace.context
    command = ServiceCommand(
        "Add Opening",
        Topic.AGENDA,
        lambda session: agenda.add_agenda_item(session, context.meeting_id, title_en="Opening"),
        lambda session, item: agenda.remove_agenda_item(session, item),
    )
    assert not workspace._undo_action.isEnabled()
    assert context.execute(command)
    assert workspace._undo_action.isEnabled()
    assert workspace._undo_action.text() == "&Undo: Add Opening"
    set_language("km")
    try:
        workspace.retranslate()
        expected = translations_for("km").gettext("&Undo: {action}").format(action="Add Opening")
        assert workspace._undo_action.text() == expected
    finally:
        set_language("en")
    workspace._undo_action.trigger()
    assert workspace._redo_action.text() == "&Redo: Add Opening"
    assert context.read(agenda.agenda, context.meeting_id) == []
