"""Qt's own words in the UI language: standard buttons (OK, Cancel, Yes, No), "Show Details…",
the text fields' context menu, Qt's file, input and progress dialogs.

Qt ships catalogs for many languages but none for Khmer, so CivicDesk ships its own:
``translations/qt/qtbase_km.ts``, compiled by ``scripts/update_translations.py`` to
``resources/qt/qtbase_km.qm`` (``civicdesk/resources/qt/`` in the wheel). Plain ``QTranslator``
objects load the compiled files. (A Python subclass of ``QTranslator`` answering from the gettext
catalog crashed the interpreter at exit, a PySide refcount error; do not bring it back.)

:func:`follow_ui_language` makes the translators follow :func:`civicdesk.i18n.set_language`:
switching languages removes the old ones and installs the new, and Qt sends every widget a
``LanguageChange`` event, on which Qt's own dialogs retranslate their standard buttons. That
happens inside ``set_language``, before the windows retranslate themselves, so a button whose
text a window chose (``"&Plan the meeting"`` on an Ok button) keeps it.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from civicdesk.i18n import add_language_listener, current_language, normalise_language
from civicdesk.i18n.catalogs import CHECKOUT_ROOT

__all__ = [
    "bundled_qt_catalog",
    "follow_ui_language",
    "install_qt_translations",
    "installed_qt_language",
]

#: Qt's catalog for its base modules (QtCore, QtGui, QtWidgets), by Qt's own naming.
QT_CATALOG = "qtbase"

# Our translators are children of the application, named so they can be found again.
_NAME_PREFIX = "civicdesk-qt-translator"
# The application's dynamic property holding the language whose translators are installed.
_LANGUAGE_PROPERTY = "civicdeskQtLanguage"

# Keeps a catalog extracted from a zipped install alive until the interpreter exits.
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def bundled_qt_catalog(language: str) -> Path | None:
    """CivicDesk's compiled Qt catalog for ``language``, if it ships one (Khmer does)."""
    file_name = f"{QT_CATALOG}_{language}.qm"
    try:
        packaged = resources.files("civicdesk").joinpath("resources", "qt", file_name)
        if packaged.is_file():
            if isinstance(packaged, Path):
                return packaged
            return _extracted.enter_context(resources.as_file(packaged))
    except (FileNotFoundError, NotADirectoryError, ModuleNotFoundError):
        pass
    in_checkout = CHECKOUT_ROOT / "resources" / "qt" / file_name
    return in_checkout if in_checkout.is_file() else None


def _qt_own(language: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(QLocale(language), QT_CATALOG, "_", folder) else None


def _bundled(language: str) -> QTranslator | None:
    path = bundled_qt_catalog(language)
    translator = QTranslator()
    return translator if path is not None and translator.load(str(path)) else None


def _translators_for(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's own catalog where Qt ships one, then ours (the last installed is asked first). Each
    is loaded once and kept as a child of the application, so switching back and forth neither
    reloads nor deletes one."""
    found = []
    for source, load in (("qt", _qt_own), ("civicdesk", _bundled)):
        name = f"{_NAME_PREFIX}-{source}-{language}"
        translator = app.findChild(QTranslator, name)
        if not isinstance(translator, QTranslator):
            translator = load(language)
            if translator is None:
                continue
            translator.setObjectName(name)
            translator.setParent(app)
        found.append(translator)
    return found


def install_qt_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Put Qt's own words into ``language``: remove the translators installed for another
    language, install this one's. Returns the translators now installed."""
    language = normalise_language(language)
    for old in app.findChildren(QTranslator):
        if old.objectName().startswith(_NAME_PREFIX):
            app.removeTranslator(old)
    installed = _translators_for(app, language)
    for translator in installed:
        app.installTranslator(translator)
    app.setProperty(_LANGUAGE_PROPERTY, language)
    # Qt posts every widget a LanguageChange event, on which a QDialogButtonBox puts Qt's own
    # words back on its standard buttons: "&Plan the meeting" would become "OK" once the event
    # loop ran, after the window had retranslated. Delivered now, they come before it does.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return installed


def installed_qt_language(app: QCoreApplication) -> str | None:
    """The language whose Qt translators are installed, if :func:`install_qt_translations` ran."""
    value = app.property(_LANGUAGE_PROPERTY)
    return value if isinstance(value, str) else None


def _on_language_set(language: str) -> None:
    app = QCoreApplication.instance()
    if app is not None and installed_qt_language(app) != language:
        install_qt_translations(app, language)


def follow_ui_language(app: QCoreApplication) -> None:
    """Qt's own words in the current UI language now, and in each new one set from now on."""
    install_qt_translations(app, current_language())
    add_language_listener(_on_language_set)
