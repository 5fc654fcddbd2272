"""Sign-in: the clerk at the door finds each person and signs them in with one key, adds
people who are not in the directory yet, records who was invited and did not come, counts
anonymous participants, and imports a participant list. The counts stay in view."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.models.enums import AttendanceStatus, MeetingKind, Side
from civicdesk.services import attendance
from civicdesk.services.attendance import AttendanceRow, HeadcountRow
from civicdesk.services.participant_import import (
    ImportFileError,
    ImportReport,
    import_participants,
    plan_import,
    read_participant_file,
)
from civicdesk.services.people import PersonInfo, list_organisations, search_people
from civicdesk.ui.itemmodels.records import both_names, number
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.sign_in.attendance_panel import AttendancePanel
from civicdesk.ui.workspace.sign_in.commands import (
    AddHeadcount,
    AddPerson,
    ChangeHeadcount,
    CheckIn,
    HeadcountValues,
    MarkAbsent,
    RemoveAttendance,
    RemoveHeadcount,
    Renames,
    SignIn,
)
from civicdesk.ui.workspace.sign_in.counts import CountsBar
from civicdesk.ui.workspace.sign_in.headcounts import HeadcountPanel
from civicdesk.ui.workspace.sign_in.import_preview import ImportPreviewDialog
from civicdesk.ui.workspace.sign_in.new_person import NewPersonForm
from civicdesk.ui.workspace.sign_in.search_panel import CheckInOptions, SearchPanel
from civicdesk.ui.workspace.steps import Step

#: How many people the search shows at most.
SEARCH_LIMIT = 100
#: Meetings where both sides are expected at the table.
JOINT_KINDS = frozenset(
    {
        MeetingKind.JOINT_CONSULTATION,
        MeetingKind.TECHNICAL_MEETING,
        MeetingKind.ENDORSEMENT,
        MeetingKind.FOLLOW_UP,
    }
)
FEEDBACK_STYLE = "QLabel { color: #1d5c2e; }"


@register
class SignInPage(StepPage):
    step = Step.SIGN_IN
    topics = frozenset({Topic.ATTENDANCE})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._renames = Renames()
        self._attendance: list[AttendanceRow] = []
        #: The form that shows a refusal's field, while its action runs.
        self._errors_to: NewPersonForm | None = None
        self.import_dialog: ImportPreviewDialog | None = None
        self._progress: QProgressDialog | None = None
        self._build()
        self._connect()
        self.retranslate()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self.counts = CountsBar(self)
        self.import_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(self.import_button)

        self.search_panel = SearchPanel(self)
        self.new_person = NewPersonForm(self)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.search_panel)
        self._stack.addWidget(self.new_person)
        self.options = CheckInOptions(self)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet(FEEDBACK_STYLE)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._stack, 1)
        left_layout.addWidget(self.options)
        left_layout.addWidget(self.feedback)

        self.attendance_panel = AttendancePanel(self)
        self.headcount_panel = HeadcountPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.attendance_panel, "")
        self.tabs.addTab(self.headcount_panel, "")

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(left)
        self._splitter.addWidget(self.tabs)
        self._splitter.setStretchFactor(0, 2)
        self._splitter.setStretchFactor(1, 3)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.setSizes([460, 640])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._splitter, 1)

    def _connect(self) -> None:
        self.search_panel.queryChanged.connect(self._on_query_changed)
        self.search_panel.currentChanged.connect(self._on_person_highlighted)
        self.search_panel.signInRequested.connect(self._on_sign_in_requested)
        self.search_panel.addPersonRequested.connect(self._on_add_person_requested)
        self.new_person.submitted.connect(self._on_new_person_submitted)
        self.new_person.cancelled.connect(self.show_search)
        self.new_person.sideSuggested.connect(self._on_side_suggested)
        self.attendance_panel.signInRequested.connect(self._on_sign_in_row)
        self.attendance_panel.removeRequested.connect(self._on_remove_row)
        self.attendance_panel.markAbsentRequested.connect(self._on_mark_absent)
        self.headcount_panel.addRequested.connect(self._on_add_headcount)
        self.headcount_panel.changeRequested.connect(self._on_change_headcount)
        self.headcount_panel.removeRequested.connect(self._on_remove_headcount)
        self.import_button.clicked.connect(self.choose_import_file)
        self.context.errorRaised.connect(self._on_error)

    # ------------------------------------------------------------------ StepPage

    def retranslate(self) -> None:
        self.import_button.setText(_("&Import a list…"))
        self.import_button.setToolTip(_("Sign in or invite the people of a CSV or XLSX list"))
        self.search_panel.retranslate()
        self.new_person.retranslate()
        self.options.retranslate()
        self.attendance_panel.retranslate()
        self.headcount_panel.retranslate()
        self._retitle_tabs()
        self.counts.show_stats(self.context.summary().attendance)

    def _retitle_tabs(self) -> None:
        present = sum(r.status is AttendanceStatus.PRESENT for r in self._attendance)
        self.tabs.setTabText(
            0,
            _("Attendance list ({present} present of {listed})").format(
                present=number(present), listed=number(len(self._attendance))
            ),
        )
        self.tabs.setTabText(
            1,
            _("Anonymous headcounts ({count})").format(
                count=number(self.headcount_panel.model.rowCount())
            ),
        )

    def reload(self) -> None:
        meeting_id = self.context.meeting_id
        self._attendance = self.context.read(attendance.attendance_list, meeting_id)
        self.attendance_panel.set_rows(self._attendance)
        self.headcount_panel.set_rows(self.context.read(attendance.headcounts, meeting_id))
        self.counts.show_stats(self.context.read(attendance.attendance_statistics, meeting_id))
        self.new_person.set_organisations(self.context.read(list_organisations))
        self._retitle_tabs()
        self._on_query_changed(self.search_panel.search.text())

    def missing(self) -> list[str]:
        summary = self.context.summary()
        stats = summary.attendance
        if stats.total == 0:
            return [_("No one signed in yet")]
        lacking = []
        if summary.kind in JOINT_KINDS:
            if not stats.by_side.get(Side.SNA, None) or not stats.by_side[Side.SNA].total:
                lacking.append(_("No one from the administration side"))
            if (
                not stats.by_side.get(Side.CIVIL_SOCIETY, None)
                or not stats.by_side[Side.CIVIL_SOCIETY].total
            ):
                lacking.append(_("No one from civil society"))
        return lacking

    def apply_lock(self, locked: bool) -> None:
        super().apply_lock(locked)
        self.new_person.set_editable(not locked)
        self.attendance_panel.set_locked(locked)
        self.headcount_panel.set_locked(locked)
        if locked:
            self.show_search()

    # ------------------------------------------------------------------ search and sign in

    @Slot(str)
    def _on_query_changed(self, text: str) -> None:
        people = self.context.read(search_people, text, SEARCH_LIMIT)
        statuses = {row.person_id: row.status for row in self._attendance}
        self.search_panel.set_results(people, statuses)

    @Slot(object)
    def _on_person_highlighted(self, person: PersonInfo | None) -> None:
        self.options.set_defaults(person.side if person else None)

    @Slot(object)
    def _on_sign_in_requested(self, person: PersonInfo) -> None:
        name = both_names(person.name_km, person.name_latin)
        before = self._row_of_person(person.id)
        if before is not None and before.status is AttendanceStatus.PRESENT:
            self._tell(_("{name} is already signed in.").format(name=name))
            return
        edit = SignIn(self._renames, self.context.meeting_id, person.id, self.options.check_in())
        edit.before = before
        if self.context.execute(edit.command(name)):
            self._tell(_("✓ {name} signed in.").format(name=name))
            self.search_panel.clear_search()

    @Slot(object)
    def _on_sign_in_row(self, row: AttendanceRow) -> None:
        name = both_names(row.name_km, row.name_latin)
        edit = SignIn(
            self._renames,
            self.context.meeting_id,
            row.person_id,
            CheckIn(row.role, row.side, row.may_vote),
            before=row,
        )
        if self.context.execute(edit.command(name)):
            self._tell(_("✓ {name} signed in.").format(name=name))

    def _row_of_person(self, person_id: uuid.UUID) -> AttendanceRow | None:
        return next((r for r in self._attendance if r.person_id == person_id), None)

    def _tell(self, message: str) -> None:
        self.feedback.setText(message)

    # ------------------------------------------------------------------ a new person

    @Slot(str)
    def _on_add_person_requested(self, typed: str) -> None:
        self.new_person.clear(typed)
        self.options.set_defaults(None)
        self._stack.setCurrentWidget(self.new_person)
        self.new_person.focus_first_field()

    @Slot()
    def show_search(self) -> None:
        self._stack.setCurrentWidget(self.search_panel)
        self.search_panel.search.setFocus()

    @Slot(object)
    def _on_side_suggested(self, side: Side | None) -> None:
        self.options.set_defaults(side)

    @Slot()
    def _on_new_person_submitted(self) -> None:
        person = self.new_person.person()
        if person is None:
            return
        edit = AddPerson(self._renames, self.context.meeting_id, person, self.options.check_in())
        self._errors_to = self.new_person
        try:
            done = self.context.execute(edit.command())
        finally:
            self._errors_to = None
        if done:
            name = both_names(person.name_km, person.name_latin)
            self._tell(_("✓ {name} added and signed in.").format(name=name))
            self.show_search()
            self.search_panel.clear_search()

    @Slot(str, str)
    def _on_error(self, message: str, field: str) -> None:
        if self._errors_to is not None:
            self._errors_to.show_error(field, message)

    # ------------------------------------------------------------------ the list

    @Slot(object)
    def _on_remove_row(self, row: AttendanceRow) -> None:
        name = both_names(row.name_km, row.name_latin)
        edit = RemoveAttendance(self._renames, self.context.meeting_id, row)
        if self.context.execute(edit.command(name)):
            self._tell(_("{name} was taken off the list.").format(name=name))

    @Slot(object, str, str)
    def _on_mark_absent(self, row: AttendanceRow, reason_km: str, reason_en: str) -> None:
        name = both_names(row.name_km, row.name_latin)
        edit = MarkAbsent(self._renames, self.context.meeting_id, row, reason_km, reason_en)
        if self.context.execute(edit.command(name)):
            self._tell(_("{name} is recorded as absent.").format(name=name))

    # ------------------------------------------------------------------ headcounts

    @Slot(object)
    def _on_add_headcount(self, values: HeadcountValues) -> None:
        edit = AddHeadcount(self._renames, self.context.meeting_id, values)
        self.context.execute(edit.command())

    @Slot(object, int, int)
    def _on_change_headcount(self, row: HeadcountRow, women: int, men: int) -> None:
        self.context.execute(ChangeHeadcount(self._renames, row, women, men).command())

    @Slot(object)
    def _on_remove_headcount(self, row: HeadcountRow) -> None:
        edit = RemoveHeadcount(self._renames, self.context.meeting_id, row)
        self.context.execute(edit.command())

    # ------------------------------------------------------------------ import

    @Slot()
    def choose_import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import a participant list"),
            "",
            _("Participant lists (*.csv *.xlsx)"),
        )
        if path:
            self.preview_import(Path(path))

    def preview_import(self, path: Path) -> ImportPreviewDialog | None:
        """Read and check the file, and show what importing it would do (writes nothing)."""
        try:
            parsed = read_participant_file(path)
        except ImportFileError as error:
            QMessageBox.warning(self, _("Import a participant list"), error.message)
            return None
        planned = self.context.read(plan_import, self.context.meeting_id, parsed.rows)
        dialog = ImportPreviewDialog(path, planned, parsed.errors, parsed.ignored_columns, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_import_dialog_finished)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_import_dialog_finished(self, result: int) -> None:
        dialog, self.import_dialog = self.import_dialog, None
        if dialog is not None and result == QDialog.DialogCode.Accepted:
            self._import(dialog)

    def _import(self, dialog: ImportPreviewDialog) -> None:
        rows = [planned.row for planned in dialog.planned]
        # Application-modal: nothing else may write while the import's transaction is open.
        self._progress = QProgressDialog(
            _("Importing the participant list…"), _("Cancel"), 0, len(rows), self
        )
        self._progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._progress.setMinimumDuration(0)
        try:
            report = self.context.run(
                Topic.ATTENDANCE,
                import_participants,
                self.context.meeting_id,
                rows,
                status=dialog.chosen_status(),
                progress=self._import_progress,
            )
        finally:
            self._progress.close()
            self._progress = None
        if report is not None:
            self._tell(self._report_text(report))

    def _import_progress(self, done: int, total: int) -> bool:
        """Moves the bar (a modal progress dialog lets the Cancel click through); False stops
        the import, and its transaction writes nothing."""
        if self._progress is None:
            return True
        self._progress.setMaximum(total)
        self._progress.setValue(done)
        return not self._progress.wasCanceled()

    @staticmethod
    def _report_text(report: ImportReport) -> str:
        return _(
            "Imported: {listed} on the list ({new} new in the directory), {skipped} already on it."
        ).format(
            listed=number(report.listed),
            new=number(report.new_people),
            skipped=number(report.skipped),
        )
