"""Exchange packages: a district laptop's records, carried to the secretariat in one file.

`export_package` writes the records of some meetings (or of a district) with the audit history
that proves them; `import_package` merges a package by record id in one transaction, keeps what
was changed on both sides as conflicts (`conflicts`, `resolve_conflict`), and records each
laptop's audit-chain head. No Qt here: the window and the command line call these.
"""

from civicdesk.exchange.conflicts import ConflictView, conflicts, resolve_conflict
from civicdesk.exchange.errors import PackageError
from civicdesk.exchange.export import ExportSummary, export_package
from civicdesk.exchange.history import History
from civicdesk.exchange.merge import ImportSummary, import_package, preview_import

__all__ = [
    "ConflictView",
    "ExportSummary",
    "History",
    "ImportSummary",
    "PackageError",
    "conflicts",
    "export_package",
    "import_package",
    "preview_import",
    "resolve_conflict",
]
