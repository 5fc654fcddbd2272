"""A fix for ReportLab's text rise, for the paragraphs ReportLab shapes itself.

ReportLab 5.1's ``PDFTextObject.setRise`` collapses two consecutive ``Ts`` operators into one but,
in that branch, forgets to record the new rise: ``_rise`` keeps the old value and the text
position is not moved by the new one. ReportLab's shaped output sets a rise for each Khmer sign
with a vertical offset (the subscript vowel in ``កម្ពុជា``, a subscript consonant) and resets it
afterwards only if ``_rise`` says it changed, so every glyph after such a pair of signs is drawn
below the baseline until the next offset glyph.

CivicDesk's own text (:mod:`civicdesk.documents.textflow`) writes its glyphs without ReportLab's
text object and is not affected; this fix keeps ``Paragraph(style with shaping=1)`` right as well
(the benchmark's plain-ReportLab floor uses it). ``tests/documents/test_baselines.py`` fails
without it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.textobject import PDFTextObject

__all__ = ["install", "installed", "original_set_rise"]

original_set_rise = PDFTextObject.setRise


def _set_rise(self: Any, rise: float) -> None:
    """Move the baseline up (positive) or down for what is drawn next."""
    operator = f"{fp_str(rise)} Ts"
    if self._code and self._code[-1].endswith(" Ts"):
        # Two rises in a row: the second replaces the first, in the code *and* in the state.
        self._y += self._rise
        self._code[-1] = operator
    else:
        self._code.append(operator)
    self._rise = rise
    self._y -= rise


def install() -> None:
    """Replace ``PDFTextObject.setRise`` with the fixed one (idempotent)."""
    PDFTextObject.setRise = _set_rise


def installed() -> bool:
    return PDFTextObject.setRise is _set_rise
