"""A joint list as Qt table models: its recommendations, and who has signed it."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.services.joint_lists import EndorsementRow, JointListEntry
from civicdesk.ui.itemmodels.display import in_language, wrappable
from civicdesk.ui.itemmodels.row_table import ID_ROLE, RowTableModel

__all__ = [
    "ID_ROLE",
    "EndorsementTableModel",
    "ItemColumn",
    "JointListItemModel",
    "SignatoryColumn",
]

#: How big a signature is drawn in the table (it keeps its own shape inside this box).
SIGNATURE_SIZE = QSize(150, 50)


class ItemColumn(enum.IntEnum):
    NUMBER = 0
    CODE = 1
    TEXT = 2


class JointListItemModel(RowTableModel):
    def column_count(self) -> int:
        return len(ItemColumn)

    def header(self, column: int) -> str:
        return {
            ItemColumn.NUMBER: _("No."),
            ItemColumn.CODE: _("Code"),
            ItemColumn.TEXT: _("Recommendation"),
        }[ItemColumn(column)]

    def row_id(self, row: JointListEntry) -> uuid.UUID:
        return row.recommendation_id

    def display(self, row: JointListEntry, column: int) -> str:
        if column == ItemColumn.NUMBER:
            return format_number(row.position, current_language())
        if column == ItemColumn.CODE:
            return row.code
        # Khmer has no spaces between words: hints let the cell wrap between them.
        return wrappable(in_language(row.text_km, row.text_en))

    def extra(self, row: JointListEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == ItemColumn.TEXT:
            return "\n\n".join(t for t in (row.text_km, row.text_en) if t)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ItemColumn.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class SignatoryColumn(enum.IntEnum):
    SIDE = 0
    #: Name, title and organisation, one a line (as under a signature).
    SIGNATORY = 1
    DATE = 2
    SIGNATURE = 3


class EndorsementTableModel(RowTableModel):
    """The signatories so far, each with the image of their signature."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[uuid.UUID, QPixmap] = {}

    def set_rows(self, rows: Sequence[EndorsementRow]) -> None:
        self._pixmaps = {row.id: self._pixmap(row) for row in rows}
        super().set_rows(rows)

    @staticmethod
    def _pixmap(row: EndorsementRow) -> QPixmap:
        if not row.signature_png:
            return QPixmap()
        image = QImage.fromData(row.signature_png)
        if image.isNull():
            return QPixmap()
        return QPixmap.fromImage(
            image.scaled(
                SIGNATURE_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def column_count(self) -> int:
        return len(SignatoryColumn)

    def header(self, column: int) -> str:
        return {
            SignatoryColumn.SIDE: _("Side"),
            SignatoryColumn.SIGNATORY: _("Signatory"),
            SignatoryColumn.DATE: _("Date"),
            SignatoryColumn.SIGNATURE: _("Signature"),
        }[SignatoryColumn(column)]

    def display(self, row: EndorsementRow, column: int) -> str:
        return self._display(row, SignatoryColumn(column))

    def extra(self, row: EndorsementRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == SignatoryColumn.SIGNATURE:
            pixmap = self._pixmaps.get(row.id)
            return pixmap if pixmap is not None and not pixmap.isNull() else None
        if role == Qt.ItemDataRole.SizeHintRole and column == SignatoryColumn.SIGNATURE:
            return SIGNATURE_SIZE + QSize(12, 8)
        if role == Qt.ItemDataRole.ToolTipRole and column == SignatoryColumn.SIGNATORY:
            lines = (row.signatory_name, row.title, row.title_en, row.organisation_name)
            return "\n".join(t for t in lines if t)
        return None

    def _display(self, row: EndorsementRow, column: SignatoryColumn) -> str:
        if column == SignatoryColumn.SIDE:
            return wrappable(label(row.side))
        if column == SignatoryColumn.SIGNATORY:
            # `title` is as written, usually in Khmer; `title_en` its English.
            lines = (
                row.signatory_name,
                in_language(row.title, row.title_en),
                row.organisation_name,
            )
            return "\n".join(wrappable(t) for t in lines if t)
        if column == SignatoryColumn.DATE:
            return format_date(row.signed_on, current_language(), weekday=False)
        return "" if row.signature_png else _("(no image)")
