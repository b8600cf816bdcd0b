"""Gazetteer: normalisation keys, packaged index lookups and `observatory gazetteer import/lookup`."""

from __future__ import annotations

from pathlib import Path

import pytest
from place_helpers import by_text, parsed_doc
from typer.testing import CliRunner

from observatory.cli import app
from observatory.extract.context.gazetteer import get_gazetteer, reset_gazetteer
from observatory.extract.context.place_normalize import name_key, skeleton
from observatory.extract.context.places import find_places

runner = CliRunner()

# Two fictional places (invented names and coordinates) and one non-place row, in GeoNames'
# 19-column tab-separated layout.
DUMP_ROWS = [
    ["9900001", "Qarnabit al-Zaytun", "Qarnabit al-Zaytun", "Karnabit,Qarnabit ez Zeitoun", "35.41", "36.02",
     "P", "PPL", "SY", "", "02", "", "", "", "850", "", "310", "Asia/Damascus", "2024-01-01"],
    ["9900002", "Wadi Fendel", "Wadi Fendel", "", "35.50", "36.10",
     "S", "AIRB", "SY", "", "02", "", "", "", "0", "", "120", "Asia/Damascus", "2024-01-01"],
    ["9900003", "Jabal Nowhere", "Jabal Nowhere", "", "35.6", "36.2",
     "T", "MT", "SY", "", "02", "", "", "", "0", "", "900", "Asia/Damascus", "2024-01-01"],
]


def _write_dump(path: Path) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in DUMP_ROWS), encoding="utf-8")
    return path


@pytest.mark.parametrize(("a", "b"), [("Jableh", "Jablah"), ("Lattakia", "Latakia"),
                                      ("Al Janoudiya", "Al Jānūdīyah")])
def test_transliterations_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_name_key_strips_articles_diacritics_and_punctuation() -> None:
    assert name_key("Al-Fāshir") == name_key("El Fashir") == "fashir"
    assert name_key("Ta’izz") == name_key("Ta'izz") == "taizz"


def test_packaged_index_has_admin1_names_and_countries() -> None:
    gaz = get_gazetteer()
    jablah = [h.place for h in gaz.exact("jableh") if h.place.cc == "SY"]
    assert jablah and jablah[0].admin1 == "Latakia" and jablah[0].country == "Syria"
    assert any(h.place.kind == "country" for h in gaz.exact("syria"))
    assert any(h.place.kind == "admin1" and h.place.cc == "SD" for h in gaz.exact("north darfur"))


def test_import_adds_places_used_by_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "user-gazetteer.sqlite"
    monkeypatch.setenv("OBSERVATORY_GAZETTEER", str(out))
    text = "In the village of Qarnabit al-Zaytun, 14 bodies were found. Jets flew from Wadi Fendel."
    before = by_text(find_places(parsed_doc(text), None))  # type: ignore[arg-type]
    assert before["Qarnabit al-Zaytun"].name is None

    dump = _write_dump(tmp_path / "SY.txt")
    result = runner.invoke(app, ["gazetteer", "import", str(dump), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "imported 2 places" in result.output and "1 rows skipped" in result.output
    reset_gazetteer()
    try:
        after = by_text(find_places(parsed_doc(text, doc_id="doc2"), None))  # type: ignore[arg-type]
        village = after["Qarnabit al-Zaytun"]
        assert village.name == "Qarnabit al-Zaytun" and village.country == "Syria"
        assert (village.lat, village.lon) == (35.41, 36.02)
        assert village.admin1 == "Latakia"  # from the nearest packaged place
        assert after["Wadi Fendel"].precision == "exact"
    finally:
        monkeypatch.delenv("OBSERVATORY_GAZETTEER")
        reset_gazetteer()


def test_import_appends_and_replace_starts_over(tmp_path: Path) -> None:
    out = tmp_path / "g.sqlite"
    dump = _write_dump(tmp_path / "SY.txt")
    for _ in range(2):
        assert runner.invoke(app, ["gazetteer", "import", str(dump), "--out", str(out)]).exit_code == 0
    replaced = runner.invoke(app, ["gazetteer", "import", str(dump), "--out", str(out), "--replace"])
    assert replaced.exit_code == 0 and out.exists()


def test_import_from_zip(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("readme.txt", "GeoNames readme")
        bundle.writestr("SY.txt", _write_dump(tmp_path / "SY.txt").read_text(encoding="utf-8"))
    result = runner.invoke(app, ["gazetteer", "import", str(archive), "--out", str(tmp_path / "z.sqlite")])
    assert result.exit_code == 0 and "imported 2 places" in result.output


def test_import_bad_inputs_fail_with_one_line(tmp_path: Path) -> None:
    nowhere = str(tmp_path / "none.txt")
    missing = runner.invoke(app, ["gazetteer", "import", nowhere, "--out", str(tmp_path / "o")])
    assert missing.exit_code == 1 and "no such file" in missing.output and "Traceback" not in missing.output
    junk = tmp_path / "junk.txt"
    junk.write_text("this is not\ta geonames file\n", encoding="utf-8")
    bad = runner.invoke(app, ["gazetteer", "import", str(junk), "--out", str(tmp_path / "o.sqlite")])
    assert bad.exit_code == 1 and "no GeoNames rows" in bad.output
    assert not (tmp_path / "o.sqlite").exists()  # nothing half-written


def test_lookup_command() -> None:
    result = runner.invoke(app, ["gazetteer", "lookup", "Baniyasin", "--country", "SY"])
    assert result.exit_code == 0, result.output
    assert "Bāniyās" in result.output and "fuzzy" in result.output and "Tartus" in result.output
    unknown = runner.invoke(app, ["gazetteer", "lookup", "Zorblattqueenth"])
    assert unknown.exit_code == 1 and "no place found" in unknown.output
