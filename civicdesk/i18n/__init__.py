"""Translation of the text people read: gettext with Babel catalogs, Khmer and English.

Source strings are English. Mark every string a person reads:

- ``_("Sign in")`` translates into the current UI language *when it is called*, so a string built
  after :func:`set_language` comes out in the new language;
- ``N_("Draft")`` only marks a string for extraction (module-level constants, enum labels); call
  ``_()`` on it where it is shown;
- ``ngettext("{count} person", "{count} people", n).format(count=n)`` for counts;
- ``pgettext("verb", "Close")`` where one English word needs two translations.

Use named ``{placeholders}`` so translators can reorder them.

Documents choose their language per export, independently of the UI::

    t = translations_for(language)
    title = t.gettext("Minutes")

(write ``t.gettext("...")`` literally: Babel extracts method calls named ``gettext``,
``ngettext`` and ``pgettext``, but not strings passed through an alias).

Whatever else speaks the UI language (Qt's own words: standard buttons, text-field menus) follows
:func:`set_language` through :func:`add_language_listener`, so this module needs no Qt.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Callable

from civicdesk.i18n.catalogs import DOMAIN, load_translations

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "_",
    "add_language_listener",
    "current_language",
    "ngettext",
    "normalise_language",
    "npgettext",
    "pgettext",
    "reload_translations",
    "remove_language_listener",
    "set_language",
    "translations_for",
]

#: The languages CivicDesk speaks, by their ISO 639-1 code.
LANGUAGES: tuple[str, ...] = ("km", "en")
DEFAULT_LANGUAGE = "en"

#: Each language's name in that language, for a language menu.
LANGUAGE_NAMES: dict[str, str] = {"km": "ខ្មែរ", "en": "English"}

_current_language = DEFAULT_LANGUAGE
_cache: dict[str, gettext.NullTranslations] = {}
_cache_lock = threading.Lock()
_language_listeners: list[Callable[[str], None]] = []


def normalise_language(code: str) -> str:
    """The CivicDesk language for a code such as ``"km"``, ``"km_KH"`` or ``"en-GB"``.

    Raises :class:`ValueError` for a language CivicDesk does not have.
    """
    base = code.strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    if base not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise ValueError(f"Unsupported language {code!r}; expected one of: {known}")
    return base


def translations_for(code: str) -> gettext.NullTranslations:
    """The catalog for one language, loaded once and then cached."""
    language = normalise_language(code)
    cached = _cache.get(language)
    if cached is not None:
        return cached
    with _cache_lock:
        translations = _cache.get(language)
        if translations is None:
            translations = load_translations(language)
            _cache[language] = translations
        return translations


def reload_translations() -> None:
    """Forget the loaded catalogs so the next lookup reads them again (for translators, tests)."""
    with _cache_lock:
        _cache.clear()


def set_language(code: str) -> None:
    """Switch the UI language; strings translated from now on come out in it, and every
    listener (:func:`add_language_listener`) is told."""
    global _current_language
    language = normalise_language(code)
    translations_for(language)  # load now, so a broken catalog fails here and not mid-paint
    _current_language = language
    for listener in tuple(_language_listeners):
        listener(language)


def add_language_listener(listener: Callable[[str], None]) -> None:
    """Call ``listener(code)`` after every :func:`set_language` from now on (adding the same
    listener again changes nothing)."""
    if listener not in _language_listeners:
        _language_listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    """Stop telling ``listener``; a listener never added is ignored."""
    if listener in _language_listeners:
        _language_listeners.remove(listener)


def current_language() -> str:
    """The UI language's code, one of :data:`LANGUAGES`."""
    return _current_language


def _ui_translations() -> gettext.NullTranslations:
    # The fast path for _() and friends, which a repaint may call thousands of times.
    cached = _cache.get(_current_language)
    return cached if cached is not None else translations_for(_current_language)


def _(message: str) -> str:
    """``message`` in the current UI language."""
    return _ui_translations().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it; translate it where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current UI language."""
    return _ui_translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current UI language, told apart from same English by ``context``."""
    return _ui_translations().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` with a disambiguating ``context``."""
    return _ui_translations().npgettext(context, singular, plural, n)
