"""The document commands, run the way a secretariat scripts them."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from civicdesk.cli import main
from civicdesk.models.enums import MeetingStatus
from civicdesk.services import meetings
from civicdesk.storage.database import Database

from .conftest import PASSPHRASE, Built, pdftotext


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("command", "subject"),
    [
        ("minutes", "meeting"),
        ("sign-in-sheet", "meeting"),
        ("joint-list", "meeting"),
        ("joint-list", "joint_list"),
        ("action-plan", "meeting"),
    ],
)
def test_export_commands_write_the_pdf(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, subject: str
) -> None:
    target = tmp_path / f"{command}.pdf"
    code, out, err = run(
        capsys,
        command,
        str(getattr(built, subject)),
        "-o",
        str(target),
        "--lang",
        "both",
        "--db",
        str(built.database_path),
    )
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in out


def test_document_language_is_independent_of_the_messages(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "m.pdf"
    code, out, err = run(
        capsys,
        "--lang",
        "km",
        "minutes",
        str(built.meeting),
        "-o",
        str(target),
        "--lang",
        "en",
        "--db",
        str(built.database_path),
    )
    assert code == 0, err
    assert "Minutes of the meeting" in pdftotext(target, page=1)
    assert "ទំព័រ" in out  # the message is in Khmer ("... ទំព័រ ...")


def test_sign_verify_and_tamper_from_the_command_line(
    built: Built,
    meeting_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CIVICDESK_PASSPHRASE", PASSPHRASE)
    code, out, err = run(
        capsys,
        "key",
        "create",
        "--org",
        "Aphivat Strey",
        "--passphrase-env",
        "CIVICDESK_PASSPHRASE",
    )
    assert code == 0, err
    assert "Aphivat Strey" in out
    assert run(capsys, "key", "show")[0] == 0
    target = tmp_path / "signed.pdf"
    code, out, err = run(
        capsys,
        "minutes",
        str(built.meeting),
        "-o",
        str(target),
        "--lang",
        "km",
        "--sign",
        "--passphrase-env",
        "CIVICDESK_PASSPHRASE",
        "--db",
        str(built.database_path),
    )
    assert code == 0, err
    assert "Aphivat Strey" in out
    with meeting_db.reading() as session:
        assert meetings.get_meeting_summary(session, built.meeting).status is MeetingStatus.SIGNED

    code, out, err = run(capsys, "verify", str(target))
    assert code == 0, err
    assert "Signed by: Aphivat Strey" in out
    assert "Audit log head when signed:" in out

    appended = tmp_path / "appended.pdf"
    appended.write_bytes(target.read_bytes() + b"%extra\n")
    code, out, err = run(capsys, "verify", str(appended))
    assert code == 1
    assert "whole file" in err

    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(target.read_bytes()[:-100])
    assert run(capsys, "verify", str(truncated))[0] == 1

    certificate = tmp_path / "org.pem"
    assert run(capsys, "key", "export-certificate", "-o", str(certificate))[0] == 0
    assert certificate.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def test_signing_with_a_wrong_passphrase_writes_nothing(
    built: Built,
    organisation_key: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WRONG", "not the passphrase")
    target = tmp_path / "m.pdf"
    code, _out, err = run(
        capsys,
        "minutes",
        str(built.meeting),
        "-o",
        str(target),
        "--sign",
        "--passphrase-env",
        "WRONG",
        "--db",
        str(built.database_path),
    )
    assert code == 1
    assert "passphrase" in err
    assert not target.exists()


def test_signing_without_a_key_says_how_to_make_one(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        "minutes",
        str(built.meeting),
        "-o",
        str(tmp_path / "m.pdf"),
        "--sign",
        "--db",
        str(built.database_path),
    )
    assert code == 1
    assert "civicdesk key create --org NAME" in err
    assert not (tmp_path / "m.pdf").exists()


def test_an_unknown_meeting_is_a_clear_error(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        "minutes",
        str(uuid.uuid4()),
        "-o",
        str(tmp_path / "m.pdf"),
        "--db",
        str(built.database_path),
    )
    assert code == 1
    assert "No meeting has the id" in err


def test_verify_an_unsigned_or_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert run(capsys, "verify", str(plain))[0] == 1
    assert run(capsys, "verify", str(tmp_path / "missing.pdf"))[0] == 1
