"""Translation, Khmer formatting, text helpers, enum labels, fonts and the catalogs themselves."""

from __future__ import annotations

import datetime as dt
import enum
import gettext
import importlib.util
import inspect
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

import civicdesk.i18n as i18n
from civicdesk.i18n import (
    LANGUAGES,
    N_,
    _,
    current_language,
    ngettext,
    set_language,
    translations_for,
)
from civicdesk.i18n.fonts import FONT_FILES, font_paths
from civicdesk.i18n.khmer import (
    format_date,
    format_datetime,
    format_number,
    format_time,
    khmer_digits,
    latin_digits,
)
from civicdesk.i18n.labels import LABELS, choices, label
from civicdesk.i18n.text import clean, contains_bidi_controls, search_key
from civicdesk.models import enums
from civicdesk.models.enums import MeetingKind, Side

ROOT = Path(__file__).resolve().parents[1]
KHMER_CATALOG = ROOT / "translations" / "km" / "LC_MESSAGES" / "civicdesk.po"

# A msgid the catalog is sure to have (an enum label) and its Khmer, from the glossary.
JOINT_CONSULTATION = "Joint consultation meeting"
JOINT_CONSULTATION_KM = "កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា"

OFFICIAL_DATE_KM = "ថ្ងៃអង្គារ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១"


@pytest.fixture(autouse=True)
def _restore_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


def _khmer_catalog() -> Catalog:
    with KHMER_CATALOG.open("rb") as po_file:
        return read_po(po_file, locale="km", domain="civicdesk", abort_invalid=True)


# --- the gettext runtime ------------------------------------------------------------------------


def test_languages_and_default() -> None:
    assert LANGUAGES == ("km", "en")
    assert i18n.DEFAULT_LANGUAGE == "en"


def test_switching_language_changes_what_underscore_returns() -> None:
    set_language("en")
    assert _(JOINT_CONSULTATION) == JOINT_CONSULTATION
    set_language("km")
    assert current_language() == "km"
    assert _(JOINT_CONSULTATION) == JOINT_CONSULTATION_KM
    set_language("en")
    assert _(JOINT_CONSULTATION) == JOINT_CONSULTATION


def test_marker_returns_the_source_string_untranslated() -> None:
    set_language("km")
    assert N_(JOINT_CONSULTATION) == JOINT_CONSULTATION


def test_unknown_message_falls_back_to_english() -> None:
    set_language("km")
    assert _("No such message, surely") == "No such message, surely"


def test_documents_translate_independently_of_the_ui_language() -> None:
    set_language("en")
    assert translations_for("km").gettext(JOINT_CONSULTATION) == JOINT_CONSULTATION_KM
    set_language("km")
    assert translations_for("en").gettext(JOINT_CONSULTATION) == JOINT_CONSULTATION
    assert current_language() == "km"


def test_language_codes_are_normalised_and_unknown_ones_refused() -> None:
    set_language("km_KH")
    assert current_language() == "km"
    set_language("en-GB")
    assert current_language() == "en"
    with pytest.raises(ValueError, match="fr"):
        set_language("fr")
    with pytest.raises(ValueError):
        translations_for("")
    assert current_language() == "en"


def test_plural_forms() -> None:
    set_language("en")
    assert ngettext("{count} person", "{count} people", 1) == "{count} person"
    assert ngettext("{count} person", "{count} people", 2) == "{count} people"
    # Khmer has one form (nplurals=1): an untranslated entry still falls back to English rules.
    assert translations_for("km").ngettext("a", "b", 2) == "b"


def test_khmer_catalog_compiles_with_khmer_plural_rule() -> None:
    translations = translations_for("km")
    assert isinstance(translations, gettext.GNUTranslations)
    assert translations.info()["plural-forms"].replace(" ", "") == "nplurals=1;plural=0;"


def test_listeners_hear_each_language_set_until_removed() -> None:
    heard: list[str] = []
    i18n.add_language_listener(heard.append)
    i18n.add_language_listener(heard.append)  # once is enough
    try:
        set_language("km_KH")
        set_language("en")
        with pytest.raises(ValueError):
            set_language("fr")  # refused before anyone is told
    finally:
        i18n.remove_language_listener(heard.append)
    set_language("km")
    set_language("en")
    assert heard == ["km", "en"]


def test_catalogs_are_cached_and_reloadable() -> None:
    first = translations_for("km")
    assert translations_for("km") is first
    i18n.reload_translations()
    assert translations_for("km") is not first


# --- Khmer digits, numbers, dates ---------------------------------------------------------------


def test_khmer_digits() -> None:
    assert khmer_digits(1234567890) == "១២៣៤៥៦៧៨៩០"
    assert khmer_digits("0123456789") == "".join(chr(code) for code in range(0x17E0, 0x17EA))
    assert khmer_digits("0204-R03") == "០២០៤-R០៣"
    assert latin_digits("៣៦៧ នាក់") == "367 នាក់"


def test_format_number() -> None:
    assert format_number(367, "km") == "៣៦៧"
    assert format_number(1234567, "km") == "១,២៣៤,៥៦៧"
    assert format_number(1234567, "en") == "1,234,567"
    assert format_number(0, "km") == "០"


def test_official_khmer_date() -> None:
    assert format_date(dt.date(2021, 11, 23), "km") == OFFICIAL_DATE_KM
    assert format_date(dt.date(2021, 11, 23), "km", weekday=False) == "ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១"


def test_english_date() -> None:
    assert format_date(dt.date(2021, 11, 23), "en") == "Tuesday 23 November 2021"
    assert format_date(dt.date(2021, 11, 23), "en", weekday=False) == "23 November 2021"


KHMER_MONTHS = (
    "មករា កុម្ភៈ មីនា មេសា ឧសភា មិថុនា កក្កដា សីហា កញ្ញា តុលា វិច្ឆិកា ធ្នូ".split()  # noqa: SIM905
)


@pytest.mark.parametrize("month", range(1, 13))
def test_khmer_month_names(month: int) -> None:
    text = format_date(dt.date(2024, month, 1), "km", weekday=False)
    assert text == f"ទី១ ខែ{KHMER_MONTHS[month - 1]} ឆ្នាំ២០២៤"


# 2024-01-01 was a Monday.
KHMER_WEEKDAYS = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")


@pytest.mark.parametrize("offset", range(7))
def test_khmer_weekday_names(offset: int) -> None:
    day = dt.date(2024, 1, 1) + dt.timedelta(days=offset)
    assert format_date(day, "km").startswith(f"ថ្ងៃ{KHMER_WEEKDAYS[offset]} ទី")


def test_format_time_and_datetime() -> None:
    assert format_time(dt.time(14, 5), "en") == "14:05"
    assert format_time(dt.time(9, 30), "km") == "៩:៣០"
    moment = dt.datetime(2021, 11, 23, 14, 5)
    assert format_datetime(moment, "km") == f"{OFFICIAL_DATE_KM} ម៉ោង ១៤:០៥"
    assert format_datetime(moment, "en") == "Tuesday 23 November 2021, 14:05"


def test_recorded_moments_are_shown_in_cambodia_time_whatever_the_laptop_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A meeting at 8:00 in Battambang is stored as 01:00 UTC; a laptop set to UTC (or to
    New York) must still show 8:00, as the minutes do."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        stored = dt.datetime(2021, 11, 23, 1, 0, tzinfo=dt.UTC)
        assert (
            stored.astimezone().hour == 20
        )  # the laptop's own zone would say 20:00 the day before
        assert format_time(stored, "en") == "8:00"
        assert format_time(stored, "km") == "៨:០០"
        assert format_datetime(stored, "en") == "Tuesday 23 November 2021, 8:00"
        late = dt.datetime(2021, 11, 23, 18, 30, tzinfo=dt.UTC)  # 01:30 on the 24th in Cambodia
        assert format_datetime(late, "en", weekday=False) == "24 November 2021, 1:30"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_formatting_refuses_unknown_language() -> None:
    with pytest.raises(ValueError):
        format_date(dt.date(2021, 11, 23), "fr")


# --- text helpers -------------------------------------------------------------------------------


def test_search_key_unifies_coeng_ta_and_coeng_da() -> None:
    with_ta = "ស្ត្រី"  # SA COENG TA COENG RO II
    with_da = "ស្ដ្រី"  # SA COENG DA COENG RO II
    assert with_ta != with_da
    assert search_key(with_ta) == search_key(with_da)
    assert search_key("បាត់ដំបង") != search_key("បាត់តំបង")  # only the subscripts are unified


def test_search_key_unifies_subscript_ro_order() -> None:
    assert search_key("ស្រ្តី") == search_key("ស្ត្រី")


def test_search_key_case_whitespace_and_invisible_characters() -> None:
    assert search_key("  Battambang \t  KRONG ") == "battambang krong"
    assert search_key("ក\u200bខ\u200c\u200dគ\ufeff") == "កខគ"
    assert search_key("Cafe\u0301") == search_key("Café")


def test_bidi_controls_are_detected() -> None:
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        assert contains_bidi_controls(f"Sok{chr(code)}Dara")
    assert not contains_bidi_controls("សុខ\u200bដារា Sok Dara")
    assert not contains_bidi_controls("")


def test_clean() -> None:
    assert clean(None) == ""
    assert clean("  Sok   Dara  ") == "Sok Dara"
    assert clean("សុខ\u200bដារា") == "សុខ\u200bដារា"
    assert clean("a \t b\r\n  c  ") == "a b\nc"


# --- enum labels --------------------------------------------------------------------------------


def _domain_enums() -> list[type[enum.Enum]]:
    return [
        value
        for value in vars(enums).values()
        if inspect.isclass(value)
        and issubclass(value, enum.Enum)
        and value.__module__ == enums.__name__
    ]


def test_every_enum_has_labels() -> None:
    domain_enums = _domain_enums()
    assert len(domain_enums) >= 20
    assert set(LABELS) == set(domain_enums)


@pytest.mark.parametrize("enum_type", _domain_enums(), ids=lambda enum_type: enum_type.__name__)
def test_every_member_is_labelled_in_both_languages(enum_type: type[enum.Enum]) -> None:
    for member in enum_type:
        english = label(member, "en")
        khmer = label(member, "km")
        assert english, member
        assert khmer, member
        assert khmer != english, f"{member!r} has no Khmer label"
        assert re.search("[\u1780-\u17ff]", khmer), f"{member!r}: {khmer!r} is not Khmer"


def test_labels_follow_the_ui_language_and_the_glossary() -> None:
    set_language("km")
    assert label(MeetingKind.JOINT_CONSULTATION) == JOINT_CONSULTATION_KM
    assert label(Side.SNA) == "រដ្ឋបាលថ្នាក់ក្រោមជាតិ"
    assert label(Side.CIVIL_SOCIETY) == "សង្គមស៊ីវិល"
    set_language("en")
    assert label(Side.SNA) == "Sub-national administration"
    assert label(Side.SNA, "km") == "រដ្ឋបាលថ្នាក់ក្រោមជាតិ"
    assert choices(Side, "en")[0] == (Side.SNA, "Sub-national administration")


# --- fonts --------------------------------------------------------------------------------------


def test_fonts_exist_and_are_truetype() -> None:
    paths = font_paths()
    assert set(paths) == {"regular", "bold", "latin_regular", "latin_bold"} == set(FONT_FILES)
    for role, path in paths.items():
        assert path.is_file(), role
        with path.open("rb") as font_file:
            assert font_file.read(4) in (b"\x00\x01\x00\x00", b"true"), f"{role}: not TrueType"
    assert (paths["regular"].parent / "OFL.txt").is_file()


# --- the Khmer catalog --------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's id or string as a tuple of its forms (one unless it has plurals)."""
    if value is None:
        return ("",)
    return (value,) if isinstance(value, str) else tuple(value)


def _placeholders(*texts: str) -> set[str]:
    return {name for text in texts for name in _PLACEHOLDER.findall(text)}


def test_every_khmer_entry_is_translated_and_reviewed() -> None:
    catalog = _khmer_catalog()
    untranslated = []
    fuzzy = []
    for message in catalog:
        if not message.id:
            continue
        if not all(_forms(message.string)):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"
    assert len(catalog) > 50


def test_khmer_placeholders_match_english() -> None:
    mismatched = []
    for message in _khmer_catalog():
        if not message.id:
            continue
        expected = _placeholders(*_forms(message.id))
        for string in _forms(message.string):
            if string and _placeholders(string) != expected:
                mismatched.append((message.id, string))
    assert not mismatched


def test_catalog_has_no_errors() -> None:
    errors = list(_khmer_catalog().check())
    assert not errors, errors


def test_catalog_covers_every_marked_string() -> None:
    """Every string marked in the source is in the Khmer catalog (run update_translations.py)."""
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    template = script.extract_template()
    catalog = _khmer_catalog()
    missing = [
        message.id
        for message in template
        if message.id and catalog.get(message.id, context=message.context) is None
    ]
    assert not missing, f"not in the Khmer catalog yet: {missing}"
