"""The bundled fonts, registered with ReportLab and opened in HarfBuzz.

Each face is one :class:`Face`: the ReportLab ``TTFont`` that embeds (subsets) the glyphs in the
PDF, and a HarfBuzz font made from the same file that shapes text into those glyphs. Noto Sans
Khmer has no Latin letters or digits, so every text is split into runs by script
(:mod:`civicdesk.documents.shaping`) and each run uses the Khmer or the Latin face.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from civicdesk.i18n.fonts import font_paths

__all__ = ["Face", "FontSet", "font_set"]

#: ReportLab font names, by the role names of :func:`civicdesk.i18n.fonts.font_paths`.
_REPORTLAB_NAMES = {
    "regular": "CivicDesk-Khmer",
    "bold": "CivicDesk-Khmer-Bold",
    "latin_regular": "CivicDesk-Latin",
    "latin_bold": "CivicDesk-Latin-Bold",
}


@dataclass(eq=False)
class Face:
    """One font file, for ReportLab and HarfBuzz. Shaping is done in font units scaled to 1000
    per em, the unit of PDF glyph widths, so a shaped run is the same at every size."""

    name: str
    khmer: bool
    bold: bool
    ttf: TTFont
    hb_font: hb.Font
    scale: float
    ascent: float
    descent: float
    #: Guards ReportLab's glyph tables, which shaping extends with private code points.
    lock: threading.Lock = field(default_factory=threading.Lock)

    def covers(self, code_point: int) -> bool:
        return code_point in self.ttf.face.charToGlyph

    def pdf_width(self, code_point: int) -> float:
        """The glyph width the PDF's /Widths array gives (1000 per em)."""
        return float(self.ttf.face.getCharWidth(code_point))

    def code_point_for_glyph(self, glyph: int) -> int:
        """The character ReportLab writes for a glyph. Glyphs no character maps to (Khmer
        subscript forms, ligatures) get a Private Use code point, as ReportLab's own shaping
        does; the text behind them is given to PDF readers with /ActualText."""
        mapped = self.ttf.face.glyphToChar.get(glyph)
        if mapped:
            return int(mapped[0])
        with self.lock:
            mapped = self.ttf.face.glyphToChar.get(glyph)
            if mapped:
                return int(mapped[0])
            advance = self.hb_font.get_glyph_h_advance(glyph) * self.scale
            name = self.hb_font.glyph_to_string(glyph)
            return int(self.ttf.hbAddPrivate(name, glyph, advance))


@dataclass(frozen=True)
class FontSet:
    khmer: Face
    khmer_bold: Face
    latin: Face
    latin_bold: Face

    def face(self, *, khmer: bool, bold: bool) -> Face:
        if khmer:
            return self.khmer_bold if bold else self.khmer
        return self.latin_bold if bold else self.latin


def _open_face(role: str, path: str) -> Face:
    name = _REPORTLAB_NAMES[role]
    # getFont() on a name not yet registered first searches the whole system for a Type 1
    # font of that name (over a second); look in the registry instead.
    if name in pdfmetrics.getRegisteredFontNames():
        ttf = pdfmetrics.getFont(name)
    else:
        ttf = TTFont(name, path)
        pdfmetrics.registerFont(ttf)
    assert isinstance(ttf, TTFont)
    ttf.hbFont()  # sets up ReportLab's private-code-point table (ttf.hbAddPrivate)
    hb_face = hb.Face(hb.Blob.from_file_path(path))
    hb_font = hb.Font(hb_face)
    scale = 1000 / hb_face.upem
    extents = hb_font.get_font_extents("ltr")
    return Face(
        name=name,
        khmer=not role.startswith("latin"),
        bold=role.endswith("bold"),
        ttf=ttf,
        hb_font=hb_font,
        scale=scale,
        ascent=extents.ascender * scale,
        descent=-extents.descender * scale,
    )


@functools.cache
def font_set() -> FontSet:
    """The four faces, registered once per process."""
    paths = {role: str(path) for role, path in font_paths().items()}
    faces = {role: _open_face(role, paths[role]) for role in _REPORTLAB_NAMES}
    return FontSet(
        khmer=faces["regular"],
        khmer_bold=faces["bold"],
        latin=faces["latin_regular"],
        latin_bold=faces["latin_bold"],
    )
