"""`civicdesk package export|import|conflicts|resolve`: exchange packages from the command line.

Registered by `civicdesk.cli.build_parser`; the handlers are thin callers of civicdesk.exchange.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civicdesk.i18n import _
from civicdesk.services import open_database
from civicdesk.services.errors import ValidationError
from civicdesk.storage.database import Database, resolve_url

EXIT_OK = 0
EXIT_FLAGGED = 3

AddCommon = Callable[..., None]
Commands = Any  # argparse's private _SubParsersAction


def _open(args: argparse.Namespace) -> Database:
    return open_database(resolve_url(getattr(args, "db", None)))


def _meeting_ids(values: list[str]) -> list[uuid.UUID]:
    ids = []
    for value in values:
        try:
            ids.append(uuid.UUID(value))
        except ValueError:
            raise ValidationError(
                _("No meeting has the id {id}.").format(id=value), field="meeting"
            ) from None
    return ids


def cmd_package_export(args: argparse.Namespace) -> int:
    from civicdesk.exchange import export_package

    scope: list[uuid.UUID] | str = args.district if args.district else _meeting_ids(args.meeting)
    database = _open(args)
    try:
        with database.reading() as session:
            summary = export_package(session, scope, Path(args.output))
    finally:
        database.dispose()
    print(
        _(
            "Package written to {path}: {records} records of {meetings} meetings, "
            "audit head #{seq} {hash}."
        ).format(
            path=summary.path,
            records=summary.records,
            meetings=summary.meetings,
            seq=summary.head_seq,
            hash=summary.head_hash[:16],
        )
    )
    return EXIT_OK


def cmd_package_import(args: argparse.Namespace) -> int:
    from civicdesk.exchange import import_package

    database = _open(args)
    try:
        with database.transaction(args.actor) as session:
            summary = import_package(session, Path(args.package))
    finally:
        database.dispose()
    print(
        _("Imported {file} from laptop {laptop}.").format(
            file=summary.file_name, laptop=summary.laptop_id
        )
    )
    for line in summary.lines():
        print(line)
    if summary.flagged:
        print(summary.history_note, file=sys.stderr)
        return EXIT_FLAGGED
    return EXIT_OK


def cmd_package_conflicts(args: argparse.Namespace) -> int:
    from civicdesk.exchange import conflicts

    database = _open(args)
    try:
        with database.reading() as session:
            rows = conflicts(session, include_resolved=args.all)
    finally:
        database.dispose()
    if args.json:
        payload = [
            {
                "id": str(row.id),
                "table": row.table_name,
                "record_id": str(row.record_id),
                "mine": row.mine,
                "theirs": row.theirs,
                "differences": row.differences,
                "resolution": row.resolution,
            }
            for row in rows
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print(_("No conflicts to resolve."))
        return EXIT_OK
    for row in rows:
        print(
            "\t".join([str(row.id), row.table_name, str(row.record_id), ", ".join(row.differences)])
        )
    return EXIT_OK


def cmd_package_resolve(args: argparse.Namespace) -> int:
    from civicdesk.exchange import resolve_conflict

    try:
        conflict_id = uuid.UUID(args.conflict)
    except ValueError:
        raise ValidationError(
            _("No conflict has the id {id}.").format(id=args.conflict), field="conflict"
        ) from None
    database = _open(args)
    try:
        with database.transaction(args.actor) as session:
            resolve_conflict(session, conflict_id, args.keep)
    finally:
        database.dispose()
    print(_("Conflict resolved."))
    return EXIT_OK


def register(commands: Commands, add_common: AddCommon) -> None:
    """Add `package` and its actions to the `civicdesk` command's subcommands."""
    package = commands.add_parser("package", help="exchange packages between laptops")
    actions = package.add_subparsers(dest="package_command", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export", help="write the records of some meetings, or of a district, to a package"
    )
    add_common(export, top=False)
    scope = export.add_mutually_exclusive_group(required=True)
    scope.add_argument("--meeting", metavar="ID", action="append", help="a meeting (repeatable)")
    scope.add_argument("--district", metavar="CODE", help="every meeting of a district")
    export.add_argument("-o", "--output", metavar="FILE.cdpkg", required=True)
    export.set_defaults(handler=cmd_package_export)

    imported = actions.add_parser(
        "import", help="merge a package into the database (exit 3 if its history is flagged)"
    )
    add_common(imported, top=False)
    imported.add_argument("package", metavar="FILE.cdpkg")
    imported.add_argument("--actor", default="", help="who imports, for the audit log")
    imported.set_defaults(handler=cmd_package_import)

    listed = actions.add_parser("conflicts", help="list conflicts left by imports")
    add_common(listed, top=False)
    listed.add_argument("--all", action="store_true", help="resolved ones too")
    listed.add_argument("--json", action="store_true", help="print JSON")
    listed.set_defaults(handler=cmd_package_conflicts)

    resolve = actions.add_parser("resolve", help="resolve a conflict")
    add_common(resolve, top=False)
    resolve.add_argument("conflict", metavar="CONFLICT_ID")
    resolve.add_argument("--keep", choices=("mine", "theirs"), required=True)
    resolve.add_argument("--actor", default="", help="who resolves, for the audit log")
    resolve.set_defaults(handler=cmd_package_resolve)
