"""The package file: a zip with a versioned manifest, one JSON entry per table, the audit events
that prove the records' history, and the SHA-256 of every entry.

    manifest.json           format and app version, source laptop, audit-chain head, entries
    records/<table>.json    {"table": ..., "columns": [...], "rows": [[...], ...]}
    audit/events.json       {"events": [...]}: every event of the source's chain, in full for
                            the records in the package, as (seq, prev_hash, hash) otherwise

Reading checks everything that can be checked without the database, and refuses the package
with a PackageError naming the problem in the UI language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from civicdesk.exchange.errors import PackageError
from civicdesk.i18n import _

FORMAT = "civicdesk-package"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
EVENTS_NAME = "audit/events.json"
RECORDS_FOLDER = "records/"
#: No entry of a real package comes near this; a bigger one is damaged or hostile.
MAX_ENTRY_BYTES = 1024 * 1024 * 1024
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True)
class Manifest:
    package_id: uuid.UUID
    laptop_id: uuid.UUID
    created_at: dt.datetime
    app_version: str
    schema_revision: str
    head_seq: int
    head_hash: str
    meeting_ids: tuple[uuid.UUID, ...]
    district_code: str | None
    #: Entry name → SHA-256 of its bytes.
    entries: Mapping[str, str]


@dataclass(frozen=True)
class RawPackage:
    """A package whose entries were read and match their hashes, not yet interpreted."""

    path: Path
    manifest: Manifest
    #: Table name → (column names, rows as JSON lists).
    tables: Mapping[str, tuple[list[str], list[list[Any]]]]
    events: list[dict[str, Any]]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --------------------------------------------------------------------------- writing


def write_package(path: Path, manifest: dict[str, Any], entries: Mapping[str, bytes]) -> None:
    """Write the zip next to `path` and rename it into place, so that a crash or a full disk
    leaves either the old file or the complete new one, never half a package."""
    path = Path(path)
    manifest = dict(manifest)
    manifest["entries"] = {name: {"sha256": sha256(data)} for name, data in entries.items()}
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=1))
            for name, data in entries.items():
                archive.writestr(name, data)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder is flushed (not possible on Windows).
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# --------------------------------------------------------------------------- reading


def _refuse(reason: str) -> PackageError:
    return PackageError(
        _("This package cannot be imported: {reason} Nothing was changed.").format(reason=reason)
    )


def _damaged() -> PackageError:
    return _refuse(_("the file is not a complete CivicDesk package (damaged or cut short)."))


def _read_entry(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise _refuse(_("the part {name} is missing.").format(name=name)) from None
    if info.file_size > MAX_ENTRY_BYTES:
        raise _refuse(_("the part {name} is far too large.").format(name=name))
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise _damaged() from error


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _refuse(_("the part {name} is not valid JSON.").format(name=name)) from None


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise _refuse(_("its manifest is incomplete ({key}).").format(key=key))
    return value


def _manifest_uuid(data: Mapping[str, Any], key: str) -> uuid.UUID:
    try:
        return uuid.UUID(_text(data, key))
    except ValueError:
        raise _refuse(_("its manifest is incomplete ({key}).").format(key=key)) from None


def _parse_manifest(data: Any) -> Manifest:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse(_("it is not a CivicDesk exchange package."))
    version = data.get("format_version")
    if type(version) is not int or version < 1:
        raise _refuse(_("its manifest is incomplete ({key}).").format(key="format_version"))
    if version > FORMAT_VERSION:
        raise _refuse(
            _(
                "it was made by a newer version of CivicDesk ({app}, package format {version}). "
                "Install that version to import it."
            ).format(app=str(data.get("app_version", "?")), version=version)
        )
    head = data.get("audit_head")
    scope = data.get("scope")
    entries = data.get("entries")
    if not isinstance(head, dict) or not isinstance(scope, dict) or not isinstance(entries, dict):
        raise _refuse(_("its manifest is incomplete ({key}).").format(key="audit_head"))
    seq = head.get("seq")
    if type(seq) is not int or seq < 0:
        raise _refuse(_("its manifest is incomplete ({key}).").format(key="audit_head"))
    try:
        created_at = dt.datetime.strptime(_text(data, "created_at"), _TIMESTAMP_FORMAT)
        meeting_ids = tuple(uuid.UUID(str(m)) for m in scope.get("meetings", []))
    except (ValueError, TypeError):
        raise _refuse(_("its manifest is incomplete ({key}).").format(key="scope")) from None
    district = scope.get("district_code")
    hashes: dict[str, str] = {}
    for name, entry in entries.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise _refuse(_("its manifest is incomplete ({key}).").format(key="entries"))
        hashes[str(name)] = entry["sha256"]
    return Manifest(
        package_id=_manifest_uuid(data, "package_id"),
        laptop_id=_manifest_uuid(data, "laptop_id"),
        created_at=created_at.replace(tzinfo=dt.UTC),
        app_version=_text(data, "app_version"),
        schema_revision=_text(data, "schema_revision"),
        head_seq=seq,
        head_hash=_text(head, "hash"),
        meeting_ids=meeting_ids,
        district_code=district if isinstance(district, str) else None,
        entries=hashes,
    )


def _table_entry(name: str, data: Any) -> tuple[str, list[str], list[list[Any]]]:
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("table"), str)
        or not isinstance(data.get("columns"), list)
        or not isinstance(data.get("rows"), list)
        or not all(isinstance(c, str) for c in data["columns"])
        or not all(isinstance(r, list) and len(r) == len(data["columns"]) for r in data["rows"])
        or name != f"{RECORDS_FOLDER}{data['table']}.json"
    ):
        raise _refuse(_("the part {name} is not laid out as a table.").format(name=name))
    return data["table"], data["columns"], data["rows"]


def read_package(path: Path) -> RawPackage:
    """Open the package and check that it is whole: every entry present, unaltered, JSON."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackageError(_("There is no file {path}.").format(path=path)) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise _damaged() from error
    with archive:
        manifest = _parse_manifest(_json(_read_entry(archive, MANIFEST_NAME), MANIFEST_NAME))
        names = set(archive.namelist()) - {MANIFEST_NAME}
        if names != set(manifest.entries):
            raise _refuse(_("its list of contents does not match what it holds."))
        tables: dict[str, tuple[list[str], list[list[Any]]]] = {}
        events: list[dict[str, Any]] | None = None
        for name in sorted(manifest.entries):
            if name != EVENTS_NAME and not (
                name.startswith(RECORDS_FOLDER) and name.endswith(".json")
            ):
                raise _refuse(_("it holds an unexpected part {name}.").format(name=name))
            data = _read_entry(archive, name)
            if sha256(data) != manifest.entries[name]:
                raise _refuse(
                    _("the part {name} was changed after the package was made.").format(name=name)
                )
            parsed = _json(data, name)
            if name == EVENTS_NAME:
                if not isinstance(parsed, dict) or not isinstance(parsed.get("events"), list):
                    raise _refuse(
                        _("the part {name} is not laid out as expected.").format(name=name)
                    )
                events = parsed["events"]
            else:
                table, columns, rows = _table_entry(name, parsed)
                tables[table] = (columns, rows)
    if events is None:
        raise _refuse(_("the part {name} is missing.").format(name=EVENTS_NAME))
    return RawPackage(path, manifest, tables, events)


def refuse(reason: str) -> PackageError:
    """A refusal of the package for `reason` (a sentence ending with a full stop)."""
    return _refuse(reason)
