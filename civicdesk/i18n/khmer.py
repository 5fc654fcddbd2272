"""Numbers, dates and times as Khmer and English official documents write them.

Babel knows the Khmer month and weekday names but formats numbers with Latin digits (its ``km``
locale uses the ``latn`` numbering system); official Khmer documents use Khmer digits ០–៩. These
functions take Babel's names and separators and then swap the digits.

The official Khmer solar date reads ``ថ្ងៃអង្គារ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១``: "day Tuesday, the 23rd,
month November, year 2021". (Official letters often add the lunar date on the line above; that is
a document template's business, not this module's.)
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.numbers import format_decimal

from civicdesk.i18n import normalise_language

__all__ = [
    "CAMBODIA_TIME",
    "KHMER_DIGITS",
    "format_date",
    "format_datetime",
    "format_number",
    "format_time",
    "in_cambodia",
    "khmer_digits",
    "latin_digits",
]

#: ០ ១ ២ ៣ ៤ ៥ ៦ ៧ ៨ ៩ (U+17E0..U+17E9).
KHMER_DIGITS = "".join(chr(0x17E0 + value) for value in range(10))

_TO_KHMER = str.maketrans("0123456789", KHMER_DIGITS)
_TO_LATIN = str.maketrans(KHMER_DIGITS, "0123456789")

_KHMER = Locale("km")
_ENGLISH = Locale("en")


def khmer_digits(value: int | str) -> str:
    """``value`` with every Latin digit 0–9 replaced by its Khmer digit; other text unchanged."""
    return str(value).translate(_TO_KHMER)


def latin_digits(text: str) -> str:
    """``text`` with every Khmer digit replaced by its Latin digit (for reading typed numbers)."""
    return text.translate(_TO_LATIN)


def format_number(n: int, lang: str) -> str:
    """``n`` with the language's digit grouping: ``"១,២៣៤"`` in Khmer, ``"1,234"`` in English."""
    if normalise_language(lang) == "km":
        return khmer_digits(format_decimal(n, locale=_KHMER))
    return format_decimal(n, locale=_ENGLISH)


def _khmer_month(month: int) -> str:
    return str(_KHMER.months["format"]["wide"][month])


def _khmer_weekday(day: dt.date) -> str:
    # Babel, like date.weekday(), counts Monday as 0.
    return str(_KHMER.days["format"]["wide"][day.weekday()])


def _english_month(month: int) -> str:
    return str(_ENGLISH.months["format"]["wide"][month])


def _english_weekday(day: dt.date) -> str:
    return str(_ENGLISH.days["format"]["wide"][day.weekday()])


def format_date(d: dt.date, lang: str, *, weekday: bool = True) -> str:
    """The date in official form.

    Khmer ``ថ្ងៃអង្គារ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១``, English ``Tuesday 23 November 2021``;
    without ``weekday``, ``ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១`` and ``23 November 2021``.
    """
    if normalise_language(lang) == "km":
        text = f"ទី{khmer_digits(d.day)} ខែ{_khmer_month(d.month)} ឆ្នាំ{khmer_digits(d.year)}"
        return f"ថ្ងៃ{_khmer_weekday(d)} {text}" if weekday else text
    text = f"{d.day} {_english_month(d.month)} {d.year}"
    return f"{_english_weekday(d)} {text}" if weekday else text


#: Cambodia's time, UTC+7 all year (no daylight saving): meetings happen in it, so every time
#: recorded is shown in it, whatever time zone the laptop itself is set to.
CAMBODIA_TIME = dt.timezone(dt.timedelta(hours=7), "ICT")


def in_cambodia(moment: dt.datetime) -> dt.datetime:
    """An aware moment as Cambodia's clocks showed it; a naive one is taken as already so."""
    return moment.astimezone(CAMBODIA_TIME) if moment.tzinfo is not None else moment


def format_time(t: dt.time | dt.datetime, lang: str) -> str:
    """The time on the 24-hour clock: ``"14:05"``, ``"៩:៣០"`` (no seconds, hour not padded).
    An aware datetime is shown in Cambodia's time."""
    if isinstance(t, dt.datetime):
        t = in_cambodia(t)
    text = f"{t.hour}:{t.minute:02d}"
    return khmer_digits(text) if normalise_language(lang) == "km" else text


def format_datetime(moment: dt.datetime, lang: str, *, weekday: bool = True) -> str:
    """Date and time: ``ថ្ងៃអង្គារ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២១ ម៉ោង ១៤:០៥``,
    ``Tuesday 23 November 2021, 14:05``.

    An aware ``moment`` is shown in Cambodia's time (so the date too is Cambodia's).
    """
    moment = in_cambodia(moment)
    date_text = format_date(moment.date(), lang, weekday=weekday)
    time_text = format_time(moment, lang)
    if normalise_language(lang) == "km":
        return f"{date_text} ម៉ោង {time_text}"
    return f"{date_text}, {time_text}"
