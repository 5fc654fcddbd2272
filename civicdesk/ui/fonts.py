"""Registering the bundled fonts with Qt, so Khmer never depends on what the laptop has."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from civicdesk.i18n.fonts import KHMER_FONT_FAMILY, LATIN_FONT_FAMILY, font_paths

log = logging.getLogger(__name__)

#: Khmer line height needs room for stacked consonants and subscript vowels.
DEFAULT_POINT_SIZE = 10


def register_fonts() -> list[str]:
    """Add every bundled font to Qt's database; returns the families registered."""
    families: list[str] = []
    for role, path in font_paths().items():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the bundled font %s (%s)", path, role)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def application_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    font = QFont()
    # Latin text in Noto Sans, Khmer in Noto Sans Khmer: Qt falls back along the list per glyph.
    font.setFamilies([LATIN_FONT_FAMILY, KHMER_FONT_FAMILY])
    font.setPointSize(point_size)
    return font


def apply_fonts(app: QApplication) -> None:
    register_fonts()
    app.setFont(application_font())
