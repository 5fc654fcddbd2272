"""Diffs between revisions: Khmer by words (ICU) or clusters, never splitting a cluster."""

from __future__ import annotations

import pytest

from civicdesk.i18n.textdiff import (
    Change,
    Piece,
    clusters,
    diff,
    diff_html,
    icu_available,
    segments,
)

MODES = [
    pytest.param(True, id="icu", marks=pytest.mark.skipif(not icu_available(), reason="no ICU")),
    pytest.param(False, id="clusters"),
]

OLD_KM = "រដ្ឋបាលស្រុកត្រូវផ្សព្វផ្សាយព័ត៌មានថវិកា ដល់ប្រជាពលរដ្ឋ។"
NEW_KM = "រដ្ឋបាលស្រុកគួរផ្សព្វផ្សាយព័ត៌មានថវិកាប្រចាំឆ្នាំ ដល់ស្ត្រី និងប្រជាពលរដ្ឋ។"


def _text(pieces: list[Piece], *keep: Change) -> str:
    return "".join(piece.text for piece in pieces if piece.change in keep)


def _cluster_edges(text: str) -> set[int]:
    edges, position = {0}, 0
    for cluster in clusters(text):
        position += len(cluster)
        edges.add(position)
    return edges


def test_a_cluster_keeps_its_subscripts_and_vowel_signs() -> None:
    # ស + COENG ត + COENG រ + vowel ី is one shape; ICU's grapheme clusters would cut after COENG.
    assert clusters("ស្ត្រី") == ["ស្ត្រី"]
    assert clusters("ក្រុមប្រឹក្សា") == ["ក្រុ", "ម", "ប្រឹ", "ក្សា"]
    assert clusters("អាគ្នេយ៍") == ["អា", "គ្នេ", "យ៍"]
    assert clusters("e\u0301te") == ["e\u0301", "t", "e"]


@pytest.mark.parametrize("use_icu", MODES)
@pytest.mark.parametrize(
    "text", [OLD_KM, NEW_KM, "The district must publish it.", "ស្ត្រី 👩🏽 Women, ២០២១", ""]
)
def test_segments_join_back_and_never_cut_a_cluster(text: str, use_icu: bool) -> None:
    pieces = segments(text, use_icu=use_icu)
    assert "".join(pieces) == text
    edges = _cluster_edges(text)
    position = 0
    for piece in pieces:
        position += len(piece)
        assert position in edges, piece


@pytest.mark.parametrize("use_icu", MODES)
@pytest.mark.parametrize(
    ("old", "new"),
    [
        (OLD_KM, NEW_KM),
        ("The district should publish the budget.", "The district must publish the budget."),
        ("", "ថ្មី"),
        ("ចាស់", ""),
        ("ក្រុមប្រឹក្សា", "ក្រុមប្រឹក្សាឃុំ"),
    ],
)
def test_diff_rebuilds_both_texts(old: str, new: str, use_icu: bool) -> None:
    pieces = diff(old, new, use_icu=use_icu)
    assert _text(pieces, Change.SAME, Change.REMOVED) == old
    assert _text(pieces, Change.SAME, Change.ADDED) == new
    for text in (old, new):
        edges = _cluster_edges(text)
        position = 0
        for piece in pieces:
            if piece.change is not (Change.ADDED if text is old else Change.REMOVED):
                position += len(piece.text)
                assert position in edges


@pytest.mark.skipif(not icu_available(), reason="no ICU")
def test_khmer_words_are_diffed_as_words_with_icu() -> None:
    pieces = diff(OLD_KM, NEW_KM, use_icu=True)
    assert Piece(Change.REMOVED, "ត្រូវ") in pieces
    assert Piece(Change.ADDED, "គួរ") in pieces
    assert "ប្រចាំឆ្នាំ" in _text(pieces, Change.ADDED)
    # Words both versions share are not marked.
    assert "ផ្សព្វផ្សាយព័ត៌មានថវិកា" in _text(pieces, Change.SAME)


def test_without_icu_a_changed_khmer_word_is_marked_by_whole_clusters() -> None:
    pieces = diff("ក្រុមប្រឹក្សាស្រុក", "ក្រុមប្រឹក្សាខេត្ត", use_icu=False)
    assert pieces[0] == Piece(Change.SAME, "ក្រុមប្រឹក្សា")
    assert _text(pieces, Change.REMOVED) == "ស្រុក"
    assert _text(pieces, Change.ADDED) == "ខេត្ត"


def test_english_is_diffed_by_words() -> None:
    for use_icu in (False, *([True] if icu_available() else [])):
        pieces = diff("publish the budget", "publish the annual budget", use_icu=use_icu)
        assert pieces == [
            Piece(Change.SAME, "publish the "),
            Piece(Change.ADDED, "annual "),
            Piece(Change.SAME, "budget"),
        ]


def test_html_marks_added_and_removed_text_and_escapes_the_rest() -> None:
    markup = diff_html("a <b> c\nd", "a <b> e\nd", use_icu=False)
    assert "&lt;b&gt;" in markup
    assert "line-through" in markup and ">c</span>" in markup
    assert "underline" in markup and ">e</span>" in markup
    assert "<br/>" in markup


def test_html_can_add_display_hints_between_and_inside_pieces() -> None:
    markup = diff_html("ក្រុមប្រឹក្សាស្រុក", "ក្រុមប្រឹក្សាខេត្ត", display=str.upper, use_icu=False)
    # A hint joins the pieces (a segment boundary), none is put inside a cluster.
    assert "\u200b" in markup
    assert "ស្រុ\u200b" not in markup and "ខេត្\u200b" not in markup
