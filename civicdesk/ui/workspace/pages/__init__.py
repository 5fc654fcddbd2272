"""The step pages, by step. Each page lives in its own module."""

from __future__ import annotations

from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.steps import Step

#: Filled in by each page module's registration below.
PAGES: dict[Step, type[StepPage]] = {}


def register(page: type[StepPage]) -> type[StepPage]:
    PAGES[page.step] = page
    return page


def load_pages() -> dict[Step, type[StepPage]]:
    """Import every page module (each registers itself) and return the registry."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return PAGES
