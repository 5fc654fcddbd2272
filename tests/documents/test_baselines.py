"""Glyphs after a Khmer subscript sit on the line's baseline (ReportLab 5.1's setRise bug).

Read from the PDF with pdfplumber: a glyph's box bottom is its baseline plus the font's descent
plus the text rise, so on one line, in one font and size, every base character (consonants,
independent vowels, spaces, digits) must have the same ``y0``. Signs that HarfBuzz moves up or
down (subscripts, vowels) may differ; the bug moved the *following* base characters down.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph, SimpleDocTemplate

from civicdesk.documents import reportlab_fixes
from civicdesk.documents.fonts import font_set
from civicdesk.documents.textflow import TextBlock, TextStyle

#: Subscript vowels and consonants followed by more letters, on one line.
TEXT = "កម្ពុជា ព្រះរាជាណាចក្រកម្ពុជា ស្រុកបវេល ក្រុងបាត់ដំបង ស្ត្រី ប្រជាពលរដ្ឋ"


def _is_base(char: str) -> bool:
    code = ord(char)
    return 0x1780 <= code <= 0x17B3 or char == " " or 0x17E0 <= code <= 0x17E9


def misplaced_base_glyphs(pdf: bytes) -> list[tuple[str, float, float]]:
    """Base characters whose baseline differs from their line's most common one."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = [c for c in document.pages[0].chars if c["text"] and _is_base(c["text"][0])]
    lines: dict[int, list[dict[str, object]]] = defaultdict(list)
    for char in chars:
        lines[round(float(char["top"]) / 10)].append(char)  # type: ignore[arg-type]
    wrong = []
    for line in lines.values():
        bottoms = [round(float(c["y0"]), 2) for c in line]  # type: ignore[arg-type]
        usual = max(set(bottoms), key=bottoms.count)
        wrong += [
            (str(c["text"]), b, usual)
            for c, b in zip(line, bottoms, strict=True)
            if abs(b - usual) > 0.05
        ]
    assert chars, "no Khmer text found in the PDF"
    return wrong


def _build(flowable: object) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([flowable])
    return buffer.getvalue()


def _reportlab_paragraph() -> bytes:
    style = ParagraphStyle("k", fontName=font_set().khmer.name, fontSize=14, leading=26, shaping=1)
    return _build(Paragraph(TEXT, style))


@contextmanager
def reportlab_as_released() -> Iterator[None]:
    saved = PDFTextObject.setRise
    PDFTextObject.setRise = reportlab_fixes.original_set_rise
    try:
        yield
    finally:
        PDFTextObject.setRise = saved


def test_civicdesk_text_keeps_every_base_glyph_on_the_baseline() -> None:
    pdf = _build(TextBlock(TEXT, TextStyle(size=14)))
    assert misplaced_base_glyphs(pdf) == []


def test_reportlab_paragraphs_keep_the_baseline_with_the_fix() -> None:
    reportlab_fixes.install()
    assert reportlab_fixes.installed()
    assert misplaced_base_glyphs(_reportlab_paragraph()) == []


def test_without_the_fix_reportlab_drops_glyphs_below_the_baseline() -> None:
    """The regression this fix is for: if ReportLab is ever fixed upstream, this test says so
    and the workaround can go."""
    with reportlab_as_released():
        wrong = misplaced_base_glyphs(_reportlab_paragraph())
    assert wrong, "ReportLab no longer has the setRise bug: remove reportlab_fixes"
    assert all(bottom < usual for _char, bottom, usual in wrong)
