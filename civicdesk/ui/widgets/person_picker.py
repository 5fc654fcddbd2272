"""Choosing a known person by typing part of a name (Khmer or Latin), organisation or phone."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from civicdesk.i18n import _
from civicdesk.i18n.text import search_key
from civicdesk.services import NotFoundError
from civicdesk.services.people import PersonInfo, get_person, search_people
from civicdesk.ui.itemmodels.people import PersonChoiceModel
from civicdesk.ui.itemmodels.records import in_language

#: Reads through a service: `read(function, *args)` calls `function(session, *args)` in a
#: reading session (`WorkspaceContext.read`, or `civicdesk.ui.reading.reader(database)`).
Reader = Callable[..., Any]
SUGGESTIONS = 30


class PeopleLookup:
    """The people directory as pickers see it."""

    def __init__(self, read: Reader) -> None:
        self._read = read

    def search(self, query: str) -> list[PersonInfo]:
        found: list[PersonInfo] = self._read(search_people, query, SUGGESTIONS)
        return found

    def get(self, person_id: uuid.UUID) -> PersonInfo | None:
        try:
            person: PersonInfo = self._read(get_person, person_id)
        except NotFoundError:
            return None
        return person


class PersonPicker(QLineEdit):
    """A line for a person's name with suggestions as one types. `personChanged` carries the
    chosen person's id (or None once the line is left empty) when a choice is made: a
    suggestion picked, or the line left with a name only one person has, or cleared."""

    personChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lookup: PeopleLookup | None = None
        self._person: PersonInfo | None = None
        #: The choice last told through personChanged.
        self._announced: uuid.UUID | None = None
        self._choices = PersonChoiceModel(self)
        self._completer = QCompleter(self._choices, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        self._completer.setMaxVisibleItems(10)
        self.setCompleter(self._completer)
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)
        self._completer.activated[QModelIndex].connect(self._on_chosen)  # type: ignore[index]
        self.retranslate()

    def set_lookup(self, lookup: PeopleLookup) -> None:
        self._lookup = lookup

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Type a name, organisation or phone"))
        if self._person is not None:
            self.setText(in_language(self._person.name_km, self._person.name_latin))

    # ------------------------------------------------------------------ value

    def person_id(self) -> uuid.UUID | None:
        return self._person.id if self._person else None

    def set_person_id(self, person_id: uuid.UUID | None) -> None:
        person = self._lookup.get(person_id) if self._lookup and person_id else None
        self._set_person(person, notify=False)

    def is_unrecognised(self) -> bool:
        """A name is typed that is not one chosen from the directory."""
        return self._person is None and bool(self.text().strip())

    def _set_person(self, person: PersonInfo | None, *, notify: bool = True) -> None:
        self._person = person
        self.setText(in_language(person.name_km, person.name_latin) if person else "")
        self.setToolTip(
            "\n".join(t for t in (person.name_km, person.name_latin) if t) if person else ""
        )
        if not notify:
            self._announced = self.person_id()
        self._announce()

    def _announce(self) -> None:
        if self.person_id() != self._announced:
            self._announced = self.person_id()
            self.personChanged.emit(self._announced)

    # ------------------------------------------------------------------ typing

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        self._person = None  # told only when editing finishes, as a new choice or none
        if not text.strip():
            self._announce()  # emptied (the clear button, or erased): that is a choice
        if self._lookup is not None:
            self._choices.set_people(self._lookup.search(text) if text.strip() else [])

    @Slot(QModelIndex)
    def _on_chosen(self, index: QModelIndex) -> None:
        completion = self._completer.completionModel()
        if isinstance(completion, QAbstractProxyModel):
            index = completion.mapToSource(index)
        if index.isValid():
            self._set_person(self._choices.person_at(index.row()))

    @Slot()
    def _on_editing_finished(self) -> None:
        """A name typed in full, that only one person has, counts as chosen."""
        text = self.text().strip()
        if self._person is not None or not text or self._lookup is None:
            if not text:
                self._announce()
            return
        key = search_key(text)
        exact = [
            person
            for person in self._lookup.search(text)
            if key in (search_key(person.name_km), search_key(person.name_latin))
        ]
        if len(exact) == 1:
            self._set_person(exact[0])
