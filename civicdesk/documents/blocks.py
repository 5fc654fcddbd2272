"""The pieces documents are made of: headings, bilingual paragraphs, tables, the national motto
with its ornament, signature blocks, and the verification block with the QR code."""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from civicdesk.documents.textflow import TextBlock, TextStyle, draw_text, text_width
from civicdesk.documents.wording import Phrase, Wording
from civicdesk.i18n.khmer import format_number

__all__ = [
    "Composer",
    "MottoHeader",
    "QrCode",
    "Signatory",
]

GRID_GREY = colors.Color(0.6, 0.6, 0.6)
HEADER_FILL = colors.Color(0.92, 0.93, 0.95)
SECOND_LANGUAGE = colors.Color(0.28, 0.28, 0.32)
INK = colors.Color(0.1, 0.12, 0.2)

BODY = TextStyle(size=10.5, space_after=3)
TITLE = TextStyle(size=16, bold=True, align="center", space_after=2, color=INK)
SUBTITLE = TextStyle(size=11, align="center", space_after=2)
HEADING = TextStyle(size=12.5, bold=True, space_before=10, space_after=3, color=INK)
SUBHEADING = TextStyle(size=10.5, bold=True, space_before=6, space_after=1)
CELL = TextStyle(size=9)
CELL_HEADER = TextStyle(size=8.5, bold=True)
SMALL = TextStyle(size=8.5, color=SECOND_LANGUAGE)


def _second(style: TextStyle) -> TextStyle:
    """The style of the English text under the Khmer in a bilingual document."""
    return style.but(size=round(style.size * 0.92, 2), color=SECOND_LANGUAGE, space_before=0)


@dataclass(frozen=True)
class Signatory:
    """One signature block: the title above, the signature (image or space), the name below."""

    title: Phrase
    name: str = ""
    organisation: str = ""
    date: Phrase = ()
    signature_png: bytes | None = None


class Composer:
    """Builds flowables in a document's languages."""

    def __init__(self, wording: Wording) -> None:
        self.wording = wording

    # ----------------------------------------------------------------- text

    def blocks(self, phrase: Phrase, style: TextStyle = BODY) -> list[Flowable]:
        """One paragraph per language; the second language smaller and grey."""
        texts = list(dict.fromkeys(text for text in phrase if text))
        if not texts:
            return []
        flowables: list[Flowable] = [TextBlock(texts[0], style.but(space_after=0))]
        for text in texts[1:]:
            flowables.append(TextBlock(text, _second(style).but(space_after=0)))
        flowables[0].spaceBefore = style.space_before
        flowables[-1].spaceAfter = style.space_after
        return flowables

    def title(self, phrase: Phrase) -> list[Flowable]:
        return self.blocks(phrase, TITLE)

    def numbered(self, number: int, phrase: Phrase) -> Phrase:
        """``1. text``, the number in each language's digits (១. in Khmer)."""
        languages = self.wording.languages
        return tuple(
            f"{format_number(number, languages[min(i, len(languages) - 1)])}. {text}"
            for i, text in enumerate(phrase)
        )

    def heading(self, phrase: Phrase, number: int | None = None) -> list[Flowable]:
        if number is not None:
            phrase = self.numbered(number, phrase)
        return self.blocks(phrase, HEADING)

    def subheading(self, phrase: Phrase) -> list[Flowable]:
        return self.blocks(phrase, SUBHEADING)

    def paragraph(self, phrase: Phrase, style: TextStyle = BODY) -> list[Flowable]:
        return self.blocks(phrase, style)

    def cell(self, phrase: Phrase, style: TextStyle = CELL) -> list[Flowable]:
        return self.blocks(phrase, style.but(space_before=0, space_after=0))

    # ----------------------------------------------------------------- tables

    def fields(
        self, rows: Sequence[tuple[Phrase, Phrase]], width: float, *, pairs_per_row: int = 1
    ) -> Table:
        """Labels and values (meeting facts), ``pairs_per_row`` pairs side by side."""
        pair_width = width / pairs_per_row
        label_width = 0.3 * pair_width
        cells = [
            [self.cell(label, CELL.but(bold=True, size=9.5)), self.cell(value, CELL.but(size=9.5))]
            for label, value in rows
        ]
        data = []
        for start in range(0, len(cells), pairs_per_row):
            row: list[Any] = []
            for pair in cells[start : start + pairs_per_row]:
                row += pair
            row += [""] * (2 * pairs_per_row - len(row))
            data.append(row)
        table = Table(
            data, colWidths=[label_width, pair_width - label_width] * pairs_per_row, hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ]
            )
        )
        table.spaceAfter = 6
        return table

    def table(
        self,
        header: Sequence[Phrase],
        rows: Sequence[Sequence[Phrase | list[Flowable] | Flowable]],
        widths: Sequence[float],
        *,
        numeric_columns: Sequence[int] = (),
        row_height: float | None = None,
        style: TextStyle = CELL,
    ) -> Table:
        """A ruled table whose header row repeats on every page it runs over."""
        header_cells = [self.cell(phrase, CELL_HEADER) for phrase in header]
        body = []
        for row in rows:
            cells: list[Any] = []
            for column, value in enumerate(row):
                if isinstance(value, tuple):
                    cell_style = style.but(align="right") if column in numeric_columns else style
                    cells.append(self.cell(value, cell_style))
                else:
                    cells.append(value)
            body.append(cells)
        heights = [None] + [row_height] * len(body) if row_height else None
        table = Table(
            [header_cells, *body],
            colWidths=list(widths),
            rowHeights=heights,
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, GRID_GREY),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return table

    # ----------------------------------------------------------------- signatures

    def signatures(self, signatories: Sequence[Signatory], width: float) -> Flowable:
        """Signature blocks side by side, two to a row: title above, name below."""
        cells = [self._signature_cell(s, width / 2 - 12) for s in signatories]
        if not cells:
            return Spacer(0, 0)
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        if len(rows[-1]) == 1:
            rows[-1].append([])
        table = Table(rows, colWidths=[width / 2, width / 2], hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    # Bottom: a title on two lines beside one on a single line must not push
                    # its signature and name below the other's; they stay level.
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return KeepTogether([Spacer(0, 6), table])

    def _signature_cell(self, signatory: Signatory, width: float) -> list[Flowable]:
        centred = CELL.but(align="center", size=9.5)
        flowables: list[Flowable] = []
        if signatory.date:
            flowables += self.blocks(signatory.date, centred.but(size=8.5))
        flowables += self.blocks(signatory.title, centred.but(bold=True))
        if signatory.organisation:
            flowables.append(TextBlock(signatory.organisation, centred.but(size=8.5)))
        if signatory.signature_png:
            flowables.append(_signature_image(signatory.signature_png, width))
        else:
            flowables.append(_SignatureSpace(width * 0.7))
        if signatory.name:
            flowables.append(TextBlock(signatory.name, centred.but(bold=True, size=10)))
        return flowables


class _SignatureSpace(Flowable):  # type: ignore[misc]
    """Room to sign, with a dotted line."""

    def __init__(self, line_width: float, height: float = 16 * mm) -> None:
        super().__init__()
        self.line_width = line_width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setDash(1, 2)
        canvas.setStrokeColor(GRID_GREY)
        start = (self.width - self.line_width) / 2
        canvas.line(start, 4, start + self.line_width, 4)
        canvas.restoreState()


def _signature_image(png: bytes, width: float) -> Flowable:
    reader = ImageReader(io.BytesIO(png))
    image_width, image_height = reader.getSize()
    height = 16 * mm
    drawn_width = min(width, height * image_width / max(image_height, 1))
    image = Image(
        io.BytesIO(png), width=drawn_width, height=drawn_width * image_height / max(image_width, 1)
    )
    image.hAlign = "CENTER"
    return image


# --------------------------------------------------------------------------- motto


class MottoHeader(Flowable):  # type: ignore[misc]
    """ព្រះរាជាណាចក្រកម្ពុជា / ជាតិ សាសនា ព្រះមហាក្សត្រ, centred, with the ornament under it drawn
    as vector art (no decorative font needed)."""

    def __init__(self, wording: Wording) -> None:
        super().__init__()
        self.lines: list[tuple[str, TextStyle]] = []
        kingdom = wording.gettext("Kingdom of Cambodia")
        motto = wording.gettext("Nation Religion King")
        first = TextStyle(size=13, bold=True, align="center", color=INK)
        second = TextStyle(size=12, bold=True, align="center", color=INK)
        # English official translations write the motto in capitals.
        self.lines.append((kingdom[0] if wording.khmer else kingdom[0].upper(), first))
        self.lines.append((motto[0] if wording.khmer else motto[0].upper(), second))
        if wording.bilingual:
            small = TextStyle(size=8.5, bold=True, align="center", color=SECOND_LANGUAGE)
            self.lines.append((kingdom[1].upper(), small))
            self.lines.append((motto[1].upper(), small))
        self.line_heights = [
            style.size * (1.75 if _khmer(text) else 1.45) for text, style in self.lines
        ]
        self.ornament_height = 12.0
        self.spaceAfter = 6

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = sum(self.line_heights) + self.ornament_height
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        for (text, style), line_height in zip(self.lines, self.line_heights, strict=True):
            y -= line_height
            draw_text(canvas, 0, y + line_height * 0.33, text, style, width=self.width)
        widest = max(text_width(text, style) for text, style in self.lines[:2])
        draw_ornament(canvas, self.width / 2, self.ornament_height / 2, widest * 0.55)


def _khmer(text: str) -> bool:
    return any("\u1780" <= char <= "\u17ff" for char in text)


def draw_ornament(canvas: Any, centre_x: float, centre_y: float, half_width: float) -> None:
    """The divider under the motto: a lotus bud between two scrolls, with lines that taper to
    a point on either side."""
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.7)
    # Tapered lines, left and right.
    for direction in (-1, 1):
        start = centre_x + direction * 15
        end = centre_x + direction * half_width
        path = canvas.beginPath()
        path.moveTo(start, centre_y + 0.9)
        path.lineTo(end, centre_y)
        path.lineTo(start, centre_y - 0.9)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        # A scroll: a small spiral opening towards the centre.
        scroll = canvas.beginPath()
        cx = centre_x + direction * 10.5
        for step in range(0, 41):
            angle = step / 40 * 1.75 * 2 * math.pi
            radius = 3.2 * (1 - step / 52)
            x = cx + direction * radius * math.cos(angle)
            y = centre_y + radius * math.sin(angle)
            if step == 0:
                scroll.moveTo(x, y)
            else:
                scroll.lineTo(x, y)
        canvas.drawPath(scroll, stroke=1, fill=0)
    # The bud: a pointed oval with a dot on either side.
    bud = canvas.beginPath()
    bud.moveTo(centre_x, centre_y + 5)
    bud.curveTo(
        centre_x + 3.6, centre_y + 1.5, centre_x + 3.6, centre_y - 1.5, centre_x, centre_y - 5
    )
    bud.curveTo(
        centre_x - 3.6, centre_y - 1.5, centre_x - 3.6, centre_y + 1.5, centre_x, centre_y + 5
    )
    bud.close()
    canvas.drawPath(bud, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.circle(centre_x, centre_y, 1.1, stroke=0, fill=1)
    canvas.restoreState()


# --------------------------------------------------------------------------- QR


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code drawn straight onto the page, one rectangle per run of dark modules.

    ReportLab's ``QrCodeWidget`` encodes its data twice (for its bounds and when drawn) and
    builds a shape per module; this encodes once and draws only rectangles."""

    QUIET_ZONE = 2  # modules of white around the code

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        self.modules: list[list[bool]] = [list(map(bool, row)) for row in code.modules]
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        count = len(self.modules)
        module = self.size / (count + 2 * self.QUIET_ZONE)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        path = canvas.beginPath()
        for row_index, row in enumerate(self.modules):
            y = self.size - (row_index + self.QUIET_ZONE + 1) * module
            column = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((column + self.QUIET_ZONE) * module, y, length * module, module)
                column += length
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
