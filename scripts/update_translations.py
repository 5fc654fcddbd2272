"""Extract CivicDesk's translatable strings and bring the translation catalogs up to date.

Run from anywhere::

    python scripts/update_translations.py            # write translations/civicdesk.pot and .po
    python scripts/update_translations.py --check    # change nothing; exit 1 if anything is due
    python scripts/update_translations.py --qt-only  # only compile Qt's own words (.ts to .qm)

What it does:

1. Extracts every string marked with ``_()``, ``N_()``, ``gettext()``, ``ngettext()``,
   ``pgettext()`` or ``npgettext()`` (also as methods, e.g. ``translations_for("km").gettext``)
   in the files ``babel.cfg`` names (``civicdesk/**.py``) into ``translations/civicdesk.pot``,
   with ``# TRANSLATORS:`` comments from the source as notes for translators.
2. Updates ``translations/<lang>/LC_MESSAGES/civicdesk.po`` for each language in
   :data:`TARGET_LANGUAGES`, creating it from the template the first time. Existing translations
   are kept; a string whose English changed gets its old translation as a *fuzzy* suggestion,
   which is not used until a translator checks it and removes the ``fuzzy`` flag.
3. Compiles Qt's own words, ``translations/qt/qtbase_<lang>.ts`` (Qt Linguist files, edited by
   hand or in Qt Linguist), with Qt's ``lrelease`` from the PySide6 wheel into
   ``resources/qt/qtbase_<lang>.qm``, which the wheel carries and ``civicdesk.ui.qt_translations``
   installs. Unfinished entries are left out.
4. Prints what still needs translating (empty or fuzzy entries, unfinished Qt entries).

A file is rewritten only when something other than its timestamp changed, so running the script
twice gives no diff. Compiled ``.mo`` files are not committed: the wheel build
(``hatch_build.py``) compiles them, and a checkout compiles the ``.po`` in memory at start-up.
The Qt ``.qm`` files are committed: only ``lrelease`` (a Qt program, not a build dependency)
compiles them. Its output is the same for the same ``.ts``; ``tests/ui/test_qt_translations.py``
fails when a committed ``.qm`` is older than its ``.ts``.

Why there is no English catalog: the source strings *are* the English text, and
``civicdesk.i18n.translations_for("en")`` uses ``gettext.NullTranslations``, whose plural rule
(``n != 1``) is English's. An English ``.po`` would only copy every msgid into its msgstr and
would need keeping in step for nothing. Reword English in the source instead (and the Khmer entry
then comes back fuzzy for review). To add a language, add its code to :data:`TARGET_LANGUAGES`
and to ``civicdesk.i18n.LANGUAGES``.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
MAPPING_FILE = ROOT / "babel.cfg"
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "civicdesk.pot"
DOMAIN = "civicdesk"

#: Languages with a catalog. English is the source language and has none (see above).
TARGET_LANGUAGES: tuple[str, ...] = ("km",)

#: Qt's own words: Qt Linguist sources, and where their compiled catalogs go.
QT_TRANSLATIONS = TRANSLATIONS / "qt"
QT_COMPILED = ROOT / "resources" / "qt"

KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("TRANSLATORS:",)

# Folders never searched for sources (virtual environments and build output can be large).
_SKIPPED_FOLDERS = frozenset({"build", "dist", "node_modules", "venv", "env"})

# Header lines that change on every run; ignored when deciding whether a file changed.
_VOLATILE_HEADERS = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')


def catalog_path(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _project_version() -> str:
    init_text = (ROOT / "civicdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", init_text, re.MULTILINE)
    return found.group(1) if found else "0"


def _searched_folder(path: str) -> bool:
    name = Path(path).name
    return not name.startswith((".", "_")) and name not in _SKIPPED_FOLDERS


def extract_template() -> Catalog:
    """Every marked string in the sources, as a template catalog."""
    with MAPPING_FILE.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(MAPPING_FILE))  # type: ignore[no-untyped-call]
    template = Catalog(
        project="CivicDesk",
        version=_project_version(),
        copyright_holder="CivicDesk contributors",
        charset="utf-8",
        fuzzy=False,
        header_comment=(
            "# Translation template for CivicDesk.\n"
            "# Generated by scripts/update_translations.py; do not edit by hand.\n"
            "# This file is distributed under the same license as the CivicDesk project."
        ),
    )
    extracted = extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=KEYWORDS,  # type: ignore[arg-type]
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
        directory_filter=_searched_folder,
    )
    for filename, lineno, message, comments, context in extracted:
        location = (Path(filename).as_posix(), lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def render(catalog: Catalog) -> bytes:
    """The catalog as .po/.pot text, formatted the same way every time."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, sort_by_file=False)
    return buffer.getvalue()


def _without_volatile_headers(text: bytes) -> list[bytes]:
    return [line for line in text.splitlines() if not line.startswith(_VOLATILE_HEADERS)]


def write_if_changed(path: Path, catalog: Catalog, *, dry_run: bool) -> bool:
    """Write ``catalog`` to ``path`` unless only timestamps would change; whether it changed."""
    rendered = render(catalog)
    old = path.read_bytes() if path.exists() else None
    if old is not None and _without_volatile_headers(old) == _without_volatile_headers(rendered):
        return False
    if not dry_run:
        if catalog.locale is not None:
            catalog.revision_date = datetime.now().astimezone()
            rendered = render(catalog)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered)
    return True


def updated_catalog(language: str, template: Catalog) -> Catalog:
    """The language's catalog brought up to date with ``template`` (or created from it)."""
    path = catalog_path(language)
    if path.exists():
        with path.open("rb") as po_file:
            catalog = read_po(po_file, locale=language, domain=DOMAIN, abort_invalid=True)
        catalog.update(template, update_creation_date=True)
        # Obsolete entries only feed fuzzy matching; the git history keeps old translations.
        catalog.obsolete.clear()
        return catalog
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project=template.project,
        version=template.version,
        copyright_holder=template.copyright_holder,
        charset="utf-8",
        fuzzy=False,
        creation_date=template.creation_date,
        header_comment=(
            f"# {Locale.parse(language).english_name} translations for CivicDesk.\n"
            "# This file is distributed under the same license as the CivicDesk project."
        ),
    )
    catalog.language_team = catalog.locale.english_name if catalog.locale else language
    catalog.last_translator = "CivicDesk translators"
    catalog.update(template)
    return catalog


def needs_work(catalog: Catalog) -> list[Message]:
    """Entries without a usable translation: empty, or flagged fuzzy."""
    pending = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            pending.append(message)
    return pending


def _describe(messages: Iterable[Message]) -> str:
    lines = []
    for message in messages:
        text = message.id[0] if isinstance(message.id, tuple) else message.id
        state = "fuzzy" if message.fuzzy else "untranslated"
        context = f" [{message.context}]" if message.context else ""
        lines.append(f"    {state}: {text!r}{context}")
    return "\n".join(lines)


def qt_catalog_sources() -> list[Path]:
    """The Qt Linguist files for Qt's own words, one per language."""
    return sorted(QT_TRANSLATIONS.glob("*.ts"))


def compiled_qt_catalog(source: Path) -> Path:
    """Where the compiled catalog for ``translations/qt/<name>.ts`` is committed."""
    return QT_COMPILED / f"{source.stem}.qm"


def lrelease() -> Path:
    """Qt's ``lrelease``, from the PySide6 wheel (``pyside6-lrelease`` runs the same file)."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_qt_catalog(source: Path, target: Path) -> None:
    """Compile one ``.ts`` to ``.qm``, leaving unfinished entries out; fails on an invalid file."""
    command = [str(lrelease()), "-silent", "-nounfinished", str(source), "-qm", str(target)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not target.is_file():
        raise RuntimeError(f"lrelease failed on {source}:\n{done.stdout}{done.stderr}")


def unfinished_qt_messages(source: Path) -> list[str]:
    """The entries a translator has not finished (``type="unfinished"``, or vanished from Qt):
    lrelease leaves them out."""
    unfinished = []
    for context in ElementTree.parse(source).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                where = context.findtext("name", "")
                unfinished.append(f"{message.findtext('source', '')!r} [{where}]")
    return unfinished


def update_qt_catalog(source: Path, *, dry_run: bool) -> bool:
    """Recompile ``source`` and write the ``.qm`` unless it is unchanged; whether it changed."""
    target = compiled_qt_catalog(source)
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / target.name
        compile_qt_catalog(source, fresh)
        compiled = fresh.read_bytes()
    if target.is_file() and target.read_bytes() == compiled:
        return False
    if not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compiled)
    return True


def _update_gettext_catalogs(stale: list[Path], *, dry_run: bool) -> bool:
    """Bring the template and each language's .po up to date, adding the paths that change (or,
    with ``dry_run``, would change) to ``stale``; whether any catalog still needs work."""
    template = extract_template()
    if write_if_changed(TEMPLATE, template, dry_run=dry_run):
        stale.append(TEMPLATE)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} messages")

    incomplete = False
    for language in TARGET_LANGUAGES:
        catalog = updated_catalog(language, template)
        path = catalog_path(language)
        if write_if_changed(path, catalog, dry_run=dry_run):
            stale.append(path)
        pending = needs_work(catalog)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(pending)} need work")
        if pending:
            incomplete = True
            print(_describe(pending))
    return incomplete


def _update_qt_catalogs(stale: list[Path], *, dry_run: bool) -> bool:
    """Compile each Qt catalog whose .qm is out of date (adding it to ``stale``); whether any
    has unfinished entries."""
    incomplete = False
    for source in qt_catalog_sources():
        if update_qt_catalog(source, dry_run=dry_run):
            stale.append(compiled_qt_catalog(source))
        unfinished = unfinished_qt_messages(source)
        print(f"{source.relative_to(ROOT)}: {len(unfinished)} unfinished")
        if unfinished:
            incomplete = True
            print("\n".join(f"    unfinished: {text}" for text in unfinished))
    return incomplete


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the template or a catalog is out of date or incomplete",
    )
    parser.add_argument(
        "--qt-only",
        action="store_true",
        help="only Qt's own words: compile translations/qt/*.ts, leave the gettext catalogs alone",
    )
    args = parser.parse_args(argv)

    stale: list[Path] = []
    incomplete = False
    if not args.qt_only:
        incomplete = _update_gettext_catalogs(stale, dry_run=args.check)
    incomplete = _update_qt_catalogs(stale, dry_run=args.check) or incomplete

    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run scripts/update_translations.py)")
        return 1 if stale or incomplete else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
