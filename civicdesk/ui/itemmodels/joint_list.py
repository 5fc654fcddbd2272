"""A joint list as Qt table models: its recommendations, and who has signed it."""

from __future__ import annotations

import enum
import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QImage, QPixmap

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.services.joint_lists import EndorsementRow, JointListEntry
from civicdesk.ui.itemmodels.display import in_language, wrappable

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

#: How big a signature is drawn in the table (it keeps its own shape inside this box).
SIGNATURE_SIZE = QSize(150, 50)


class ItemColumn(enum.IntEnum):
    NUMBER = 0
    CODE = 1
    TEXT = 2


class JointListItemModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[JointListEntry] = []

    def set_items(self, rows: list[JointListEntry] | tuple[JointListEntry, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ItemColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(ItemColumn) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ItemColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(ItemColumn)
        ):
            return {
                ItemColumn.NUMBER: _("No."),
                ItemColumn.CODE: _("Code"),
                ItemColumn.TEXT: _("Recommendation"),
            }[ItemColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = ItemColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ItemColumn.NUMBER:
                return format_number(item.position, current_language())
            if column == ItemColumn.CODE:
                return item.code
            # Khmer has no spaces between words: hints let the cell wrap between them.
            return wrappable(in_language(item.text_km, item.text_en))
        if role == Qt.ItemDataRole.ToolTipRole and column == ItemColumn.TEXT:
            return "\n\n".join(t for t in (item.text_km, item.text_en) if t)
        if role == ID_ROLE:
            return str(item.recommendation_id)
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


class EndorsementTableModel(QAbstractTableModel):
    """The signatories so far, each with the image of their signature."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EndorsementRow] = []
        self._pixmaps: dict[uuid.UUID, QPixmap] = {}

    def set_endorsements(self, rows: list[EndorsementRow] | tuple[EndorsementRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pixmaps = {row.id: self._pixmap(row) for row in self._rows}
        self.endResetModel()

    def endorsement_at(self, row: int) -> EndorsementRow:
        return self._rows[row]

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

    def refresh(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(SignatoryColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(SignatoryColumn) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SignatoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(SignatoryColumn)
        ):
            return {
                SignatoryColumn.SIDE: _("Side"),
                SignatoryColumn.SIGNATORY: _("Signatory"),
                SignatoryColumn.DATE: _("Date"),
                SignatoryColumn.SIGNATURE: _("Signature"),
            }[SignatoryColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = SignatoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == SignatoryColumn.SIGNATURE:
            pixmap = self._pixmaps.get(row.id)
            return pixmap if pixmap is not None and not pixmap.isNull() else None
        if role == Qt.ItemDataRole.SizeHintRole and column == SignatoryColumn.SIGNATURE:
            return SIGNATURE_SIZE + QSize(12, 8)
        if role == Qt.ItemDataRole.ToolTipRole and column == SignatoryColumn.SIGNATORY:
            lines = (row.signatory_name, row.title, row.title_en, row.organisation_name)
            return "\n".join(t for t in lines if t)
        if role == ID_ROLE:
            return str(row.id)
        return None

    def _display(self, row: EndorsementRow, column: SignatoryColumn) -> str | None:
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
        if not row.signature_png:
            return _("(no image)")
        return None
