"""Painting a scene for the room: large, high-contrast, filling the screen, never clipped."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from civicdesk.i18n import N_, translations_for
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import BallotChoice, Side, VoteOutcome
from civicdesk.ui.projector.layout import Block, Laid, font_for, lay_out
from civicdesk.ui.projector.scenes import (
    Bilingual,
    LanguageMode,
    PriorityBar,
    Scene,
    SceneData,
)
from civicdesk.ui.projector.timer import SpeakingTimer, TimerState, format_clock


class Theme(enum.StrEnum):
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


@dataclass(frozen=True)
class Palette:
    background: QColor
    text: QColor
    muted: QColor
    accent: QColor
    yes: QColor
    no: QColor
    abstain: QColor
    warning: QColor
    over: QColor
    highlight: QColor


PALETTES: dict[Theme, Palette] = {
    Theme.DARK: Palette(
        QColor("#0f1419"),
        QColor("#f4f4f2"),
        QColor("#a9b3bd"),
        QColor("#f2c14e"),
        QColor("#3fb96b"),
        QColor("#e0524f"),
        QColor("#8d99a6"),
        QColor("#f2a93b"),
        QColor("#ff4d4d"),
        QColor("#23303d"),
    ),
    Theme.HIGH_CONTRAST: Palette(
        QColor("#ffffff"),
        QColor("#000000"),
        QColor("#333333"),
        QColor("#0038a8"),
        QColor("#007a33"),
        QColor("#c8102e"),
        QColor("#555555"),
        QColor("#b35900"),
        QColor("#c8102e"),
        QColor("#e8eef8"),
    ),
}


def _tr(language: str, text: str) -> str:
    return translations_for(language).gettext(text)


class ProjectorView(QWidget):
    """Paints one SceneData. Keeps the bounds of the main text it drew, for tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 240)
        self._data: SceneData | None = None
        self._mode = LanguageMode.BOTH
        self._theme = Theme.DARK
        self._timer: SpeakingTimer | None = None
        self.text_bounds = QRectF()
        #: Every text layout drawn in the last paint, for tests of wrapping.
        self.drawn: list[Laid] = []

    # ------------------------------------------------------------------ state

    def set_scene(self, data: SceneData) -> None:
        self._data = data
        self.update()

    def scene_data(self) -> SceneData | None:
        return self._data

    def set_mode(self, mode: LanguageMode) -> None:
        self._mode = mode
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_timer(self, timer: SpeakingTimer) -> None:
        self._timer = timer
        timer.changed.connect(self.update)

    @property
    def palette_colors(self) -> Palette:
        return PALETTES[self._theme]

    def render_image(self, size: QSize) -> QImage:
        """The scene drawn at `size`, without showing a window (screenshots, tests)."""
        image = QImage(size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            self._paint(painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        return image

    # ------------------------------------------------------------------ painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def _paint(self, painter: QPainter, area: QRectF) -> None:
        colors = self.palette_colors
        data = self._data
        self.drawn = []
        if data is None or data.scene is Scene.BLANK:
            painter.fillRect(area, QColor("#000000"))
            self.text_bounds = QRectF()
            return
        painter.fillRect(area, colors.background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        margin = min(area.width(), area.height()) * 0.05
        content = area.adjusted(margin, margin, -margin, -margin)
        if self._timer is not None and self._timer.visible:
            # Keep the speaking timer's box clear of the text.
            content.setBottom(content.bottom() - self._timer_box(area, margin).height())
        painter.setPen(colors.text)
        scene = data.scene
        if scene is Scene.WELCOME:
            self._welcome(painter, content, data)
        elif scene is Scene.AGENDA:
            self._agenda(painter, content, data)
        elif scene is Scene.RECOMMENDATION:
            self._recommendation(painter, content, data)
        elif scene is Scene.VOTE:
            self._vote(painter, content, data)
        elif scene is Scene.ATTENDANCE:
            self._attendance(painter, content, data)
        elif scene is Scene.JOINT_LIST:
            self._joint_list(painter, content, data)
        elif scene is Scene.PRIORITIES:
            self._priorities(painter, content, data)
        self._timer_overlay(painter, area, margin)

    def _languages(self) -> tuple[str, ...]:
        return self._mode.languages

    def _blocks(
        self, text: Bilingual, *, bold: bool = False, second_scale: float = 0.78
    ) -> list[Block]:
        parts = text.parts(self._mode)
        return [
            Block(value, lang, 1.0 if index == 0 else second_scale, bold, 0.3 if index else 0.0)
            for index, (lang, value) in enumerate(parts)
        ]

    def _draw(self, painter: QPainter, laid: Laid, color: QColor) -> None:
        self.drawn.append(laid)
        painter.setPen(color)
        laid.draw(painter)

    def _header(self, painter: QPainter, rect: QRectF, text: str, language: str) -> float:
        """A small line of context at the top; returns its height."""
        laid = lay_out([Block(text, language)], rect, max_pixel_size=rect.height() * 0.06)
        self._draw(painter, laid, self.palette_colors.muted)
        return laid.bounds.height() + rect.height() * 0.03

    def _primary(self) -> str:
        return self._languages()[0]

    def _label(self, value: enum.Enum) -> str:
        return " / ".join(label(value, lang) for lang in self._languages())

    def _both(self, text: str) -> str:
        return " / ".join(_tr(lang, text) for lang in self._languages())

    # ------------------------------------------------------------------ scenes

    def _welcome(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        colors = self.palette_colors
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.55)
        laid = lay_out(
            self._blocks(data.meeting_title, bold=True),
            title_rect,
            max_pixel_size=rect.height() * 0.11,
        )
        self._draw(painter, laid, colors.text)
        self.text_bounds = laid.bounds
        y = laid.bounds.bottom() + rect.height() * 0.05
        details = [
            Block(text, lang, space_before=-0.3 if index % 2 else 0.0)
            for lang in self._languages()
            for index, text in enumerate(
                (data.place.km, data.date.km) if lang == "km" else (data.place.en, data.date.en)
            )
        ]
        detail_rect = QRectF(rect.left(), y, rect.width(), rect.height() * 0.2)
        laid = lay_out(details, detail_rect, max_pixel_size=rect.height() * 0.05)
        self._draw(painter, laid, colors.accent)
        y = laid.bounds.bottom() + rect.height() * 0.04
        names = [
            org.km if self._primary() == "km" and org.km else org.en or org.km
            for org in data.organisations
        ]
        if names and y < rect.bottom():
            laid = lay_out(
                [Block(" · ".join(names), self._primary())],
                QRectF(rect.left(), y, rect.width(), rect.bottom() - y),
                max_pixel_size=rect.height() * 0.04,
            )
            self._draw(painter, laid, colors.muted)

    def _agenda(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        colors = self.palette_colors
        top = self._header(painter, rect, self._both(N_("Agenda")), self._primary())
        area = QRectF(rect.left(), rect.top() + top, rect.width(), rect.height() - top)
        count = max(1, len(data.agenda))
        row_height = min(area.height() / count, rect.height() * 0.16)
        for index, line in enumerate(data.agenda):
            row = QRectF(area.left(), area.top() + index * row_height, area.width(), row_height)
            if line.current:
                painter.fillRect(row.adjusted(-8, 2, 8, -2), colors.highlight)
            number = format_number(index + 1, self._primary())
            minutes = format_number(line.planned_minutes, self._primary())
            text = line.title.parts(self._mode)
            body = " / ".join(value for _lang, value in text)
            laid = lay_out(
                [Block(f"{number}.  {body}  ({minutes}′)", self._primary(), bold=line.current)],
                row.adjusted(0, row_height * 0.1, 0, -row_height * 0.1),
                max_pixel_size=row_height * 0.45,
            )
            color = colors.accent if line.current else colors.muted if line.done else colors.text
            self._draw(painter, laid, color)
        self.text_bounds = area

    def _recommendation(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        colors = self.palette_colors
        position = " / ".join(format_number(n, self._primary()) for n in data.position)
        theme = " / ".join(value for _lang, value in data.recommendation_theme.parts(self._mode))
        top = self._header(
            painter, rect, f"{data.recommendation_code}   ·   {theme}   ·   {position}", "en"
        )
        body = QRectF(rect.left(), rect.top() + top, rect.width(), rect.height() - top)
        laid = lay_out(
            self._blocks(data.recommendation_text),
            body,
            max_pixel_size=rect.height() * 0.12,
        )
        self._draw(painter, laid, colors.text)
        self.text_bounds = laid.bounds

    def _vote(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        colors = self.palette_colors
        top = self._header(painter, rect, data.recommendation_code, "en")
        text_rect = QRectF(rect.left(), rect.top() + top, rect.width(), rect.height() * 0.28)
        laid = lay_out(
            [self._blocks(data.recommendation_text)[0]],
            text_rect,
            max_pixel_size=rect.height() * 0.06,
        )
        self._draw(painter, laid, colors.text)
        self.text_bounds = laid.bounds
        bars_top = text_rect.bottom() + rect.height() * 0.03
        outcome_height = rect.height() * 0.14
        bars_rect = QRectF(
            rect.left(), bars_top, rect.width(), rect.bottom() - bars_top - outcome_height
        )
        self._bars(painter, bars_rect, data)
        outcome_rect = QRectF(
            rect.left(), rect.bottom() - outcome_height, rect.width(), outcome_height
        )
        color = (
            colors.yes
            if data.outcome is VoteOutcome.ADOPTED
            else colors.no
            if data.outcome is VoteOutcome.REJECTED
            else colors.muted
        )
        text = " / ".join(value for _lang, value in data.outcome_text.parts(self._mode))
        laid = lay_out(
            [Block(text, self._primary(), bold=True)],
            outcome_rect,
            max_pixel_size=outcome_height * 0.6,
        )
        self._draw(painter, laid, color)

    def _bars(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        colors = self.palette_colors
        if not data.bars:
            return
        language = self._primary()
        group_height = rect.height() / len(data.bars)
        totals = [b.yes + b.no + b.abstain for b in data.bars]
        most = max([1, *(b.present for b in data.bars), *totals])
        label_width = rect.width() * 0.26
        choice_width = rect.width() * 0.14
        choices = (
            (BallotChoice.YES, colors.yes),
            (BallotChoice.NO, colors.no),
            (BallotChoice.ABSTAIN, colors.abstain),
        )
        for index, bars in enumerate(data.bars):
            group = QRectF(
                rect.left(), rect.top() + index * group_height, rect.width(), group_height
            )
            present = format_number(bars.present, language)
            laid = lay_out(
                [
                    Block(self._label(bars.side), language, bold=True),
                    Block(self._both(N_("Voters present")) + f": {present}", language, 0.7),
                ],
                QRectF(group.left(), group.top(), label_width - 16, group.height() * 0.9),
                max_pixel_size=group_height * 0.2,
            )
            self._draw(painter, laid, colors.text)
            row_height = group.height() * 0.9 / 3
            counts = (bars.yes, bars.no, bars.abstain)
            for row, ((choice, color), count) in enumerate(zip(choices, counts, strict=True)):
                y = group.top() + row * row_height
                name = lay_out(
                    [Block(label(choice, language), language)],
                    QRectF(group.left() + label_width, y, choice_width - 12, row_height),
                    max_pixel_size=row_height * 0.5,
                )
                self._draw(painter, name, colors.muted)
                left = group.left() + label_width + choice_width
                full = group.right() - left - group.width() * 0.08
                bar = QRectF(left, y + row_height * 0.12, full * count / most, row_height * 0.76)
                painter.fillRect(bar, color)
                painter.setFont(font_for(language, row_height * 0.55, bold=True))
                painter.setPen(colors.text)
                painter.drawText(
                    QPointF(bar.right() + 12, y + row_height * 0.72),
                    format_number(count, language),
                )

    def _attendance(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        colors = self.palette_colors
        language = self._primary()
        top = self._header(painter, rect, self._both(N_("Attendance")), language)
        number = format_number(data.total, language)
        big = QRectF(rect.left(), rect.top() + top, rect.width(), rect.height() * 0.35)
        laid = lay_out([Block(number, language, bold=True)], big, max_pixel_size=big.height() * 0.9)
        self._draw(painter, laid, colors.accent)
        self.text_bounds = laid.bounds
        lines = [
            self._both(N_("Women"))
            + f": {format_number(data.women, language)}    "
            + self._both(N_("Men"))
            + f": {format_number(data.men, language)}"
        ]
        for side, women, men in data.by_side:
            lines.append(
                f"{self._label(side)}: {format_number(women + men, language)} "
                + "("
                + self._both(N_("women"))
                + f" {format_number(women, language)})"
            )
        rest = QRectF(rect.left(), big.bottom(), rect.width(), rect.bottom() - big.bottom())
        laid = lay_out(
            [Block(line, language, space_before=0.2) for line in lines],
            rest,
            max_pixel_size=rect.height() * 0.07,
        )
        self._draw(painter, laid, colors.text)

    def _joint_list(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        colors = self.palette_colors
        language = self._primary()
        top = self._header(painter, rect, self._both(N_("Joint list of recommendations")), language)
        blocks = []
        for index, (code, text) in enumerate(data.joint_list):
            value = text.km if language == "km" and text.km else text.en or text.km
            number = format_number(index + 1, language)
            blocks.append(Block(f"{number}. {value}  ({code})", language, space_before=0.3))
        area = QRectF(rect.left(), rect.top() + top, rect.width(), rect.height() - top)
        laid = lay_out(blocks, area, max_pixel_size=rect.height() * 0.06)
        self._draw(painter, laid, colors.text)
        self.text_bounds = laid.bounds

    def _priorities(self, painter: QPainter, rect: QRectF, data: SceneData) -> None:
        """The top results as bars, highest first; a tie is marked with = before the rank."""
        colors = self.palette_colors
        language = self._primary()
        top = self._header(painter, rect, self._both(N_("Priorities")), language)
        shown = data.priorities[:8]
        if not shown:
            return
        area = QRectF(rect.left(), rect.top() + top, rect.width(), rect.height() - top)
        row_height = area.height() / len(shown)
        best = max(1, *(bar.score for bar in shown))
        text_width = area.width() * 0.55

        def row_blocks(bar: PriorityBar) -> list[Block]:
            rank = format_number(bar.rank, language)
            value = bar.text.km if language == "km" and bar.text.km else bar.text.en or bar.text.km
            return [Block(f"{'=' if bar.tied else ''}{rank}. {bar.code}  {value}", language)]

        def row_rect(index: int) -> QRectF:
            y = area.top() + index * row_height
            return QRectF(area.left(), y + row_height * 0.08, text_width - 16, row_height * 0.84)

        # One size for every row (the one the longest text allows), so the list reads evenly.
        size = min(
            lay_out(row_blocks(bar), row_rect(i), max_pixel_size=row_height * 0.32).pixel_size
            for i, bar in enumerate(shown)
        )
        for index, bar in enumerate(shown):
            y = area.top() + index * row_height
            laid = lay_out(row_blocks(bar), row_rect(index), max_pixel_size=size)
            self._draw(painter, laid, colors.text)
            full = area.width() - text_width - area.width() * 0.08
            rect_bar = QRectF(
                area.left() + text_width,
                y + row_height * 0.2,
                full * bar.score / best,
                row_height * 0.6,
            )
            painter.fillRect(rect_bar, colors.accent)
            painter.setFont(font_for(language, row_height * 0.4, bold=True))
            painter.setPen(colors.text)
            painter.drawText(
                QPointF(rect_bar.right() + 12, y + row_height * 0.65),
                format_number(bar.score, language),
            )
        self.text_bounds = area

    @staticmethod
    def _timer_box(area: QRectF, margin: float) -> QRectF:
        width = area.width() * 0.16
        height = area.height() * 0.12
        return QRectF(
            area.right() - width - margin * 0.5,
            area.bottom() - height - margin * 0.3,
            width,
            height,
        )

    def _timer_overlay(self, painter: QPainter, area: QRectF, margin: float) -> None:
        timer = self._timer
        if timer is None or not timer.visible:
            return
        colors = self.palette_colors
        state = timer.state
        color = (
            colors.over
            if state is TimerState.OVER
            else colors.warning
            if state is TimerState.WARNING
            else colors.text
        )
        font = font_for("en", area.height() * 0.07, bold=True)
        painter.setFont(font)
        text = format_clock(timer.remaining)
        width = area.width() * 0.16
        box = QRectF(
            area.right() - width - margin * 0.5,
            area.bottom() - area.height() * 0.12 - margin * 0.3,
            width,
            area.height() * 0.12,
        )
        painter.fillRect(box, colors.highlight)
        painter.setPen(QPen(color, 4))
        painter.drawRect(box)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


__all__ = ["PALETTES", "ProjectorView", "Side", "Theme"]
