"""Khmer text laid out right: word breaks from ICU, never inside a cluster, scripts split between
the Khmer and the Latin face, lines and table cells never overflowing."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from civicdesk.documents.fonts import font_set
from civicdesk.documents.shaping import Span, line_break_words, syllables
from civicdesk.documents.textflow import TextBlock, TextStyle, lay_out

from .conftest import LONG_KHMER, MIXED

COENG = "\u17d2"


def _lines_text(text: str, width: float, size: float = 10) -> list[str]:
    lines = lay_out(line_break_words([Span(text)]), width, size)
    return ["".join(word.text for word in line.words) for line in lines]


def _starts_a_cluster(text: str, index: int) -> bool:
    import unicodedata

    return not (unicodedata.category(text[index]).startswith("M") or text[index - 1] == COENG)


def test_khmer_words_come_from_icu() -> None:
    words = [w.text for w in line_break_words([Span("ប្រជាពលរដ្ឋអាចចូលរួមក្នុងការធ្វើសេចក្តីសម្រេចចិត្ត")])]
    assert words[:4] == ["ប្រជាពលរដ្ឋ", "អាច", "ចូលរួម", "ក្នុង"]
    assert "".join(words) == "ប្រជាពលរដ្ឋអាចចូលរួមក្នុងការធ្វើសេចក្តីសម្រេចចិត្ត"


@pytest.mark.parametrize("width", [60, 95, 140, 230])
def test_long_khmer_wraps_between_words_and_fits(width: float) -> None:
    lines = lay_out(line_break_words([Span(LONG_KHMER)]), width, 10)
    assert len(lines) > 1
    assert "".join(w.text for line in lines for w in line.words) == LONG_KHMER
    assert all(line.width <= width + 0.01 for line in lines)
    offset = 0
    for line in lines[:-1]:
        offset += sum(len(w.text) for w in line.words)
        assert _starts_a_cluster(LONG_KHMER, offset), f"line cut inside a cluster at {offset}"


def test_a_word_wider_than_the_line_is_cut_between_clusters_only() -> None:
    word = "សេចក្តីសម្រេចចិត្ត"
    lines = _lines_text(word, 25, 10)
    assert len(lines) > 1
    assert "".join(lines) == word
    position = 0
    for line in lines[:-1]:
        position += len(line)
        assert _starts_a_cluster(word, position)


def test_syllables_keep_subscripts_and_vowels_with_their_consonant() -> None:
    assert syllables("ស្ត្រី") == ["ស្ត្រី"]
    assert syllables("កម្ពុជា") == ["ក", "ម្ពុ", "ជា"]
    assert syllables("ក្រុង") == ["ក្រុ", "ង"]


def test_mixed_text_uses_the_khmer_face_for_khmer_and_the_latin_face_for_the_rest() -> None:
    fonts = font_set()
    runs = [run for word in line_break_words([Span(MIXED)]) for run in word.runs]
    for run in runs:
        has_khmer = any("\u1780" <= c <= "\u17ff" for c in run.text)
        has_latin = any(c.isascii() and c.isalnum() for c in run.text)
        assert not (has_khmer and has_latin), run.text
        if has_khmer:
            assert run.face is fonts.khmer
        if has_latin:
            assert run.face is fonts.latin
    assert "".join(run.text for run in runs) == MIXED


def _pdf(story: list[object]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def test_mixed_paragraph_draws_both_scripts_on_one_line() -> None:
    data = _pdf([TextBlock(MIXED, TextStyle(size=11))])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
    first_line_top = min(c["top"] for c in chars)
    on_first_line = [c for c in chars if abs(c["top"] - first_line_top) < 8]
    fonts = {c["fontname"].split("+", 1)[-1] for c in on_first_line}
    assert any("Khmer" in name for name in fonts), fonts
    assert any("Khmer" not in name for name in fonts), fonts
    latin = "".join(c["text"] for c in on_first_line if c["text"].isascii())
    assert "2022" in latin and "Facebook" in latin


def test_table_cells_wrap_khmer_inside_the_cell() -> None:
    widths = [90, 150]
    table = Table(
        [[TextBlock(LONG_KHMER, TextStyle(size=9)), TextBlock(MIXED, TextStyle(size=9))]],
        colWidths=widths,
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    data = _pdf([table])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        chars = page.chars
        lines = sorted({round(c["top"]) for c in chars})
    left = (A4[0] - sum(widths)) / 2
    padding = 6  # ReportLab's default cell padding
    first_cell = [c for c in chars if c["x0"] < left + widths[0]]
    assert len({round(c["top"]) for c in first_cell}) >= 6, "the long text was not wrapped"
    # Glyph origins never cross into the next cell (marks may overhang their base a little).
    assert all(c["x0"] <= left + widths[0] - padding + 1 for c in first_cell)
    assert len(lines) >= 6
