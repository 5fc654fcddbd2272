"""Copies of a live SQLite database, made through SQLite's online backup API.

Copying the file itself would miss the commits still in the `-wal` file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from civicdesk.models.base import utcnow


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy the database at `source` into `destination` (replaced if it exists)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(destination))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def restore_sqlite(backup: Path, target: Path) -> None:
    """Put the contents of `backup` back into `target`, through the backup API."""
    backup_sqlite(backup, target)


def backup_name(path: Path, label: str) -> Path:
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.stem}.{label}-{stamp}.bak{path.suffix}")
