"""A district's recommendations, and one recommendation's revisions, as tables."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_datetime, format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import RecommendationStatus
from civicdesk.services.recommendations import RecommendationRow, RevisionRow
from civicdesk.ui.itemmodels.row_table import (
    MUTED_COLOUR,
    RowTableModel,
    in_language,
    wrappable,
)


class RecommendationColumn(enum.IntEnum):
    CODE = 0
    TEXT = 1
    THEME = 2
    STATUS = 3


class RecommendationTableModel(RowTableModel):
    def column_count(self) -> int:
        return len(RecommendationColumn)

    def header(self, column: int) -> str:
        return {
            RecommendationColumn.CODE: _("Code"),
            RecommendationColumn.TEXT: _("Recommendation"),
            RecommendationColumn.THEME: _("Theme"),
            RecommendationColumn.STATUS: _("Status"),
        }[RecommendationColumn(column)]

    def display(self, row: RecommendationRow, column: int) -> str:
        column = RecommendationColumn(column)
        if column == RecommendationColumn.CODE:
            return row.code
        if column == RecommendationColumn.TEXT:
            return wrappable(row.text(current_language()))
        if column == RecommendationColumn.THEME:
            return label(row.theme)
        return label(row.status)

    def extra(self, row: RecommendationRow, column: int, role: int) -> Any:
        withdrawn = row.status is RecommendationStatus.WITHDRAWN
        if role == Qt.ItemDataRole.ToolTipRole and column == RecommendationColumn.TEXT:
            return f"{row.text_km}\n{row.text_en}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and withdrawn:
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.FontRole and withdrawn and column == RecommendationColumn.TEXT:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class RevisionColumn(enum.IntEnum):
    NUMBER = 0
    WHEN = 1
    REASON = 2
    AUTHOR = 3


class RevisionTableModel(RowTableModel):
    """Newest first: the facilitator looks for what just changed."""

    def column_count(self) -> int:
        return len(RevisionColumn)

    def header(self, column: int) -> str:
        return {
            RevisionColumn.NUMBER: _("Revision"),
            RevisionColumn.WHEN: _("When"),
            RevisionColumn.REASON: _("Reason"),
            RevisionColumn.AUTHOR: _("By"),
        }[RevisionColumn(column)]

    def display(self, row: RevisionRow, column: int) -> str:
        language = current_language()
        column = RevisionColumn(column)
        if column == RevisionColumn.NUMBER:
            return format_number(row.number, language)
        if column == RevisionColumn.WHEN:
            return format_datetime(row.created_at, language, weekday=False)
        if column == RevisionColumn.REASON:
            if row.number == 1:
                return _("First draft")
            return in_language(row.reason, row.reason_en)
        return row.author

    def extra(self, row: RevisionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == RevisionColumn.REASON:
            return f"{row.reason}\n{row.reason_en}".strip()
        return None
