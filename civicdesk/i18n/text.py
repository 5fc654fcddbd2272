"""Helpers for text people type in Khmer and English.

Stored text is kept as typed (apart from :func:`clean`'s whitespace tidying): Unicode
normalisation does not unify Khmer spelling variants, so people are matched by id, and text is
normalised only to build search keys.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "BIDI_CONTROLS",
    "ZERO_WIDTH_SPACE",
    "clean",
    "contains_bidi_controls",
    "search_key",
]

ZERO_WIDTH_SPACE = "\u200b"  # the Khmer word separator: invisible, but it marks line breaks

#: Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they can make a name
#: display differently from what it contains, so names must not carry them.
BIDI_CONTROLS = frozenset(
    [chr(code) for code in range(0x202A, 0x202F)] + [chr(code) for code in range(0x2066, 0x206A)]
)

_COENG = "\u17d2"
_COENG_TA = _COENG + "\u178f"  # ្ត
_COENG_DA = _COENG + "\u178a"  # ្ដ, drawn the same as ្ត
_COENG_RO = _COENG + "\u179a"  # ្រ

# Zero-width characters that change nothing a reader sees: ZWSP, ZWNJ, ZWJ, BOM/ZWNBSP.
_INVISIBLE = str.maketrans(dict.fromkeys(["\u200b", "\u200c", "\u200d", "\ufeff"]))

# A subscript RO typed before another subscript consonant (ស្រ្តី) looks the same as the
# encoding order Unicode recommends (ស្ត្រី); the key uses the recommended order.
_COENG_RO_FIRST = re.compile(_COENG_RO + "(" + _COENG + "[\u1780-\u17a2])")

_WHITESPACE_RUN = re.compile(r"\s+")
_HORIZONTAL_SPACE_RUN = re.compile(r"[^\S\n]+")


def search_key(text: str) -> str:
    """A key to compare for search: equal keys mean the texts should match each other.

    NFC, case-folded, ``្ដ`` (COENG DA) read as ``្ត`` (COENG TA), subscript RO moved after the
    other subscript consonant, zero-width characters dropped, whitespace collapsed to one space.
    """
    key = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    key = key.replace(_COENG_DA, _COENG_TA)
    key = _COENG_RO_FIRST.sub(lambda match: match.group(1) + _COENG_RO, key)
    key = key.casefold()
    return _WHITESPACE_RUN.sub(" ", key).strip()


def contains_bidi_controls(text: str) -> bool:
    """Whether ``text`` has a bidirectional embedding, override or isolate control character."""
    return not BIDI_CONTROLS.isdisjoint(text)


def clean(text: str | None) -> str:
    """Typed text tidied for storage: ``""`` for ``None``, no blanks around it, one space for
    each run of spaces or tabs, Windows line ends made ``\\n``, blank ends of lines dropped.

    Line breaks and zero-width spaces (U+200B, the Khmer word separator) are kept.
    """
    if text is None:
        return ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_HORIZONTAL_SPACE_RUN.sub(" ", line).strip() for line in lines).strip()
