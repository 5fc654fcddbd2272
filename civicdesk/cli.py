"""The `civicdesk` command: the window by default, subcommands for scripting.

Every subcommand takes `--db PATH`. Domain and storage errors are printed in the UI language
and the command exits non-zero.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from civicdesk import __version__, commands_packages
from civicdesk.i18n import LANGUAGES, _, set_language
from civicdesk.i18n.labels import label
from civicdesk.services import DomainError, open_database
from civicdesk.storage.database import Database, data_dir, resolve_url
from civicdesk.storage.migrate import StorageError

log = logging.getLogger("civicdesk")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
DEMO_FILENAME = "civicdesk-demo.sqlite"


def demo_database_path() -> Path:
    return data_dir() / DEMO_FILENAME


def _url(args: argparse.Namespace) -> str:
    if getattr(args, "demo", False):
        return resolve_url(demo_database_path())
    return resolve_url(getattr(args, "db", None))


def _open(args: argparse.Namespace) -> Database:
    return open_database(_url(args))


# --------------------------------------------------------------------------- subcommands


def cmd_gui(args: argparse.Namespace) -> int:
    from civicdesk.ui.app import run

    demo = bool(args.demo)
    return run(_url(args), language=args.lang, fill_demo=demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from civicdesk.demo.builder import build_demo

    database = _open(args)
    try:
        summary = build_demo(database)
    finally:
        database.dispose()
    print(
        _(
            "Demo data written: {meetings} meetings in {districts} districts, {people} people."
        ).format(meetings=summary.meetings, districts=summary.districts, people=summary.people)
    )
    return EXIT_OK


def cmd_meetings(args: argparse.Namespace) -> int:
    from civicdesk.services.meetings import list_meetings

    database = _open(args)
    try:
        with database.reading() as session:
            rows = list_meetings(session)
    finally:
        database.dispose()
    language = args.lang or "en"
    if args.json:
        payload = [
            {
                "id": str(m.id),
                "date": m.meeting_date.isoformat(),
                "kind": m.kind.value,
                "province_code": m.province_code,
                "district_code": m.district_code,
                "status": m.status.value,
                "title_km": m.title_km,
                "title_en": m.title_en,
                "attendance_total": m.attendance.total,
                "attendance_women": m.attendance.women,
            }
            for m in rows
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print(_("No meetings yet."))
        return EXIT_OK
    header = (
        _("Id"),
        _("Date"),
        _("Kind"),
        _("District"),
        _("Status"),
        _("Total"),
        _("Women"),
        _("Title"),
    )
    print("\t".join(header))
    for m in rows:
        print(
            "\t".join(
                [
                    str(m.id),
                    m.meeting_date.isoformat(),
                    label(m.kind, language),
                    m.district_code or m.province_code,
                    label(m.status, language),
                    str(m.attendance.total),
                    str(m.attendance.women),
                    m.title(language),
                ]
            )
        )
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from civicdesk.services.integrity import verify_audit

    database = _open(args)
    try:
        with database.reading() as session:
            check = verify_audit(session)
    finally:
        database.dispose()
    print(check.message, file=sys.stdout if check.ok else sys.stderr)
    return EXIT_OK if check.ok else EXIT_FAILED


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from civicdesk.storage.migrate import current_revision, upgrade

    database = Database(_url(args))
    try:
        backup = upgrade(database.engine)
        revision = current_revision(database.engine)
    finally:
        database.dispose()
    if backup:
        print(
            _("Upgraded to schema {revision}; the previous file was copied to {backup}.").format(
                revision=revision, backup=backup
            )
        )
    else:
        print(_("The database is up to date (schema {revision}).").format(revision=revision))
    return EXIT_OK


# --------------------------------------------------------------------------- parsing


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Accepted before and after the subcommand; the subcommand's value wins.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="the database file (default: CIVICDESK_DB, "
        "CIVICDESK_DATABASE_URL, or the file in the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=default, help="the language of messages and the window"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civicdesk",
        description="CivicDesk: joint consultation meetings between district administrations "
        "and civil society. With no subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"CivicDesk {__version__}")
    _add_common(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the demo database (created and filled if needed)"
    )
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_common(sub, top=False)
        sub.set_defaults(handler=handler)
        return sub

    add("demo", cmd_demo, "fill an empty database with the Battambang programme")
    meetings = add("meetings", cmd_meetings, "list meetings")
    meetings.add_argument("--json", action="store_true", help="print JSON")
    from civicdesk.commands_documents import register as register_document_commands

    register_document_commands(commands, _add_common)

    audit = commands.add_parser("audit", help="check the audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser(
        "verify", help="recompute the hash chain and compare the data with it"
    )
    _add_common(verify, top=False)
    verify.set_defaults(handler=cmd_audit_verify)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply pending schema migrations")
    _add_common(upgrade, top=False)
    upgrade.set_defaults(handler=cmd_db_upgrade)
    commands_packages.register(commands, _add_common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("CIVICDESK_LOG_LEVEL", "WARNING"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    set_language(args.lang or os.environ.get("CIVICDESK_LANG") or "en")
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (DomainError, StorageError) as error:
        print(_("Error: {message}").format(message=error), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
