"""Voting: per recommendation, a count per side, named ballots or consensus; the outcome under
the meeting's rule shown as the numbers are typed; Record (or Enter) records the vote."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language, ngettext
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.i18n.linebreak import with_break_hints
from civicdesk.models.enums import (
    VOTING_SIDES,
    AttendanceStatus,
    MeetingStatus,
    RecommendationStatus,
    Side,
    VoteMethod,
    VoteOutcome,
    VoteRule,
)
from civicdesk.services import attendance, meetings, recommendations, votes
from civicdesk.services.attendance import AttendanceRow
from civicdesk.services.votes import SideTally, Tally
from civicdesk.ui.itemmodels.row_table import WARNING_COLOUR
from civicdesk.ui.itemmodels.voting import (
    ADOPTED_COLOUR_HEX,
    BallotTableModel,
    HistoryColumn,
    VoteHistoryModel,
    VotingColumn,
    VotingListModel,
    VotingRow,
)
from civicdesk.ui.widgets.record_table import RecordTableView
from civicdesk.ui.widgets.tally_grid import TallyGrid
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.steps import Step

METHODS = (VoteMethod.TALLY, VoteMethod.NAMED, VoteMethod.CONSENSUS)


def _outcome_colour(outcome: VoteOutcome) -> str:
    return ADOPTED_COLOUR_HEX if outcome is VoteOutcome.ADOPTED else WARNING_COLOUR.name()


@register
class VotingPage(StepPage):
    step = Step.VOTING
    topics = frozenset({Topic.VOTES, Topic.RECOMMENDATIONS, Topic.ATTENDANCE})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._locked = False
        self._loading = False
        self._rule = VoteRule.JOINT_ADOPTION
        self._meeting_open = True
        self._voters: dict[Side, int] = {}
        self._voter_sides: dict[uuid.UUID, Side] = {}
        self._build()
        self._connect()
        self.retranslate()
        self.reload()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self._list_model = VotingListModel(self)
        self._list = RecordTableView(
            self._list_model, self, stretch_column=VotingColumn.TEXT, wrap=True
        )
        self._heading = QLabel(self)
        self._heading.setWordWrap(True)
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self._heading.setFont(font)

        self._method_box = QGroupBox(self)
        self._method_buttons = QButtonGroup(self)
        method_layout = QHBoxLayout(self._method_box)
        for number in range(len(METHODS)):
            button = QRadioButton(self._method_box)
            self._method_buttons.addButton(button, number)
            method_layout.addWidget(button)
        method_layout.addStretch(1)
        self._method_buttons.button(0).setChecked(True)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._build_tally())
        self._stack.addWidget(self._build_named())
        self._stack.addWidget(self._build_consensus())

        self._rule_label = QLabel(self)
        self._rule_label.setWordWrap(True)
        self._outcome = QLabel(self)
        self._outcome.setWordWrap(True)
        outcome_font = self._outcome.font()
        outcome_font.setPointSizeF(outcome_font.pointSizeF() * 1.4)
        outcome_font.setBold(True)
        self._outcome.setFont(outcome_font)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._record_button = QPushButton(self)
        self._record_button.setDefault(True)
        record_row = QHBoxLayout()
        record_row.addWidget(self._outcome, 1)
        record_row.addWidget(self._record_button)

        self._form = QWidget(self)
        form_layout = QVBoxLayout(self._form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self._heading)
        form_layout.addWidget(self._method_box)
        form_layout.addWidget(self._stack)
        form_layout.addWidget(self._rule_label)
        form_layout.addLayout(record_row)
        form_layout.addWidget(self._hint)
        form_layout.addStretch(1)

        self._history_box = QGroupBox(self)
        self._history_model = VoteHistoryModel(self)
        self._history = RecordTableView(
            self._history_model, self._history_box, stretch_column=HistoryColumn.STATE
        )
        history_layout = QVBoxLayout(self._history_box)
        history_layout.addWidget(self._history)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setChildrenCollapsible(False)
        right.addWidget(self._form)
        right.addWidget(self._history_box)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_tally(self) -> QWidget:
        self._tally = TallyGrid(self)
        self._sides = self._tally.sides
        return self._tally

    def _build_named(self) -> QWidget:
        page = QWidget(self)
        self._ballot_model = BallotTableModel(self)
        self._ballots = QTableView(page)
        self._ballots.setModel(self._ballot_model)
        self._ballots.verticalHeader().hide()
        self._ballots.setTabKeyNavigation(False)
        self._ballots.horizontalHeader().setStretchLastSection(False)
        self._ballots.resizeColumnsToContents()
        self._named_hint = QLabel(page)
        self._named_hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._named_hint)
        layout.addWidget(self._ballots, 1)
        return page

    def _build_consensus(self) -> QWidget:
        page = QWidget(self)
        self._objection_label = QLabel(page)
        self._objection = QLineEdit(page)
        self._objection_label.setBuddy(self._objection)
        self._consensus_hint = QLabel(page)
        self._consensus_hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._consensus_hint)
        layout.addWidget(self._objection_label)
        layout.addWidget(self._objection)
        layout.addStretch(1)
        return page

    def _connect(self) -> None:
        self._list.currentIdChanged.connect(self._on_current_changed)
        self._method_buttons.idToggled.connect(self._on_method_toggled)
        self._tally.changed.connect(self._on_input_changed)
        self._ballot_model.ballotsChanged.connect(self._on_input_changed)
        self._objection.textChanged.connect(self._on_input_changed)
        self._record_button.clicked.connect(self.record_vote)

    # ------------------------------------------------------------------ StepPage

    def retranslate(self) -> None:
        self._method_box.setTitle(_("How the vote is taken"))
        for number, method in enumerate(METHODS):
            self._method_buttons.button(number).setText(label(method))
        self._tally.retranslate()
        self._named_hint.setText(
            _("Tick one choice per voter present (Space ticks the highlighted cell).")
        )
        self._consensus_hint.setText(
            _("Adopted by consensus unless someone objects: write the objection here.")
        )
        self._objection_label.setText(_("&Objection"))
        self._record_button.setText(_("&Record vote"))
        self._history_box.setTitle(_("Votes on this recommendation"))
        self._list_model.retranslate()
        self._ballot_model.retranslate()
        self._history_model.retranslate()
        self._show_heading()
        self._update_outcome()

    def reload(self) -> None:
        meeting_id = self.context.meeting_id
        summary = self.context.summary()
        details = self.context.read(meetings.meeting_details, meeting_id)
        self._rule = details.vote_rule
        self._meeting_open = summary.status is MeetingStatus.OPEN
        self._voters = self.context.read(attendance.voters_present, meeting_id)
        self._tally.set_voters(self._voters)
        voters = [
            row
            for row in self.context.read(attendance.attendance_list, meeting_id)
            if row.status is AttendanceStatus.PRESENT and row.may_vote and row.side in VOTING_SIDES
        ]
        rows = self._voting_rows(summary.district_code)
        self._loading = True
        try:
            self._list.set_rows(rows)
            if self._list.current_id() is None and rows:
                self._list.select_row(0)
            if self._voter_sides != {v.person_id: v.side for v in voters}:
                self._set_voters(voters)
        finally:
            self._loading = False
        self._show_current()

    def _voting_rows(self, district_code: str | None) -> list[VotingRow]:
        meeting_id = self.context.meeting_id
        if district_code:
            drafted = self.context.read(
                recommendations.recommendations,
                district_code=district_code,
                include_withdrawn=False,
            )
        else:
            drafted = self.context.read(
                recommendations.recommendations, meeting_id=meeting_id, include_withdrawn=False
            )
        current = self.context.read(votes.current_votes, meeting_id)
        return [VotingRow(row, current.get(row.id)) for row in drafted]

    def _set_voters(self, voters: list[AttendanceRow]) -> None:
        self._voter_sides = {v.person_id: v.side for v in voters}
        self._ballot_model.set_rows(voters)
        self._ballots.resizeColumnsToContents()

    def missing(self) -> list[str]:
        count = self._list_model.not_voted()
        if not count:
            return []
        return [
            ngettext(
                "{count} recommendation not yet voted on",
                "{count} recommendations not yet voted on",
                count,
            ).format(count=format_number(count, current_language()))
        ]

    def apply_lock(self, locked: bool) -> None:
        self._locked = locked
        super().apply_lock(locked)
        self._ballot_model.set_editable(not locked)
        self._update_outcome()

    # ------------------------------------------------------------------ showing

    def _current(self) -> VotingRow | None:
        row: VotingRow | None = self._list.current_record()
        return row

    @Slot(object)
    def _on_current_changed(self, recommendation_id: object) -> None:
        if self._loading:
            return
        self._clear_inputs()
        self._show_current()
        if isinstance(recommendation_id, uuid.UUID):
            self.context.focus_recommendation(recommendation_id)

    def _show_current(self) -> None:
        row = self._current()
        history = (
            self.context.read(votes.votes, recommendation_id=row.recommendation.id) if row else []
        )
        self._history_model.set_rows(history)
        self._show_heading()
        self._update_outcome()

    def _show_heading(self) -> None:
        row = self._current()
        if row is None:
            self._heading.setText(_("No recommendation to vote on."))
            self._heading.setToolTip("")
            return
        recommendation = row.recommendation
        text = with_break_hints(recommendation.text(current_language()))
        self._heading.setText(_("{code}: {text}").format(code=recommendation.code, text=text))
        self._heading.setToolTip(f"{recommendation.text_km}\n{recommendation.text_en}".strip())

    def _clear_inputs(self) -> None:
        self._loading = True
        try:
            self._tally.clear()
            self._ballot_model.clear_choices()
            self._objection.clear()
        finally:
            self._loading = False

    # ------------------------------------------------------------------ the live outcome

    def method(self) -> VoteMethod:
        return METHODS[max(0, self._method_buttons.checkedId())]

    def tally(self) -> Tally:
        method = self.method()
        if method is VoteMethod.TALLY:
            return self._tally.tally()
        if method is VoteMethod.NAMED:
            counts = {side: {"yes": 0, "no": 0, "abstain": 0} for side in VOTING_SIDES}
            for person_id, choice in self._ballot_model.ballots():
                counts[self._voter_sides[person_id]][choice.value] += 1
            return Tally(SideTally(**counts[Side.SNA]), SideTally(**counts[Side.CIVIL_SOCIETY]))
        return Tally()

    @Slot(int, bool)
    def _on_method_toggled(self, number: int, checked: bool) -> None:
        if checked:
            self._stack.setCurrentIndex(number)
            self._update_outcome()

    @Slot()
    def _on_input_changed(self) -> None:
        if not self._loading:
            self._update_outcome()

    def _update_outcome(self) -> None:
        method = self.method()
        tally = self.tally()
        refusals = self._tally.refusals(tally) if method is not VoteMethod.CONSENSUS else {}
        self._tally.show_refusals(refusals)
        self._rule_label.setText(_("Rule: {rule}").format(rule=label(self._rule)))
        row = self._current()
        something = method is VoteMethod.CONSENSUS or tally.sna.cast + tally.civil_society.cast
        if row is None:
            self._outcome.setText("")
        elif refusals:
            self._outcome.setText(_("More votes than voters present"))
            self._outcome.setStyleSheet(f"color: {WARNING_COLOUR.name()};")
        elif not something and row.vote is not None:
            recorded = row.vote.outcome
            self._outcome.setText(_("Recorded: {outcome}").format(outcome=label(recorded)))
            self._outcome.setStyleSheet(f"color: {_outcome_colour(recorded)};")
        elif not something:
            self._outcome.setText(_("Enter the votes"))
            self._outcome.setStyleSheet("")
        else:
            outcome = votes.compute_outcome(self._rule, method, tally, self._objection.text())
            self._outcome.setText(_("Outcome: {outcome}").format(outcome=label(outcome)))
            self._outcome.setStyleSheet(f"color: {_outcome_colour(outcome)};")
        self._hint.setText(self._hint_text(row))
        can_vote = (
            row is not None
            and not self._locked
            and self._meeting_open
            and row.recommendation.status is not RecommendationStatus.WITHDRAWN
        )
        self._record_button.setEnabled(bool(can_vote and something and not refusals))

    def _hint_text(self, row: VotingRow | None) -> str:
        if self._locked or row is None:
            return ""
        if not self._meeting_open:
            return _("Votes are taken while the meeting is open.")
        if row.vote is not None:
            return _(
                "Already voted: recording again is a re-vote; the earlier result stays in the "
                "history."
            )
        return _("Enter records the vote.")

    # ------------------------------------------------------------------ recording

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the vote form records the vote (fields pass Enter on to their page)."""
        focus = self.focusWidget()
        in_form = focus is not None and (focus is self._form or self._form.isAncestorOf(focus))
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and in_form
            and self._record_button.isEnabled()
        ):
            self.record_vote()
            event.accept()
            return
        super().keyPressEvent(event)

    @Slot()
    def record_vote(self) -> None:
        row = self._current()
        if row is None or not self._record_button.isEnabled():
            return
        method = self.method()
        result = self.context.run(
            Topic.VOTES,
            votes.record_vote,
            self.context.meeting_id,
            row.recommendation.id,
            method=method,
            tally=self.tally() if method is VoteMethod.TALLY else None,
            ballots=self._ballot_model.ballots() if method is VoteMethod.NAMED else None,
            objection=self._objection.text() if method is VoteMethod.CONSENSUS else "",
        )
        if result is not None:
            self._clear_inputs()
            self._update_outcome()
