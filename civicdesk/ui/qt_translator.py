"""Qt's own words (OK, Cancel, Yes, No on standard buttons; the context menu of text fields) in
the UI language. Qt ships no Khmer catalog, so they come from ours.

Qt asks when it creates a standard button, so a dialog opened after a language switch speaks
the new language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from civicdesk.i18n import N_, _, current_language

#: The source texts Qt uses for standard buttons (QPlatformTheme) and text-field menus
#: (QLineEdit, QWidgetTextControl), marked here so they are extracted for translation.
QT_STRINGS = (
    N_("OK"),
    N_("Save"),
    N_("Save All"),
    N_("&Yes"),
    N_("Yes to &All"),
    N_("&No"),
    N_("N&o to All"),
    N_("Abort"),
    N_("Retry"),
    N_("Ignore"),
    N_("Close"),
    N_("Cancel"),
    N_("Discard"),
    N_("Help"),
    N_("Apply"),
    N_("Reset"),
    N_("Restore Defaults"),
    N_("&Undo"),
    N_("&Redo"),
    N_("Cu&t"),
    N_("&Copy"),
    N_("&Paste"),
    N_("Delete"),
    N_("Select All"),
    N_("Show Details..."),
    N_("Hide Details..."),
)
_KNOWN = frozenset(QT_STRINGS)


class CatalogTranslator(QTranslator):
    """Answers Qt's requests for its own strings from CivicDesk's gettext catalog."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": PySide turns "" into an empty (not null) QString, which Qt takes as a
        # translation to nothing, and every tr() in Qt (image readers' included) goes blank.
        if source in _KNOWN and current_language() != "en":
            translated = _(source)
            if translated != source:
                return translated
        return None


def install(app: QCoreApplication) -> CatalogTranslator:
    """Install the translator once per application (again is a no-op)."""
    existing = app.findChild(CatalogTranslator)
    if isinstance(existing, CatalogTranslator):
        return existing
    translator = CatalogTranslator(app)
    app.installTranslator(translator)
    return translator

