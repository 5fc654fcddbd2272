"""Hatchling build hook: put the compiled catalogs and the resources into the wheel.

For a wheel this hook

- compiles every ``translations/<lang>/LC_MESSAGES/<domain>.po`` with Babel (fuzzy entries left
  out, as msgfmt does) and force-includes it as ``civicdesk/locale/<lang>/LC_MESSAGES/<domain>.mo``;
- force-includes the top-level ``resources/`` folder (fonts with their licence, Qt's compiled
  Khmer catalog ``qt/qtbase_km.qm``, which is committed, icons, templates) as
  ``civicdesk/resources/``.

``civicdesk.i18n`` finds both through ``importlib.resources``. Compiled ``.mo`` files are never
committed. Editable installs get nothing from this hook: they run from the checkout, where
``civicdesk.i18n`` compiles the ``.po`` files in memory and finds ``resources/`` beside the package
(hatchling would otherwise copy the files into site-packages, where they would go stale).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "civicdesk"


def compile_catalog(po_path: Path, mo_path: Path, language: str) -> None:
    """Compile one ``.po`` file to ``.mo``; an invalid ``.po`` fails the build."""
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language, domain=po_path.stem, abort_invalid=True)
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    with mo_path.open("wb") as mo_file:
        write_mo(mo_file, catalog, use_fuzzy=False)


class CatalogBuildHook(BuildHookInterface[BuilderConfig]):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        force_include: dict[str, str] = build_data["force_include"]
        self._include_compiled_catalogs(root / "translations", force_include)
        resources = root / "resources"
        if not resources.is_dir():
            raise RuntimeError(f"The resources folder {resources} is missing")
        force_include[str(resources)] = f"{PACKAGE}/resources"

    def _include_compiled_catalogs(self, translations: Path, force_include: dict[str, str]) -> None:
        catalogs = sorted(translations.glob("*/LC_MESSAGES/*.po"))
        if not catalogs:
            raise RuntimeError(f"No translation catalogs found under {translations}")
        self._compiled = Path(tempfile.mkdtemp(prefix=f"{PACKAGE}-locale-"))
        for po_path in catalogs:
            language = po_path.parents[1].name
            relative = Path(language) / "LC_MESSAGES" / f"{po_path.stem}.mo"
            mo_path = self._compiled / relative
            compile_catalog(po_path, mo_path, language)
            force_include[str(mo_path)] = f"{PACKAGE}/locale/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            shutil.rmtree(compiled, ignore_errors=True)
