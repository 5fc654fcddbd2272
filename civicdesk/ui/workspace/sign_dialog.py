"""One signatory signs the joint list: who, with which title, for which side, and the signature,
drawn on the pad or attached as a scanned image."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Slot
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.labels import label
from civicdesk.models.enums import AttendanceStatus, Side
from civicdesk.services import attendance, joint_lists, people
from civicdesk.services.joint_lists import ENDORSING_SIDES, MAX_SIGNATURE_BYTES
from civicdesk.ui.itemmodels.pickers import AttendeeChoiceModel, OrganisationChoiceModel
from civicdesk.ui.widgets.date_button import DateButton
from civicdesk.ui.widgets.signature_pad import EmptySignatureError, SignatureField, image_to_png
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.service_dialog import ServiceDialog

#: A scanned file larger than this is refused before it is even decoded.
MAX_SCAN_FILE_BYTES = 20 * 1024 * 1024
#: A scan is reduced to fit this box before it is stored.
SCAN_BOX = (1200, 600)
SCAN_FORMATS = ("png", "jpeg")


class ScannedSignature(QWidget):
    """A scanned signature: the file chosen, checked, reduced and converted to PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.png: bytes | None = None
        self.attach_button = QPushButton(self)
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(300, 100)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("QLabel { background: white; border: 1px solid #96a0af; }")
        top = QHBoxLayout()
        top.addWidget(self.attach_button)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.attach_button.setText(_("Attach a scanned image…"))
        if self.png is None:
            self.file_label.setText(_("A PNG or JPEG image of the signature on white paper."))

    def load(self, path: Path) -> str | None:
        """Take the image at `path`; the reason (UI language) if it cannot be used."""
        try:
            size = path.stat().st_size
        except OSError:
            return _("The file {name} cannot be read.").format(name=path.name)
        if size > MAX_SCAN_FILE_BYTES:
            return _("The file {name} is too large for a signature (at most 20 MB).").format(
                name=path.name
            )
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        kind = bytes(reader.format().data()).decode("ascii", "replace").lower()
        if kind not in SCAN_FORMATS:
            return _("{name} is not a PNG or JPEG image.").format(name=path.name)
        image = reader.read()
        if image.isNull():
            return _("The image in {name} cannot be read.").format(name=path.name)
        png = self._to_png(image)
        if png is None:
            return _(
                "Even reduced, the image in {name} is too large for a signature (at most 2 MB). "
                "Crop it to the signature and try again."
            ).format(name=path.name)
        self.png = png
        self.preview.setPixmap(
            QPixmap.fromImage(QImage.fromData(QByteArray(png))).scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.file_label.setText(path.name)
        return None

    @staticmethod
    def _to_png(image: QImage) -> bytes | None:
        width, height = SCAN_BOX
        if image.width() > width or image.height() > height:
            image = image.scaled(
                width,
                height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        png = image_to_png(image)
        if len(png) > MAX_SIGNATURE_BYTES:
            # Ink on paper loses nothing in grey.
            png = image_to_png(image.convertToFormat(QImage.Format.Format_Grayscale8))
        return png if len(png) <= MAX_SIGNATURE_BYTES else None


class SignDialog(ServiceDialog):
    """Endorse the joint list `joint_list_id` for one signatory."""

    def __init__(
        self,
        context: WorkspaceContext,
        joint_list_id: uuid.UUID,
        side: Side = Side.SNA,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.joint_list_id = joint_list_id
        self.endorsement_id: uuid.UUID | None = None
        self.attendee_model = AttendeeChoiceModel(self)
        self.organisation_model = OrganisationChoiceModel(self)
        self._build()
        self._connect()
        self._load_choices()
        self.side.setCurrentIndex(max(0, self.side.findData(side.value)))
        self._on_side_changed()
        self.retranslate()
        self.resize(760, 620)

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.attendee = QComboBox(self)
        self.attendee.setModel(self.attendee_model)
        self.name = QLineEdit(self)
        self.title_km = QLineEdit(self)
        self.title_en = QLineEdit(self)
        self.side = QComboBox(self)
        for side in ENDORSING_SIDES:
            self.side.addItem("", side.value)
        self.organisation = QComboBox(self)
        self.organisation.setModel(self.organisation_model)
        self.organisation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.date = DateButton(self)
        self.date.set_maximum(dt.date.today())
        self.drawn = SignatureField(self)
        self.scanned = ScannedSignature(self)
        self.signature_tabs = QTabWidget(self)
        self.signature_tabs.addTab(self.drawn, "")
        self.signature_tabs.addTab(self.scanned, "")

        self._labels = {key: QLabel(self) for key in ("attendee", "name", "title", "side", "date")}
        self._title_km_label = QLabel(self)
        self._title_en_label = QLabel(self)
        self._organisation_label = QLabel(self)
        buddies = {
            "attendee": self.attendee,
            "name": self.name,
            "title": self.title_km,
            "side": self.side,
            "date": self.date,
        }
        for key, row_label in self._labels.items():
            row_label.setBuddy(buddies[key])
        self._organisation_label.setBuddy(self.organisation)
        self._title_en_label.setBuddy(self.title_en)

        grid = QGridLayout()
        grid.addWidget(self._labels["attendee"], 0, 0)
        grid.addWidget(self.attendee, 0, 1, 1, 3)
        grid.addWidget(self._labels["name"], 1, 0)
        grid.addWidget(self.name, 1, 1, 1, 3)
        grid.addWidget(self._labels["title"], 2, 0)
        titles = QHBoxLayout()
        titles.addWidget(self._title_km_label)
        titles.addWidget(self.title_km, 1)
        titles.addWidget(self._title_en_label)
        titles.addWidget(self.title_en, 1)
        grid.addLayout(titles, 2, 1, 1, 3)
        grid.addWidget(self._labels["side"], 3, 0)
        grid.addWidget(self.side, 3, 1)
        grid.addWidget(self._organisation_label, 3, 2)
        grid.addWidget(self.organisation, 3, 3)
        grid.addWidget(self._labels["date"], 4, 0)
        grid.addWidget(self.date, 4, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        self.body.addWidget(self.intro)
        self.body.addLayout(grid)
        self.body.addWidget(self.signature_tabs, 1)

    def _connect(self) -> None:
        self.attendee.activated.connect(self._on_attendee_chosen)
        self.side.currentIndexChanged.connect(self._on_side_changed)
        self.scanned.attach_button.clicked.connect(self.choose_scanned_image)

    def _load_choices(self) -> None:
        present = [
            row
            for row in self.context.read(attendance.attendance_list, self.context.meeting_id)
            if row.status is AttendanceStatus.PRESENT and row.side in ENDORSING_SIDES
        ]
        self.attendee_model.set_attendees(present)
        self.organisation_model.set_organisations(self.context.read(people.list_organisations))

    def retranslate(self) -> None:
        self.setWindowTitle(_("Sign the joint list"))
        self.intro.setText(
            _(
                "The signatory signs for one side. The list is endorsed, and can no longer "
                "change, once the administration and civil society have both signed."
            )
        )
        texts = {
            "attendee": _("&Present at the meeting"),
            "name": _("&Name"),
            "title": _("&Title"),
            "side": _("&Side"),
            "date": _("&Date"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self._title_km_label.setText(_("Khmer"))
        self._title_en_label.setText(_("&English"))
        self._organisation_label.setText(_("&Organisation"))
        for row in range(self.side.count()):
            self.side.setItemText(row, label(Side(self.side.itemData(row))))
        self.signature_tabs.setTabText(0, _("Sign on the screen"))
        self.signature_tabs.setTabText(1, _("Scanned signature"))
        self.drawn.retranslate()
        self.scanned.retranslate()
        self.date.retranslate()
        self.name.setPlaceholderText(_("Full name as it is to appear under the signature"))

    # ------------------------------------------------------------------ reacting

    def chosen_side(self) -> Side:
        return Side(self.side.currentData())

    @Slot()
    def _on_side_changed(self) -> None:
        chosen = self.organisation_model.id_at(self.organisation.currentIndex())
        self.organisation_model.set_side(self.chosen_side())
        self.organisation.setCurrentIndex(max(0, self.organisation_model.row_of(chosen)))

    @Slot(int)
    def _on_attendee_chosen(self, row: int) -> None:
        attendee = self.attendee_model.attendee(row)
        if attendee is None:
            return
        language = current_language()
        self.name.setText(
            attendee.name_km or attendee.name_latin
            if language == "km"
            else attendee.name_latin or attendee.name_km
        )
        self.title_km.setText(attendee.position)
        self.title_en.setText(attendee.position_en)
        self.side.setCurrentIndex(max(0, self.side.findData(attendee.side.value)))
        person = self.context.read(people.get_person, attendee.person_id)
        self.organisation.setCurrentIndex(
            max(0, self.organisation_model.row_of(person.organisation_id))
        )

    @Slot()
    def choose_scanned_image(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Attach a scanned signature"),
            "",
            _("PNG or JPEG images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.attach_scanned_image(Path(path))

    def attach_scanned_image(self, path: Path) -> bool:
        problem = self.scanned.load(path)
        if problem is not None:
            self.show_error(problem)
            return False
        self.error_label.hide()
        self.signature_tabs.setCurrentWidget(self.scanned)
        return True

    # ------------------------------------------------------------------ signing

    def signature_png(self) -> bytes | None:
        """The signature to record, or None (with the reason shown) if there is none yet."""
        if self.signature_tabs.currentWidget() is self.scanned:
            if self.scanned.png is None:
                self.show_error(_("Attach a scanned image of the signature first."))
            return self.scanned.png
        try:
            return self.drawn.pad.to_png()
        except EmptySignatureError:
            self.show_error(_("Sign on the pad first, or attach a scanned image of the signature."))
            return None

    def submit(self) -> bool:
        signature = self.signature_png()
        if signature is None:
            return False
        organisation_id = self.organisation_model.id_at(self.organisation.currentIndex())
        result = self.context.run(
            Topic.JOINT_LIST,
            joint_lists.endorse_joint_list,
            self.joint_list_id,
            signatory_name=self.name.text(),
            title=self.title_km.text(),
            title_en=self.title_en.text(),
            side=self.chosen_side(),
            signed_on=self.date.date() or dt.date.today(),
            signature_png=signature,
            organisation_id=organisation_id,
        )
        if result is None:
            return False
        self.endorsement_id = result
        return True
