"""How stored bilingual text is shown: the UI language's version, wrappable between Khmer words."""

from __future__ import annotations

import re

from civicdesk.i18n import current_language
from civicdesk.i18n.linebreak import with_break_hints

_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")


def in_language(km: str, en: str) -> str:
    """The UI language's text, or the other one when it is empty."""
    first, second = (km, en) if current_language() == "km" else (en, km)
    return first or second


def wrappable(text: str) -> str:
    """Khmer text with invisible break hints between its words (Khmer writes no spaces, and Qt
    wraps only at spaces and U+200B); other text as it is, so codes and English copy cleanly."""
    return with_break_hints(text) if _KHMER.search(text) else text
