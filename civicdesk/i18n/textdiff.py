"""What changed between two versions of a text, in pieces a reader recognises.

Khmer writes no spaces between words, so a diff by whitespace-separated words would mark a whole
sentence as changed, and a diff by code points would cut clusters apart (a consonant, its
subscript consonants after COENG, and its vowel signs are drawn as one shape). Texts are
therefore split into segments first:

- with ICU (``pyicu-wheels``, module ``icu``): its word boundaries, which segment Khmer words
  with a dictionary;
- without it: Latin words, runs of spaces, and otherwise one Khmer cluster at a time.

Either way a boundary never falls inside a cluster: ICU's extended grapheme clusters end a
cluster after COENG (U+17D2), so its boundaries are checked against :func:`clusters`.
"""

from __future__ import annotations

import difflib
import enum
import html
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "Change",
    "Piece",
    "clusters",
    "diff",
    "diff_html",
    "icu_available",
    "segments",
]

COENG = "\u17d2"
ZERO_WIDTH_SPACE = "\u200b"
THIN_SPACE = "\u2009"
_JOINERS = frozenset({"\u200c", "\u200d"})  # ZWNJ and ZWJ shape the cluster they sit in
_WORD_CHARACTER = re.compile(r"[^\W\u1780-\u17ff\u19e0-\u19ff]", re.UNICODE)


class Change(enum.StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


# ------------------------------------------------------------------ clusters


def _joins_previous(character: str, previous: str) -> bool:
    if previous == COENG:
        return True  # the consonant after COENG is drawn as a subscript of the cluster
    if character in _JOINERS or character == COENG:
        return True
    return unicodedata.category(character) in ("Mn", "Mc", "Me")


def clusters(text: str) -> list[str]:
    """``text`` cut into clusters: a base character with every mark, COENG and subscript
    consonant that is drawn with it (``ស្ត្រី`` is one cluster)."""
    pieces: list[str] = []
    for index, character in enumerate(text):
        if pieces and _joins_previous(character, text[index - 1]):
            pieces[-1] += character
        else:
            pieces.append(character)
    return pieces


def _cluster_boundaries(text: str) -> set[int]:
    boundaries = {0}
    position = 0
    for cluster in clusters(text):
        position += len(cluster)
        boundaries.add(position)
    return boundaries


# ------------------------------------------------------------------ segments


@lru_cache(maxsize=1)
def _icu() -> Any:
    try:
        import icu
    except ImportError:
        return None
    return icu


def icu_available() -> bool:
    return _icu() is not None


def _utf16_to_index(text: str) -> list[int]:
    """For each UTF-16 offset into ``text`` (ICU counts in UTF-16), the Python string index."""
    table: list[int] = []
    for index, character in enumerate(text):
        table.extend([index] * (2 if ord(character) > 0xFFFF else 1))
    table.append(len(text))
    return table


def _icu_boundaries(text: str) -> list[int]:
    icu = _icu()
    iterator = icu.BreakIterator.createWordInstance(icu.Locale("km"))
    iterator.setText(text)
    to_index = _utf16_to_index(text)
    return [to_index[offset] for offset in [0, *iterator]]


def _fallback_segments(text: str) -> list[str]:
    """Latin (and other spaced scripts') words, runs of spaces, else one cluster each."""
    pieces: list[str] = []
    previous_kind = ""
    for cluster in clusters(text):
        if cluster.isspace():
            kind = "space"
        elif _WORD_CHARACTER.match(cluster):
            kind = "word"
        else:
            kind = ""  # a Khmer cluster or punctuation: a segment of its own
        if pieces and kind and kind == previous_kind:
            pieces[-1] += cluster
        else:
            pieces.append(cluster)
        previous_kind = kind
    return pieces


def segments(text: str, *, use_icu: bool | None = None) -> list[str]:
    """``text`` cut where a diff may start or stop; joined, the segments give ``text`` back.

    ``use_icu`` None uses ICU when it is installed.
    """
    if not text:
        return []
    if use_icu is None:
        use_icu = icu_available()
    if not use_icu:
        return _fallback_segments(text)
    safe = _cluster_boundaries(text)
    cuts = sorted({b for b in _icu_boundaries(text) if b in safe} | {0, len(text)})
    return [text[start:end] for start, end in itertools.pairwise(cuts)]


# ------------------------------------------------------------------ diff


def _merge(pieces: Iterable[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if merged and merged[-1].change is piece.change:
            merged[-1] = Piece(piece.change, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return merged


def diff(old: str, new: str, *, use_icu: bool | None = None) -> list[Piece]:
    """The pieces of ``old`` kept or removed and of ``new`` added, in reading order.

    Joining the SAME and REMOVED pieces gives ``old``; SAME and ADDED give ``new``. Where a
    stretch was replaced, the removed text comes before the added text.
    """
    before = segments(old, use_icu=use_icu)
    after = segments(new, use_icu=use_icu)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    pieces: list[Piece] = []
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(Piece(Change.SAME, "".join(before[a_start:a_end])))
            continue
        if operation in ("delete", "replace"):
            pieces.append(Piece(Change.REMOVED, "".join(before[a_start:a_end])))
        if operation in ("insert", "replace"):
            pieces.append(Piece(Change.ADDED, "".join(after[b_start:b_end])))
    return _merge(pieces)


#: Colours chosen to read on a projector as well as on screen, with a second cue (underline,
#: strike-through) for readers who do not tell red from green.
ADDED_STYLE = "background-color:#d3f2d6; color:#0b4f16; text-decoration:underline;"
REMOVED_STYLE = "background-color:#fbe0e0; color:#8a1111; text-decoration:line-through;"


def diff_html(
    old: str,
    new: str,
    *,
    use_icu: bool | None = None,
    display: Callable[[str], str] | None = None,
) -> str:
    """The diff as HTML for a rich-text view: added text highlighted and underlined, removed
    text struck through, and a thin space between text removed and the text that replaced it.
    Line breaks are kept.

    ``display`` rewrites each piece before it is escaped, e.g. to add the invisible break hints
    Qt needs to wrap Khmer between words; a hint is then also put between pieces, which always
    meet at a segment boundary.
    """
    parts: list[str] = []
    previous: Change | None = None
    for piece in diff(old, new, use_icu=use_icu):
        text = display(piece.text) if display else piece.text
        if previous is Change.REMOVED and piece.change is Change.ADDED:
            parts.append(THIN_SPACE)  # "should must", not "shouldmust": shown, never stored
        elif display and parts and not piece.text[0].isspace():
            parts.append(ZERO_WIDTH_SPACE)
        previous = piece.change
        escaped = html.escape(text).replace("\n", "<br/>")
        if piece.change is Change.ADDED:
            parts.append(f'<span style="{ADDED_STYLE}">{escaped}</span>')
        elif piece.change is Change.REMOVED:
            parts.append(f'<span style="{REMOVED_STYLE}">{escaped}</span>')
        else:
            parts.append(escaped)
    return "".join(parts)
