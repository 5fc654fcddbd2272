"""Pages: sizes and margins, the running header and footer, page X of Y, and the build.

Every page carries the running header (what the document is and where), ``page X of Y`` (Khmer
digits in a Khmer document), and the document's ID with a short hash. The total page count is
known only at the end, so the canvas keeps each finished page and draws these on all of them when
the document is saved (the usual "numbered canvas").
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from civicdesk.documents import reportlab_fixes
from civicdesk.documents.shaping import syllables
from civicdesk.documents.textflow import TextStyle, draw_text, text_width
from civicdesk.documents.wording import Phrase, Wording

__all__ = [
    "BuildCancelled",
    "PageDecoration",
    "Progress",
    "build_pdf",
]

# ReportLab paragraphs anywhere in the process shape Khmer right too (see reportlab_fixes).
reportlab_fixes.install()
# Page streams are compressed; ASCII85 on top only makes them a quarter larger, and ReportLab's
# pure-Python encoder is the slowest step of a long document.
rl_config.useA85 = 0

MARGIN_SIDE = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
HEADER_BASELINE = 12 * mm  # from the top edge
FOOTER_BASELINE = 10 * mm  # from the bottom edge
RULE_GREY = colors.Color(0.55, 0.55, 0.55)
TEXT_GREY = colors.Color(0.3, 0.3, 0.3)
SMALL = TextStyle(size=7.5, color=TEXT_GREY)

#: ``progress(fraction)`` with 0 ≤ fraction ≤ 1.
Progress = Callable[[float], None]


class BuildCancelled(Exception):
    """Raised inside the build when the caller asked to stop."""


@dataclass(frozen=True)
class PageDecoration:
    """What every page shows besides the story."""

    wording: Wording
    header_left: Phrase
    header_right: Phrase
    document_id: str
    short_hash: str

    def page_label(self, page: int, pages: int) -> str:
        phrase = self.wording.format(
            self.wording.gettext("Page {page} of {pages}"), page=page, pages=pages
        )
        return Wording.inline(phrase)

    def identity_label(self) -> str:
        phrase = self.wording.format(
            self.wording.gettext("Document {id} · hash {hash}"),
            id=self.document_id,
            hash=self.short_hash,
        )
        return phrase[0]  # Khmer first in a two-language document, as everywhere else

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        width, height = canvas._pagesize
        left, right = MARGIN_SIDE, width - MARGIN_SIDE
        usable = right - left
        header_y = height - HEADER_BASELINE
        right_text = Wording.inline(self.header_right)
        right_width = min(text_width(right_text, SMALL), usable / 2)
        draw_text(
            canvas,
            left,
            header_y,
            _fit(Wording.inline(self.header_left, " · "), SMALL, usable - right_width - 12),
            SMALL,
        )
        draw_text(
            canvas,
            right - right_width,
            header_y,
            _fit(right_text, SMALL, right_width),
            SMALL.but(align="right"),
            width=right_width,
        )
        canvas.saveState()
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.4)
        canvas.line(left, header_y - 4.5, right, header_y - 4.5)
        canvas.line(left, FOOTER_BASELINE + 9, right, FOOTER_BASELINE + 9)
        canvas.restoreState()
        page_text = self.page_label(page, pages)
        page_width = text_width(page_text, SMALL)
        draw_text(canvas, left, FOOTER_BASELINE, self.identity_label(), SMALL)
        draw_text(
            canvas,
            right - page_width,
            FOOTER_BASELINE,
            page_text,
            SMALL.but(align="right"),
            width=page_width,
        )


def _fit(text: str, style: TextStyle, width: float) -> str:
    """``text`` cut (with an ellipsis) to fit ``width`` points on one line."""
    if text_width(text, style) <= width:
        return text
    pieces = syllables(text)
    while pieces and text_width("".join(pieces) + "…", style) > width:
        pieces.pop()
    return "".join(pieces).rstrip() + "…"


def _canvas_class(decoration: PageDecoration, pages_out: list[int]) -> type[Canvas]:
    class DecoratedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._finished_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._finished_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._finished_pages)
            pages_out.append(total)
            for number, state in enumerate(self._finished_pages, start=1):
                self.__dict__.update(state)
                decoration.draw(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return DecoratedCanvas


class _Template(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, output: io.BytesIO, *, page_size: tuple[float, float], **kwargs: Any):
        super().__init__(
            output,
            pagesize=page_size,
            leftMargin=MARGIN_SIDE,
            rightMargin=MARGIN_SIDE,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kwargs,
        )
        frame = Frame(
            MARGIN_SIDE,
            MARGIN_BOTTOM,
            page_size[0] - 2 * MARGIN_SIDE,
            page_size[1] - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=page_size)])


@dataclass(frozen=True)
class BuiltPdf:
    data: bytes
    pages: int


def build_pdf(
    story: Sequence[Flowable],
    decoration: PageDecoration,
    *,
    landscape_pages: bool = False,
    title: str = "",
    author: str = "",
    subject: str = "",
    keywords: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuiltPdf:
    """Lay out ``story`` on A4 (portrait or landscape) and return the PDF bytes.

    ``progress`` is told how far the layout has got; when ``cancelled()`` turns true the build
    stops with :class:`BuildCancelled`.
    """
    output = io.BytesIO()
    page_size = landscape(A4) if landscape_pages else A4
    template = _Template(
        output,
        page_size=page_size,
        title=title,
        author=author,
        subject=subject,
        keywords=keywords,
        creator="CivicDesk",
        lang=decoration.wording.languages[0],
    )
    total = max(len(story), 1)

    def on_progress(kind: str, value: int) -> None:
        nonlocal total
        if cancelled is not None and cancelled():
            raise BuildCancelled
        if kind == "SIZE_EST":
            total = max(int(value), 1)
        elif kind == "PROGRESS" and progress is not None:
            progress(min(value / total, 1.0))

    template.setProgressCallBack(on_progress)
    pages: list[int] = []
    template.build(list(story), canvasmaker=_canvas_class(decoration, pages))
    return BuiltPdf(output.getvalue(), pages[0] if pages else 0)
