"""Province → district → commune pickers from the gazetteer, with type-ahead in Khmer or Latin.

Each level is an editable combo box: open it to scroll the list, or type part of a name in
either script (``្ត`` and ``្ដ`` count as one letter) and pick from the suggestions. Places are
never typed in by hand: text that names no place of the list is reported, not stored.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from civicdesk.i18n.text import search_key
from civicdesk.services import places
from civicdesk.services.places import PlaceOption
from civicdesk.ui.itemmodels.places import PlaceFilterModel, PlaceListModel
from civicdesk.ui.widgets.type_ahead import TypeAheadCombo


class PlaceCombo(TypeAheadCombo):
    """One level of the gazetteer. `codeChanged` carries the chosen code, or None."""

    codeChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        self._places = PlaceListModel()
        super().__init__(self._places, PlaceFilterModel(), parent)
        self.currentIndexChanged.connect(self._on_index_changed)

    def set_options(self, options: list[PlaceOption], code: str | None = None) -> None:
        self.blockSignals(True)
        self._places.set_options(options)
        self.clear_query()
        self.setCurrentIndex(self._places.row_of(code))
        if code is None:
            self.setEditText("")
        self.blockSignals(False)

    def code(self) -> str | None:
        """The code of the place shown, or None if nothing (or nothing recognisable) is."""
        if self.shows_chosen_row():
            return self._places.option_at(self.currentIndex()).code
        return self._exact_match(self.currentText().strip())

    def is_unrecognised(self) -> bool:
        """Text is typed that names no place of the list."""
        return bool(self.currentText().strip()) and self.code() is None

    def retranslate(self) -> None:
        code = self.code()
        self._places.retranslate()
        row = self._places.row_of(code)
        self.blockSignals(True)
        self.setCurrentIndex(row)
        if row >= 0:
            self.setEditText(self.itemText(row))
        self.blockSignals(False)

    def _exact_match(self, text: str) -> str | None:
        """A place typed out in full (in either language) counts as chosen."""
        if not text:
            return None
        key = search_key(text)
        options = [self._places.option_at(row) for row in range(self._places.rowCount())]
        found = [o for o in options if key in (search_key(o.name_km), search_key(o.name_en))]
        return found[0].code if len(found) == 1 else None

    @Slot(int)
    def _on_index_changed(self, row: int) -> None:
        self.codeChanged.emit(self._places.option_at(row).code if row >= 0 else None)


class PlacePicker(QObject):
    """Three combos (children of `parent`, laid out by it) kept consistent: a district of the
    chosen province, a commune of the chosen district."""

    placeChanged = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.province = PlaceCombo(parent)
        self.district = PlaceCombo(parent)
        self.commune = PlaceCombo(parent)
        self.province.set_options(places.provinces())
        self.update_enabled()
        self.province.codeChanged.connect(self._on_province_changed)
        self.district.codeChanged.connect(self._on_district_changed)
        self.commune.codeChanged.connect(self._on_commune_changed)

    def combos(self) -> tuple[PlaceCombo, PlaceCombo, PlaceCombo]:
        return self.province, self.district, self.commune

    def set_codes(
        self, province_code: str | None, district_code: str | None, commune_code: str | None
    ) -> None:
        self.province.set_options(places.provinces(), province_code)
        self._fill_districts(province_code, district_code)
        self._fill_communes(province_code, district_code, commune_code)

    def codes(self) -> tuple[str | None, str | None, str | None]:
        return self.province.code(), self.district.code(), self.commune.code()

    def retranslate(self) -> None:
        for combo in self.combos():
            combo.retranslate()

    def _fill_districts(self, province_code: str | None, district_code: str | None) -> None:
        options = places.districts(province_code) if province_code else []
        self.district.set_options(options, district_code)
        self.update_enabled()

    def _fill_communes(
        self, province_code: str | None, district_code: str | None, commune_code: str | None
    ) -> None:
        options = (
            places.communes(province_code, district_code) if province_code and district_code else []
        )
        self.commune.set_options(options, commune_code)
        self.update_enabled()

    def update_enabled(self, editable: bool = True) -> None:
        """A level can be chosen once the level above is (and while the form is editable)."""
        self.province.setEnabled(editable)
        self.district.setEnabled(editable and self.district.count() > 0)
        self.commune.setEnabled(editable and self.commune.count() > 0)

    @Slot(object)
    def _on_province_changed(self, code: str | None) -> None:
        self._fill_districts(code, None)
        self._fill_communes(code, None, None)
        self.placeChanged.emit()

    @Slot(object)
    def _on_district_changed(self, code: str | None) -> None:
        self._fill_communes(self.province.code(), code, None)
        self.placeChanged.emit()

    @Slot(object)
    def _on_commune_changed(self, _code: str | None) -> None:
        self.placeChanged.emit()
