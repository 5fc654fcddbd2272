"""Preferences (language) kept apart from window state (geometry, splitters, the meeting the
app was on), both in QSettings."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QByteArray, QSettings

from civicdesk.i18n import LANGUAGES

ORGANISATION = "CivicDesk"
APPLICATION = "CivicDesk"


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(ORGANISATION, APPLICATION)

    @property
    def language(self) -> str | None:
        value = self._settings.value("preferences/language")
        return str(value) if value in LANGUAGES else None

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue("preferences/language", code)

    def window_geometry(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"window/{name}/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, name: str, geometry: QByteArray) -> None:
        self._settings.setValue(f"window/{name}/geometry", geometry)

    def window_state(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"window/{name}/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"window/{name}/state", state)

    # ------------------------------------------------------------------ where the app was

    @property
    def last_meeting(self) -> uuid.UUID | None:
        """The meeting last chosen in the main window (selected again at start)."""
        return self._uuid("session/last_meeting")

    @last_meeting.setter
    def last_meeting(self, meeting_id: uuid.UUID | None) -> None:
        self._set_uuid("session/last_meeting", meeting_id)

    @property
    def reopen_meeting(self) -> uuid.UUID | None:
        """The meeting whose workspace was open when the app closed (opened again at start)."""
        return self._uuid("session/reopen_meeting")

    @reopen_meeting.setter
    def reopen_meeting(self, meeting_id: uuid.UUID | None) -> None:
        self._set_uuid("session/reopen_meeting", meeting_id)

    def _uuid(self, key: str) -> uuid.UUID | None:
        value = self._settings.value(key)
        try:
            return uuid.UUID(str(value)) if value else None
        except ValueError:
            return None

    def _set_uuid(self, key: str, value: uuid.UUID | None) -> None:
        if value is None:
            self._settings.remove(key)
        else:
            self._settings.setValue(key, str(value))

    def sync(self) -> None:
        self._settings.sync()
