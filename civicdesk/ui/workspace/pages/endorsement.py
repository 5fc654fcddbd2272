"""Step: the district's joint list, built from its adopted recommendations and signed by both
sides; then the meeting itself is signed and locked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import DocumentKind, JointListStatus, MeetingStatus, Side
from civicdesk.services import joint_lists, meetings
from civicdesk.services.joint_lists import JointListView
from civicdesk.services.meetings import MeetingSummary
from civicdesk.ui.itemmodels.joint_list import (
    EndorsementTableModel,
    ItemColumn,
    JointListItemModel,
    SignatoryColumn,
)
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.sign_dialog import SignDialog
from civicdesk.ui.workspace.steps import Step

NOTICE_STYLE = (
    "QLabel { background: #eef6ee; color: #1d4a23; border: 1px solid #a9cfae;"
    " border-radius: 4px; padding: 6px; }"
)


@register
class EndorsementPage(StepPage):
    step = Step.ENDORSEMENT
    topics = frozenset({Topic.JOINT_LIST, Topic.RECOMMENDATIONS, Topic.VOTES})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.joint_list: JointListView | None = None
        #: The meeting that built the joint list shown, when it is not this one.
        self.built_in: MeetingSummary | None = None
        self._build()
        self._connect()
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list_status = QLabel(self)
        self.list_status.setWordWrap(True)
        self.build_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.list_status, 1)
        top.addWidget(self.build_button, 0, Qt.AlignmentFlag.AlignTop)

        self.items_model = JointListItemModel(self)
        self.items_table = self._table(self.items_model)
        items_header = self.items_table.horizontalHeader()
        items_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        items_header.setSectionResizeMode(ItemColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.items_box = QGroupBox(self)
        items_layout = QVBoxLayout(self.items_box)
        items_layout.setContentsMargins(6, 4, 6, 4)
        items_layout.addWidget(self.items_table)

        self.signatures_model = EndorsementTableModel(self)
        self.signatures_table = self._table(self.signatures_model)
        signatures_header = self.signatures_table.horizontalHeader()
        signatures_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        signatures_header.setSectionResizeMode(
            SignatoryColumn.SIGNATORY, QHeaderView.ResizeMode.Stretch
        )
        # The side's name wraps, leaving the signatory's name, title and organisation room.
        signatures_header.setSectionResizeMode(
            SignatoryColumn.SIDE, QHeaderView.ResizeMode.Interactive
        )
        signatures_header.resizeSection(SignatoryColumn.SIDE, 120)
        self.sides_label = QLabel(self)
        self.sides_label.setWordWrap(True)
        self.sign_button = QPushButton(self)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sides_label, 1)
        sign_row.addWidget(self.sign_button, 0, Qt.AlignmentFlag.AlignTop)
        self.signatures_box = QGroupBox(self)
        signatures_layout = QVBoxLayout(self.signatures_box)
        signatures_layout.setContentsMargins(6, 4, 6, 4)
        signatures_layout.addWidget(self.signatures_table, 1)
        signatures_layout.addLayout(sign_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.items_box)
        self.splitter.addWidget(self.signatures_box)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([500, 600])
        self.splitter.setChildrenCollapsible(False)

        self.meeting_box = QGroupBox(self)
        self.meeting_note = QLabel(self)
        self.meeting_note.setWordWrap(True)
        meeting_layout = QVBoxLayout(self.meeting_box)
        meeting_layout.setContentsMargins(6, 4, 6, 4)
        meeting_layout.addWidget(self.meeting_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.meeting_box)

    def _table(self, model: JointListItemModel | EndorsementTableModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _connect(self) -> None:
        self.build_button.clicked.connect(self.build_joint_list)
        self.sign_button.clicked.connect(self.sign)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.intro.setText(
            _(
                "The joint list holds the district's adopted recommendations, each in the "
                "wording that was adopted. The administration and civil society sign it; once "
                "both sides have signed, it is endorsed and can no longer change."
            )
        )
        self.items_box.setTitle(_("Recommendations on the list"))
        self.signatures_box.setTitle(_("Signatures"))
        self.meeting_box.setTitle(_("Signing the meeting"))
        self.sign_button.setText(_("Sign…"))
        self.items_model.retranslate()
        self.signatures_model.retranslate()
        self._show_state()

    # ------------------------------------------------------------------ reading

    def _read_joint_list(self) -> tuple[JointListView | None, MeetingSummary | None]:
        """This meeting's joint list; or, when it built none, the district's list built in a
        later meeting of the same cycle (the endorsement meeting, usually), with that meeting."""
        lists = self.context.read(joint_lists.joint_lists, meeting_id=self.context.meeting_id)
        summary = self.context.summary()
        mine = [j for j in lists if j.district_code == summary.district_code] or lists
        if mine:
            return mine[0], None
        if not summary.district_code:
            return None, None
        return self.context.read(_built_later, summary)

    def reload(self) -> None:
        self.joint_list, self.built_in = self._read_joint_list()
        joint_list = self.joint_list
        self.items_model.set_rows(joint_list.items if joint_list else ())
        self.signatures_model.set_rows(joint_list.endorsements if joint_list else ())
        self._show_state()

    def missing(self) -> list[str]:
        if self.built_in is not None:
            return []  # built and signed in its own meeting
        if self.joint_list is None:
            return [_("Joint list not built")]
        lacking = []
        sides = self.joint_list.sides_missing
        if Side.SNA in sides:
            lacking.append(_("No signature from the administration side"))
        if Side.CIVIL_SOCIETY in sides:
            lacking.append(_("No signature from civil society"))
        return lacking

    @property
    def endorsed(self) -> bool:
        return self.joint_list is not None and self.joint_list.status is JointListStatus.ENDORSED

    # ------------------------------------------------------------------ showing the state

    def _show_state(self) -> None:
        self._show_list_status()
        self._show_sides()
        self._show_meeting_note()
        self._enable_buttons()

    def _show_list_status(self) -> None:
        language = current_language()
        joint_list = self.joint_list
        self.list_status.setStyleSheet(NOTICE_STYLE if self.endorsed else "")
        if joint_list is None:
            self.list_status.setText(
                _(
                    "The joint list has not been built yet. Build it once the recommendations "
                    "have been voted: it takes every adopted recommendation of the district."
                )
            )
            self.build_button.setText(_("Build the joint list"))
            return
        count = format_number(len(joint_list.items), language)
        if self.endorsed and joint_list.endorsements:
            # Endorsed on the day the last side signed.
            endorsed_on = max(e.signed_on for e in joint_list.endorsements)
            self.list_status.setText(
                _(
                    "Endorsed by both sides on {date}: the list is locked. Its {count} "
                    "recommendations can no longer change."
                ).format(
                    date=format_date(endorsed_on, language, weekday=False),
                    count=count,
                )
            )
        else:
            self.list_status.setText(
                _("{status}: {count} adopted recommendations, awaiting signatures.").format(
                    status=label(joint_list.status), count=count
                )
            )
        self.build_button.setText(_("Rebuild the joint list"))
        if self.built_in is not None:
            where = _("The district's joint list was built in “{meeting}” on {date}.").format(
                meeting=self.built_in.title(language),
                date=format_date(self.built_in.meeting_date, language, weekday=False),
            )
            self.list_status.setText(where + " " + self.list_status.text())

    def _show_sides(self) -> None:
        if self.joint_list is None:
            self.sides_label.setText(_("Build the joint list before anyone signs it."))
            return
        sides = self.joint_list.sides_missing
        if not sides:
            self.sides_label.setText(_("Both sides have signed."))
        else:
            self.sides_label.setText(
                _("Still to sign: {sides}.").format(sides=", ".join(label(s) for s in sides))
            )

    def _show_meeting_note(self) -> None:
        status = self.context.summary().status
        if status is MeetingStatus.SIGNED:
            text = _("The meeting has been signed and is locked.")
        elif not self.endorsed:
            text = _(
                "When both sides have signed the joint list, close the meeting with “Close the "
                "meeting” at the top of the window, then sign and lock it with “Sign and lock…”."
            )
        elif status is MeetingStatus.CLOSED:
            text = _(
                "The joint list is endorsed and the meeting is closed. “Sign and lock…” at the "
                "top of the window signs the minutes: after that nothing this meeting recorded "
                "can change."
            )
        else:
            text = _(
                "The joint list is endorsed. Close the meeting with “Close the meeting” at the "
                "top of the window, then sign and lock it with “Sign and lock…”."
            )
        self.meeting_note.setText(text)

    def _enable_buttons(self) -> None:
        # A list built in another meeting is built again and signed there, not here.
        locked = self.context.locked or self.built_in is not None
        joint_list = self.joint_list
        self.build_button.setEnabled(
            not locked and (joint_list is None or not joint_list.endorsements)
        )
        self.sign_button.setEnabled(not locked and joint_list is not None and not self.endorsed)

    def apply_lock(self, locked: bool) -> None:
        super().apply_lock(locked)
        self._enable_buttons()

    # ------------------------------------------------------------------ acting

    def _titles(self) -> dict[str, str]:
        summary = self.context.summary()
        title = label(DocumentKind.JOINT_LIST, "km")
        title_en = label(DocumentKind.JOINT_LIST, "en")
        return {
            "title_km": f"{title} {summary.place_name_km}".strip(),
            "title_en": f"{title_en}, {summary.place_name_en}".strip(" ,"),
        }

    @Slot()
    def build_joint_list(self) -> None:
        if self.joint_list is not None:
            answer = QMessageBox.question(
                self,
                _("Rebuild the joint list?"),
                _(
                    "The list will be made again from the recommendations adopted now, in their "
                    "current order. Nobody has signed it yet, so nothing is lost."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.context.run(
            Topic.JOINT_LIST,
            joint_lists.build_joint_list,
            self.context.meeting_id,
            **self._titles(),
        )

    def next_side(self) -> Side:
        """The side the next signatory most likely signs for: one that has not signed yet."""
        if self.joint_list is not None and self.joint_list.sides_missing:
            return self.joint_list.sides_missing[0]
        return Side.SNA

    def open_sign_dialog(self) -> SignDialog | None:
        if self.joint_list is None:
            return None
        return SignDialog(self.context, self.joint_list.id, self.next_side(), self)

    @Slot()
    def sign(self) -> None:
        dialog = self.open_sign_dialog()
        if dialog is None:
            return
        dialog.exec()
        dialog.deleteLater()


def _built_later(
    session: Session, summary: MeetingSummary
) -> tuple[JointListView | None, MeetingSummary | None]:
    """The district's joint list built in the first meeting on or after this one's day (a
    list from an earlier cycle is not this meeting's), with that meeting."""
    found: list[tuple[MeetingSummary, JointListView]] = []
    for candidate in joint_lists.joint_lists(session, district_code=summary.district_code):
        built_in = meetings.get_meeting_summary(session, candidate.meeting_id)
        if built_in.meeting_date >= summary.meeting_date:
            found.append((built_in, candidate))
    if not found:
        return None, None
    built_in, joint_list = min(found, key=lambda pair: pair[0].meeting_date)
    return joint_list, built_in
