"""The bundled fonts: Noto Sans Khmer, with Noto Sans for Latin text.

Noto Sans Khmer has Khmer letters and digits, punctuation and the zero-width space, but no Latin
letters or Latin digits, so text mixing both scripts needs Noto Sans as its fallback. Both are under
the SIL Open Font License 1.1 (``resources/fonts/OFL.txt``).

An installed wheel has them at ``civicdesk/resources/fonts/`` (``pyproject.toml`` force-includes
the top-level ``resources/`` there); a checkout has them at ``resources/fonts/``.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from civicdesk.i18n.catalogs import CHECKOUT_ROOT

__all__ = [
    "FONT_FILES",
    "KHMER_FONT_FAMILY",
    "LATIN_FONT_FAMILY",
    "font_paths",
]

#: Family names as the font files declare them (what Qt reports after registering them).
KHMER_FONT_FAMILY = "Noto Sans Khmer"
LATIN_FONT_FAMILY = "Noto Sans"

#: Role → file name in ``resources/fonts/``.
FONT_FILES: dict[str, str] = {
    "regular": "NotoSansKhmer-Regular.ttf",
    "bold": "NotoSansKhmer-Bold.ttf",
    "latin_regular": "NotoSans-Regular.ttf",
    "latin_bold": "NotoSans-Bold.ttf",
}

# Keeps files extracted from a zipped install alive until the interpreter exits.
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _as_path(resource: Traversable) -> Path:
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(resources.as_file(resource))


def _font_path(file_name: str) -> Path:
    try:
        packaged = resources.files("civicdesk").joinpath("resources", "fonts", file_name)
        if packaged.is_file():
            return _as_path(packaged)
    except (FileNotFoundError, NotADirectoryError, ModuleNotFoundError):
        pass
    in_checkout = CHECKOUT_ROOT / "resources" / "fonts" / file_name
    if in_checkout.is_file():
        return in_checkout
    raise FileNotFoundError(
        f"Bundled font {file_name} is missing: neither installed under civicdesk/resources/fonts "
        f"nor present at {in_checkout}"
    )


@functools.cache
def _all_font_paths() -> tuple[tuple[str, Path], ...]:
    return tuple((role, _font_path(file_name)) for role, file_name in FONT_FILES.items())


def font_paths() -> dict[str, Path]:
    """Paths of the bundled font files by role.

    ``"regular"`` and ``"bold"`` are Noto Sans Khmer; ``"latin_regular"`` and ``"latin_bold"`` are
    Noto Sans, the fallback for Latin letters and digits. Raises :class:`FileNotFoundError` if a
    file is missing.
    """
    return dict(_all_font_paths())
