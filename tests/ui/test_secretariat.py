"""The secretariat's window on the Battambang demo: every recommendation across the 7 districts,
filters in Khmer and English, grouping three districts' recommendations into one with its
lineage, the reports as charts, and the exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QKeySequence
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.models.enums import MeetingKind, RecommendationStatus, Theme
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.overdue_actions import OverdueActionsModel
from civicdesk.ui.itemmodels.recommendation_overview import (
    OverviewColumn,
    RecommendationOverviewModel,
)
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.secretariat.consolidate_dialog import ConsolidateDialog
from civicdesk.ui.secretariat.window import Records, SecretariatWindow
from civicdesk.ui.settings import Settings
from civicdesk.ui.widgets.bar_chart import BarChart, ChartBar, ChartSegment

AS_OF = dt.date(2022, 6, 30)
#: Three districts' recommendations on holding the dissemination forum with citizens.
PARTICIPATION = ("0201-R01", "0207-R01", "0202-R04")


@pytest.fixture
def secretariat(
    qtbot: QtBot,
    demo_database: Database,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    answer_yes: list[str],
) -> Iterator[SecretariatWindow]:
    window = SecretariatWindow(demo_database, settings, actor="test")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.reports.set_as_of(AS_OF)
    window.show()
    yield window
    set_language("en")


def _codes(window: SecretariatWindow) -> list[str]:
    proxy = window.recommendations.proxy
    return [str(proxy.index(row, OverviewColumn.CODE).data()) for row in range(proxy.rowCount())]


def _select(window: SecretariatWindow, *codes: str) -> None:
    tab = window.recommendations
    tab.select([row.id for row in tab.model.rows() if row.code in codes])


@pytest.mark.parametrize("language", ["km", "en"])
def test_window_opens_in_each_language(secretariat: SecretariatWindow, language: str) -> None:
    set_language(language)
    secretariat.retranslate()
    tab = secretariat.recommendations
    assert tab.proxy.rowCount() == 34
    header = tab.proxy.headerData(OverviewColumn.PLACE, Qt.Orientation.Horizontal)
    status = tab.proxy.index(0, OverviewColumn.STATUS).data()
    if language == "km":
        assert header == "ស្រុក"
        assert status == "បានអនុម័ត"
        assert "៣៤" in tab.count_label.text()
    else:
        assert (header, status) == ("District", "Adopted")
        assert tab.count_label.text() == "34 of 34 recommendations"
        assert secretariat.tabs.tabText(0) == "All recommendations"
    votes = tab.proxy.index(0, OverviewColumn.SNA_VOTES).data()
    assert votes == ("៦–០–០" if language == "km" else "6–0–0")


def test_models_pass_the_model_tester(
    qtmodeltester: object, secretariat: SecretariatWindow
) -> None:
    model = secretariat.recommendations.model
    assert isinstance(model, RecommendationOverviewModel)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    qtmodeltester.check(secretariat.recommendations.proxy)  # type: ignore[attr-defined]
    overdue = secretariat.reports.overdue_model
    assert isinstance(overdue, OverdueActionsModel) and overdue.rowCount() == 1
    qtmodeltester.check(overdue)  # type: ignore[attr-defined]
    empty = RecommendationOverviewModel()
    qtmodeltester.check(empty)  # type: ignore[attr-defined]
    assert model.data(QModelIndex()) is None


def test_filters_and_search_in_khmer_and_english(secretariat: SecretariatWindow) -> None:
    tab = secretariat.recommendations
    # QTest types only Latin-1 key by key; Khmer arrives as an input-method commit, like this.
    tab.search.setText("បវេល")
    assert {code[:4] for code in _codes(secretariat)} == {"0204"}
    tab.search.setText("សេចក្ដី")  # typed with COENG DA; the texts have សេចក្តី
    with_da = set(_codes(secretariat))
    tab.search.setText("សេចក្តី")
    assert with_da and with_da == set(_codes(secretariat))
    tab.search.setText("one window")
    assert "0212-R01" in _codes(secretariat)
    tab.search.clear()
    tab.district_filter.setCurrentIndex(tab.district_filter.findData("0212"))
    assert len(_codes(secretariat)) == 5
    tab.status_filter.setCurrentIndex(
        tab.status_filter.findData(RecommendationStatus.REJECTED.value)
    )
    assert _codes(secretariat) == ["0212-R05"]
    tab.district_filter.setCurrentIndex(0)
    assert len(_codes(secretariat)) == 4
    tab.status_filter.setCurrentIndex(0)
    tab.theme_filter.setCurrentIndex(tab.theme_filter.findData(Theme.CAPACITY.value))
    assert sorted(_codes(secretariat)) == ["0202-R03", "0212-R04"]
    tab.theme_filter.setCurrentIndex(0)
    assert len(_codes(secretariat)) == 34


def _accept_with(text_en: str) -> object:
    def exec_(dialog: ConsolidateDialog) -> int:
        dialog.text_en.setPlainText(text_en)
        dialog.text_km.setPlainText("វេទិកាជាមួយប្រជាពលរដ្ឋ")
        dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.PARTICIPATION.value))
        return ConsolidateDialog.DialogCode.Accepted.value

    return exec_


def test_group_three_districts_and_follow_the_lineage(
    secretariat: SecretariatWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = secretariat.recommendations
    _select(secretariat, *PARTICIPATION)
    assert [row.code for row in tab.selected_rows()] == sorted(PARTICIPATION)
    assert tab.group_button.isEnabled()
    monkeypatch.setattr(ConsolidateDialog, "exec", _accept_with("Forums with citizens"))
    tab.group_button.click()
    assert tab.model.rowCount() == 35
    (selected,) = tab.selected_rows()
    assert selected.code == "02-C01" and selected.is_consolidated
    assert sorted(link.code for link in selected.sources) == sorted(PARTICIPATION)
    lineage = tab.lineage.toPlainText()
    assert "Lineage of 02-C01" in lineage
    for code in PARTICIPATION:
        assert code in lineage
    assert "Findings of the focus groups" in lineage and "Priority results" in lineage
    assert "rank" in lineage  # the demo's provincial round ranked the districts' originals
    # A consolidated row cannot itself be grouped; the reports count it apart.
    assert not tab.group_button.isEnabled()
    assert "1 consolidated" in secretariat.reports.recommendation_chart.title()
    # The consolidation filter finds it; its sources say where they went.
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(True))
    assert _codes(secretariat) == ["02-C01"]
    tab.kind_filter.setCurrentIndex(0)
    source_row = tab.model.row_of(next(r.id for r in tab.model.rows() if r.code == "0207-R01"))
    assert tab.model.index(source_row, OverviewColumn.CONSOLIDATION).data() == "In 02-C01"

    # Taking one out again (the question is answered Yes by the fixture).
    _select(secretariat, "0207-R01")
    assert tab.remove_button.isEnabled()
    tab.remove_button.click()
    consolidated = next(r for r in tab.model.rows() if r.code == "02-C01")
    assert [link.code for link in consolidated.sources] == ["0201-R01", "0202-R04"]


def test_a_refused_grouping_keeps_the_dialog_and_says_why(
    secretariat: SecretariatWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []

    def exec_(dialog: ConsolidateDialog) -> int:
        if attempts:  # the second time round, the person gives up
            return ConsolidateDialog.DialogCode.Rejected.value
        attempts.append(dialog.problem.text())
        dialog.text_en.setPlainText("Rejected ones cannot be grouped")
        return ConsolidateDialog.DialogCode.Accepted.value

    def shown(dialog: ConsolidateDialog, message: str) -> None:
        attempts.append(message)

    monkeypatch.setattr(ConsolidateDialog, "exec", exec_)
    monkeypatch.setattr(ConsolidateDialog, "show_problem", shown)
    _select(secretariat, "0204-R05")
    secretariat.recommendations.group_selected()
    assert "rejected" in attempts[-1].lower()
    assert secretariat.recommendations.model.rowCount() == 34


def test_reports_show_the_case_study_figures(secretariat: SecretariatWindow) -> None:
    reports = secretariat.reports
    reports.kind_filter.setCurrentIndex(reports.kind_filter.findData(MeetingKind.FOCUS_GROUP.value))
    title = reports.participation_chart.title()
    assert title == "Focus group discussion: 367 participants, 209 women (57%)"
    bars = reports.participation_chart.bars()
    assert len(bars) == 7 and sum(bar.total for bar in bars) == 367
    assert reports.action_chart.title() == "27 actions, 1 overdue on 30 June 2022"
    assert [bar.warning for bar in reports.action_chart.bars()].count(True) == 1
    assert reports.overdue_proxy.rowCount() == 1
    reports.status_filter.setCurrentIndex(1)  # adopted only
    assert reports.recommendation_chart.title() == "30 recommendations"
    set_language("km")
    secretariat.retranslate()
    assert "៣៦៧" in reports.participation_chart.title()
    assert "២០៩" in reports.participation_chart.title()
    # Earlier dates report less.
    reports.set_as_of(dt.date(2021, 11, 1))
    assert reports.action_chart.bars() == []


def test_exports_write_spreadsheets_and_the_pdf(
    secretariat: SecretariatWindow, tmp_path: Path
) -> None:
    (workbook,) = secretariat.export_records(Records.ALL, tmp_path / "records.xlsx")
    assert workbook.exists() and workbook.stat().st_size > 5000
    votes = secretariat.export_records(Records.VOTES, tmp_path / "votes.csv")
    assert [p.name for p in votes] == ["votes.csv"]
    sheets = secretariat.export_report("csv", tmp_path / "report.csv")
    assert len(sheets) == 7
    secretariat.document_language.setCurrentIndex(secretariat.document_language.findData("en"))
    (pdf,) = secretariat.export_report("pdf", tmp_path / "report.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_main_window_opens_the_secretariat(
    main_window: MainWindow, seed: object, qtbot: QtBot
) -> None:
    tools = main_window._tools_menu
    action = next(a for a in tools.actions() if a.shortcut() == QKeySequence("Ctrl+Shift+S"))
    assert action.text() == "&Secretariat…"
    action.trigger()
    window = main_window._secretariat
    assert isinstance(window, SecretariatWindow) and window.isVisible()
    qtbot.addWidget(window)
    main_window.switch_language("km")
    assert window.tabs.tabText(1) != ""
    assert (
        window.recommendations.model.headerData(OverviewColumn.PLACE, Qt.Orientation.Horizontal)
        == "ស្រុក"
    )
    main_window.switch_language("en")
    action.trigger()
    assert main_window._secretariat is window  # one window, brought to the front


def test_bar_chart_draws_and_finds_its_segments(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 200)
    chart.set_data(
        [
            ChartBar(
                "បវេល", (ChartSegment(3, QColor("red"), "Women"), ChartSegment(1, QColor("blue")))
            ),
            ChartBar("Banan", (ChartSegment(2, QColor("red"), "Women"),), note="2", warning=True),
        ],
        [("Women", QColor("red"))],
        title="Chart",
    )
    chart.show()
    image = chart.grab().toImage()
    assert not image.isNull()
    top, label_width, _area, scale = chart._layout()
    row = chart._row_height()
    found = chart.segment_at(QPointF(8 + label_width + scale * 0.5, top + row / 2))
    assert found is not None and found[1].series == "Women" and found[0].label == "បវេល"
    assert chart.segment_at(QPointF(8 + label_width + scale * 3.5, top + row / 2)) is not None
    assert chart.segment_at(QPointF(1, top + row * 5)) is None
    assert "Banan" in chart.accessibleDescription()
    chart.set_data([], title="Empty", empty_text="Nothing yet")
    assert not chart.grab().toImage().isNull()
