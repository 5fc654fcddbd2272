"""Conflicts as the window shows them: every exchanged field has a name in both languages, values
read as a person writes them, and each version says where and when it was made."""

from __future__ import annotations

import pytest

from civicdesk.exchange.codec import content_columns, exchanged_tables
from civicdesk.exchange.labels import (
    FIELD_LABELS,
    TABLE_FIELD_LABELS,
    TABLE_LABELS,
    field_label,
    table_label,
)
from civicdesk.exchange.presentation import describe_conflicts
from civicdesk.i18n import set_language, translations_for
from civicdesk.models import Tombstone

from .helpers import export, import_all, plan_district, set_phone

IDENTITY = {"id", "created_at"}
#: Names that read the same in Khmer.
SAME_IN_BOTH = {"SHA-256"}


def _record_tables():
    return [t for t in exchanged_tables() if t.name != Tombstone.__tablename__]


def test_every_exchanged_record_and_field_has_a_name_in_both_languages() -> None:
    """No raw table or column name reaches the conflict dialog, and the Khmer catalog has
    each name (a name left in English would show in the Khmer UI)."""
    khmer = translations_for("km")
    for table in _record_tables():
        english = [TABLE_LABELS[table.name]]
        english += [
            TABLE_FIELD_LABELS.get((table.name, column.name)) or FIELD_LABELS[column.name]
            for column in content_columns(table)
            if column.name not in IDENTITY
        ]
        for name in english:
            assert name in SAME_IN_BOTH or khmer.gettext(name) != name, (table.name, name)
    set_language("km")
    try:
        assert field_label("person", "phone") == "លេខទូរស័ព្ទ"
        assert table_label("recommendation") == "អនុសាសន៍"
    finally:
        set_language("en")
    assert field_label("person", "position") == "Position"
    assert field_label("agenda_item", "position") == "Place in the list"


@pytest.fixture
def phone_conflict(laptop, new_database, tmp_path):
    district = laptop("district")
    bavel = plan_district(district)
    secretariat = new_database("secretariat")
    import_all(secretariat, [export(district, tmp_path / "first.cdpkg")])
    set_phone(district, bavel.activist, "012 111 111")
    second = export(district, tmp_path / "second.cdpkg")
    set_phone(secretariat, bavel.activist, "012 222 222")
    import_all(secretariat, [second])
    return secretariat, bavel


def test_a_conflict_is_described_in_the_ui_language(phone_conflict) -> None:
    secretariat, _bavel = phone_conflict
    with secretariat.reading() as session:
        (english,) = describe_conflicts(session)
    assert (english.kind, english.record) == ("Person", "Srey Pov")
    (field,) = english.fields
    assert (field.label, field.mine, field.theirs) == ("Phone", "012 222 222", "012 111 111")
    assert english.mine_origin.startswith("Changed ")
    assert english.mine_origin.endswith(", on this computer")
    assert "(package second.cdpkg)" in english.theirs_origin
    assert not english.locked and not english.mine_deleted and not english.theirs_deleted

    set_language("km")
    try:
        with secretariat.reading() as session:
            (khmer,) = describe_conflicts(session)
    finally:
        set_language("en")
    assert khmer.record == "ស្រី ពៅ"  # the Khmer name in the Khmer UI
    assert khmer.fields[0].label == "លេខទូរស័ព្ទ"
    assert any("\u17e0" <= c <= "\u17e9" for c in khmer.mine_origin)  # Khmer digits
