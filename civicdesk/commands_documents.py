"""The document commands: exports (minutes, sign-in sheet, joint list, action plan), the
organisation's signing key, and checking a signed PDF.

``register(commands, add_common)`` adds them to the ``civicdesk`` parser. In these commands
``--lang`` is the document's language (``km``, ``en`` or ``both``), chosen per export; messages
follow the language given before the command (``civicdesk --lang km minutes ...``) or
``CIVICDESK_LANG``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civicdesk.i18n import _, current_language, ngettext
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services import ValidationError, open_database
from civicdesk.storage.database import resolve_url

EXIT_OK = 0
EXIT_FAILED = 1

AddCommon = Callable[..., None]


# --------------------------------------------------------------------------- helpers


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """From the variable named by --passphrase-env, else asked for without echo."""
    variable = getattr(args, "passphrase_env", None)
    if variable:
        value = os.environ.get(variable)
        if value is None:
            raise ValidationError(
                _("The environment variable {name} is not set.").format(name=variable),
                field="passphrase_env",
            )
        return value
    if not sys.stdin.isatty():
        raise ValidationError(
            _("No terminal to ask for the passphrase: use --passphrase-env VARIABLE."),
            field="passphrase_env",
        )
    value = getpass.getpass(_("Passphrase of the organisation signing key: "))
    if confirm and getpass.getpass(_("The same passphrase again: ")) != value:
        raise ValidationError(_("The two passphrases differ."), field="passphrase")
    return value


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ID: {text}") from None


def _document_language(args: argparse.Namespace) -> DocumentLanguage:
    chosen = getattr(args, "document_language", None)
    return DocumentLanguage(chosen or current_language())


def _progress_printer(enabled: bool) -> Callable[[float], None] | None:
    if not enabled:
        return None

    def show(fraction: float) -> None:
        print(f"\r{int(fraction * 100):3d}%", end="", file=sys.stderr, flush=True)
        if fraction >= 1:
            print(file=sys.stderr)

    return show


def _export(args: argparse.Namespace, kind: DocumentKind) -> int:
    from civicdesk.documents import signing
    from civicdesk.documents.export import ExportRequest, export_document
    from civicdesk.documents.records import resolve_joint_list

    database = open_database(resolve_url(getattr(args, "db", None)))
    try:
        subject: uuid.UUID = args.id
        if kind is DocumentKind.JOINT_LIST:
            with database.reading() as session:
                subject = resolve_joint_list(session, args.id)
        motto = None if args.motto is None else args.motto == "on"
        request = ExportRequest(
            kind=kind,
            subject_id=subject,
            language=_document_language(args),
            motto=motto,
            blank_rows=getattr(args, "blank_rows", 20),
        )
        key = None
        if args.sign:
            signing.require_organisation_key()
            key = signing.load_signing_key(_passphrase(args))
        result = export_document(
            database,
            request,
            args.output,
            signing_key=key,
            actor=key.organisation if key else "",
            progress=_progress_printer(args.progress),
        )
    finally:
        database.dispose()
    print(
        ngettext(
            "Wrote {path}: {pages} page, SHA-256 {sha256}, document ID {id}.",
            "Wrote {path}: {pages} pages, SHA-256 {sha256}, document ID {id}.",
            result.pages,
        ).format(path=result.path, pages=result.pages, sha256=result.sha256, id=result.document_id)
    )
    if result.signed:
        print(_("Signed by {signer}.").format(signer=result.signer))
    if result.locked_meeting:
        print(_("The meeting is now signed and locked."))
    return EXIT_OK


def cmd_minutes(args: argparse.Namespace) -> int:
    return _export(args, DocumentKind.MINUTES)


def cmd_sign_in_sheet(args: argparse.Namespace) -> int:
    return _export(args, DocumentKind.SIGN_IN_SHEET)


def cmd_joint_list(args: argparse.Namespace) -> int:
    return _export(args, DocumentKind.JOINT_LIST)


def cmd_action_plan(args: argparse.Namespace) -> int:
    return _export(args, DocumentKind.ACTION_PLAN)


# --------------------------------------------------------------------------- keys


def _print_key(info: Any) -> None:
    print(_("Organisation: {name}").format(name=info.organisation))
    print(_("Certificate SHA-256 fingerprint: {fingerprint}").format(fingerprint=info.fingerprint))
    print(_("Valid until: {date}").format(date=info.not_after.date().isoformat()))


def cmd_key_create(args: argparse.Namespace) -> int:
    from civicdesk.documents import signing

    info = signing.create_organisation_key(
        args.org, _passphrase(args, confirm=True), replace=args.replace
    )
    print(_("Created the organisation signing key in {path}.").format(path=info.path))
    _print_key(info)
    return EXIT_OK


def cmd_key_import(args: argparse.Namespace) -> int:
    from civicdesk.documents import signing

    info = signing.import_organisation_key(args.file, _passphrase(args), replace=args.replace)
    print(_("Imported the organisation signing key into {path}.").format(path=info.path))
    _print_key(info)
    return EXIT_OK


def cmd_key_show(args: argparse.Namespace) -> int:
    from civicdesk.documents import signing

    info = signing.organisation_key_info()
    if info is None:
        print(_("This computer has no organisation signing key yet."), file=sys.stderr)
        return EXIT_FAILED
    _print_key(info)
    return EXIT_OK


def cmd_key_export_certificate(args: argparse.Namespace) -> int:
    from civicdesk.documents import signing

    path = signing.export_certificate(args.output)
    print(_("Wrote the organisation's certificate to {path}.").format(path=path))
    return EXIT_OK


def cmd_key_trust(args: argparse.Namespace) -> int:
    from civicdesk.documents import signing

    info = signing.trust_certificate(args.certificate)
    print(
        _("Signatures by {name} are now accepted on this computer.").format(name=info.organisation)
    )
    _print_key(info)
    return EXIT_OK


# --------------------------------------------------------------------------- verify


def cmd_verify(args: argparse.Namespace) -> int:
    from civicdesk.documents import signing

    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        print(
            _("Cannot read {path}: {reason}").format(path=args.file, reason=error.strerror),
            file=sys.stderr,
        )
        return EXIT_FAILED
    result = signing.verify_pdf(data, extra_trust=args.trust or ())
    if result.signer:
        print(_("Signed by: {signer}").format(signer=result.signer))
        print(_("Certificate: {fingerprint}").format(fingerprint=result.fingerprint))
    if result.signed_at:
        print(_("Signed at: {time}").format(time=result.signed_at.isoformat(timespec="seconds")))
    labels = {
        "document-id": _("Document ID: {value}"),
        "content-sha256": _("Content SHA-256: {value}"),
        "audit-head": _("Audit log head when signed: {value}"),
    }
    for key, template in labels.items():
        if key in result.details:
            print(template.format(value=result.details[key]))
    print(_("File SHA-256: {value}").format(value=result.file_sha256))
    if result.ok:
        print(_("The signature is valid and the file is unchanged since it was signed."))
        return EXIT_OK
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return EXIT_FAILED


# --------------------------------------------------------------------------- parsing


def _export_parser(
    commands: Any,
    add_common: AddCommon,
    name: str,
    handler: Callable[[argparse.Namespace], int],
    help_text: str,
    id_help: str,
) -> argparse.ArgumentParser:
    # "resolve": this command's --lang (the document's language) replaces the common one.
    sub: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text, conflict_handler="resolve"
    )
    add_common(sub, top=False)
    sub.add_argument("id", type=_uuid, metavar="ID", help=id_help)
    sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    sub.add_argument(
        "--lang",
        dest="document_language",
        choices=[language.value for language in DocumentLanguage],
        default=None,
        help="the document's language: km, en or both (default: the messages' language)",
    )
    sub.add_argument(
        "--motto",
        choices=("on", "off"),
        default=None,
        help="the national motto header (default: on for the joint list, off otherwise)",
    )
    sub.add_argument("--sign", action="store_true", help="sign the PDF with the organisation's key")
    sub.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="read the key's passphrase from this environment variable instead of asking",
    )
    sub.add_argument("--progress", action="store_true", help="show progress on stderr")
    sub.set_defaults(handler=handler)
    return sub


def register(commands: Any, add_common: AddCommon) -> None:
    """Add the document commands to the ``civicdesk`` subcommand parsers."""
    _export_parser(
        commands,
        add_common,
        "minutes",
        cmd_minutes,
        "export the minutes of a meeting as PDF (--sign signs them and locks the meeting)",
        "the meeting's ID",
    )
    sheet = _export_parser(
        commands,
        add_common,
        "sign-in-sheet",
        cmd_sign_in_sheet,
        "export the sign-in sheet of a meeting to print",
        "the meeting's ID",
    )
    sheet.add_argument(
        "--blank-rows", type=int, default=20, metavar="N", help="empty rows to add (default 20)"
    )
    _export_parser(
        commands,
        add_common,
        "joint-list",
        cmd_joint_list,
        "export a district's joint list of recommendations for signature",
        "the joint list's ID, or the ID of the meeting that made it",
    )
    _export_parser(
        commands,
        add_common,
        "action-plan",
        cmd_action_plan,
        "export the joint action plan of a meeting (landscape)",
        "the meeting's ID",
    )

    key = commands.add_parser("key", help="the organisation's signing key")
    key_commands = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    create = key_commands.add_parser(
        "create", help="create a key and a self-signed certificate naming the organisation"
    )
    add_common(create, top=False)
    create.add_argument("--org", required=True, metavar="NAME", help="the organisation's name")
    create.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    create.add_argument("--replace", action="store_true", help="replace the existing key")
    create.set_defaults(handler=cmd_key_create)
    imported = key_commands.add_parser("import", help="use the key in a PKCS#12 file")
    add_common(imported, top=False)
    imported.add_argument("file", type=Path, metavar="FILE.p12")
    imported.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    imported.add_argument("--replace", action="store_true", help="replace the existing key")
    imported.set_defaults(handler=cmd_key_import)
    show = key_commands.add_parser("show", help="show the organisation's key")
    add_common(show, top=False)
    show.set_defaults(handler=cmd_key_show)
    export = key_commands.add_parser(
        "export-certificate", help="write the certificate, for others to check signatures"
    )
    add_common(export, top=False)
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pem")
    export.set_defaults(handler=cmd_key_export_certificate)
    trust = key_commands.add_parser(
        "trust", help="accept signatures made with another organisation's certificate"
    )
    add_common(trust, top=False)
    trust.add_argument("certificate", type=Path, metavar="CERTIFICATE.pem")
    trust.set_defaults(handler=cmd_key_trust)

    verify = commands.add_parser(
        "verify",
        help="check a signed PDF: intact, by a trusted key, nothing added after signing",
    )
    add_common(verify, top=False)
    verify.add_argument("file", type=Path, metavar="FILE.pdf")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        metavar="CERTIFICATE.pem",
        help="also accept this certificate (may be repeated)",
    )
    verify.set_defaults(handler=cmd_verify)
