"""The language or languages of one document, chosen per export and never taken from the UI.

A document is in Khmer, in English, or in both (Khmer first). Everything it prints is a
:data:`Phrase`: the text in each of the document's languages, one entry per language, which the
layout then stacks (headings, table headers) or joins on one line.

Write fixed wording as ``wording.gettext("Venue")`` (literally ``.gettext(``, so that Babel
extracts it); stored bilingual content goes through :meth:`Wording.pick`.
"""

from __future__ import annotations

import datetime as dt
import enum
import gettext as gettext_module

from civicdesk.i18n import translations_for
from civicdesk.i18n.khmer import format_date, format_number, format_time, khmer_digits
from civicdesk.i18n.labels import label
from civicdesk.models.enums import DocumentLanguage

__all__ = ["Phrase", "Wording"]

#: A text in each of a document's languages (one or two entries, Khmer first).
Phrase = tuple[str, ...]


class Wording:
    def __init__(self, language: DocumentLanguage | str) -> None:
        self.language = DocumentLanguage(language)
        if self.language is DocumentLanguage.BOTH:
            self.languages: tuple[str, ...] = ("km", "en")
        else:
            self.languages = (self.language.value,)
        self._catalogs: tuple[gettext_module.NullTranslations, ...] = tuple(
            translations_for(code) for code in self.languages
        )

    @property
    def bilingual(self) -> bool:
        return len(self.languages) == 2

    @property
    def khmer(self) -> bool:
        """Whether the document's first language is Khmer (Khmer digits in page numbers)."""
        return self.languages[0] == "km"

    def gettext(self, message: str) -> Phrase:
        """A fixed English text in each of the document's languages."""
        return tuple(catalog.gettext(message) for catalog in self._catalogs)

    def format(self, phrase: Phrase, **values: object) -> Phrase:
        """``phrase`` with ``{placeholders}`` filled; values that are phrases are filled per
        language, numbers with each language's digits."""
        filled = []
        for index, (text, code) in enumerate(zip(phrase, self.languages, strict=True)):
            per_language = {}
            for key, value in values.items():
                if isinstance(value, tuple):
                    per_language[key] = value[index] if index < len(value) else value[0]
                elif isinstance(value, int) and not isinstance(value, bool):
                    per_language[key] = format_number(value, code)
                else:
                    per_language[key] = str(value)
            filled.append(text.format(**per_language))
        return tuple(filled)

    def pick(self, khmer: str, english: str) -> Phrase:
        """Stored content in each language; a language left empty while drafting falls back to
        the other, so nothing recorded goes missing from the document."""
        texts = []
        for code in self.languages:
            first, second = (khmer, english) if code == "km" else (english, khmer)
            texts.append(first or second)
        if self.bilingual and texts[0] == texts[1]:
            return (texts[0],)
        return tuple(texts)

    def same(self, text: str) -> Phrase:
        """Text that is the same in every language (a name, a code)."""
        return (text,)

    def label(self, member: enum.Enum) -> Phrase:
        return tuple(label(member, code) for code in self.languages)

    def number(self, value: int) -> Phrase:
        """A number, in the first language's digits only: a number reads the same in both."""
        if -1000 < value < 1000:  # no grouping separator: skip Babel, slow for table rows
            return (khmer_digits(value) if self.khmer else str(value),)
        return (format_number(value, self.languages[0]),)

    def date(self, value: dt.date, *, weekday: bool = True) -> Phrase:
        return tuple(format_date(value, code, weekday=weekday) for code in self.languages)

    def time(self, value: dt.time) -> Phrase:
        return tuple(format_time(value, code) for code in self.languages)

    def first(self, phrase: Phrase) -> str:
        return phrase[0]

    @staticmethod
    def inline(phrase: Phrase, separator: str = " / ") -> str:
        """The phrase on one line: ``ខ្មែរ / English``."""
        return separator.join(dict.fromkeys(phrase))

    @staticmethod
    def stacked(phrase: Phrase) -> str:
        """The phrase with each language on its own line."""
        return "\n".join(dict.fromkeys(phrase))
