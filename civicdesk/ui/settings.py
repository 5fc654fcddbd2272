"""Preferences (language) kept apart from window state (geometry), both in QSettings."""

from __future__ import annotations

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

    def sync(self) -> None:
        self._settings.sync()
