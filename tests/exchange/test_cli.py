"""`civicdesk package ...`: export, import with its summary, list and resolve conflicts."""

from __future__ import annotations

import json

from civicdesk.cli import main

from .helpers import phone_of, plan_district, set_phone


def test_export_import_and_resolve_from_the_command_line(laptop, tmp_path, capsys) -> None:
    district, secretariat = laptop("district"), laptop("secretariat")
    bavel = plan_district(district)
    assert district.path is not None and secretariat.path is not None
    district_db, secretariat_db = str(district.path), str(secretariat.path)
    first, second = tmp_path / "first.cdpkg", tmp_path / "second.cdpkg"

    assert (
        main(["package", "export", "--district", "0204", "-o", str(first), "--db", district_db])
        == 0
    )
    assert "Package written to" in capsys.readouterr().out
    assert main(["package", "import", str(first), "--db", secretariat_db]) == 0
    out = capsys.readouterr().out
    assert "Records added: 7" in out and "0 conflicts to resolve" in out

    set_phone(district, bavel.activist, "012 111 111")
    set_phone(secretariat, bavel.activist, "012 222 222")
    meeting = str(bavel.meeting)
    assert (
        main(["package", "export", "--meeting", meeting, "-o", str(second), "--db", district_db])
        == 0
    )
    capsys.readouterr()
    assert main(["package", "import", str(second), "--db", secretariat_db]) == 0
    assert "1 conflict to resolve" in capsys.readouterr().out

    assert main(["package", "conflicts", "--json", "--db", secretariat_db]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["table"] == "person" and listed["differences"] == ["phone"]
    assert (
        main(["package", "resolve", listed["id"], "--keep", "theirs", "--db", secretariat_db]) == 0
    )
    assert phone_of(secretariat, bavel.activist) == "012 111 111"
    assert main(["package", "conflicts", "--db", secretariat_db]) == 0
    assert "No conflicts to resolve." in capsys.readouterr().out
    assert main(["audit", "verify", "--db", secretariat_db]) == 0


def test_command_line_refusals_say_why(laptop, tmp_path, capsys) -> None:
    database = laptop("empty")
    assert database.path is not None
    db = str(database.path)
    assert (
        main(
            ["package", "export", "--district", "0204", "-o", str(tmp_path / "x.cdpkg"), "--db", db]
        )
        == 1
    )
    assert "District 0204 has no meetings to export." in capsys.readouterr().err
    assert main(["package", "export", "--meeting", "not-an-id", "-o", "x.cdpkg", "--db", db]) == 1
    assert "No meeting has the id not-an-id." in capsys.readouterr().err
    (tmp_path / "bad.cdpkg").write_bytes(b"PK\x03\x04 not really")
    assert main(["package", "import", str(tmp_path / "bad.cdpkg"), "--db", db]) == 1
    assert "damaged or cut short" in capsys.readouterr().err
