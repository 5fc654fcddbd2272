"""Finding and loading the gettext catalogs.

An installed wheel carries compiled catalogs at ``civicdesk/locale/<lang>/LC_MESSAGES/civicdesk.mo``
(the build hook in ``hatch_build.py`` compiles them). Compiled catalogs are not committed, so a
checkout or an editable install has only ``translations/<lang>/LC_MESSAGES/civicdesk.po``: that
file is compiled in memory with Babel when it is first needed.
"""

from __future__ import annotations

import gettext
import io
import logging
from importlib import resources
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "civicdesk"

#: The checkout's top-level folder (``civicdesk/i18n/catalogs.py`` → two levels up).
CHECKOUT_ROOT = Path(__file__).resolve().parents[2]

_log = logging.getLogger(__name__)


def installed_catalog(code: str) -> bytes | None:
    """The compiled catalog shipped inside the installed package, if there is one."""
    try:
        candidate = resources.files("civicdesk").joinpath(
            "locale", code, "LC_MESSAGES", f"{DOMAIN}.mo"
        )
        if candidate.is_file():
            return candidate.read_bytes()
    except (FileNotFoundError, NotADirectoryError, ModuleNotFoundError):
        pass
    return None


def checkout_catalog_source(code: str) -> Path | None:
    """The translator's ``.po`` file in a checkout, if this package runs from one."""
    candidate = CHECKOUT_ROOT / "translations" / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    return candidate if candidate.is_file() else None


def compile_po(po_path: Path, code: str) -> bytes:
    """Compile a ``.po`` file to ``.mo`` bytes; fuzzy entries are left out, as msgfmt does."""
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=code, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def load_translations(code: str) -> gettext.NullTranslations:
    """Load the catalog for one language, or untranslated (source English) text if none exists."""
    compiled = installed_catalog(code)
    if compiled is None:
        source = checkout_catalog_source(code)
        if source is not None:
            compiled = compile_po(source, code)
    if compiled is None:
        # English is the source language and has no catalog; any other language without one
        # falls back to English rather than failing, but say so in the log.
        if code != "en":
            _log.warning("No %s catalog found for language %r; showing English", DOMAIN, code)
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(compiled))
