"""Bad input: one line naming the input and the reason, the run goes on, the database is intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_samples import FRONT_MATTER_ARTICLE, JSONL_LINES
from typer.testing import CliRunner

from observatory.cli import app
from observatory.store import open_database, repository


def _counts(db: str) -> dict[str, int]:
    with open_database(db) as database, database.session() as session:
        return repository.count_rows(session)


def _ingest(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["ingest", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def stored_db(tmp_path: Path) -> str:
    """A database already holding one good document."""
    good = tmp_path / "good.txt"
    good.write_text(FRONT_MATTER_ARTICLE, "utf-8")
    db = str(tmp_path / "obs.db")
    code, _out, err = _ingest(str(good), "--db", db)
    assert code == 0, err
    return db


def _bad_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "empty": folder / "empty.txt",
        "binary": folder / "junk.txt",
        "undecodable": folder / "controls.txt",
        "broken_html": folder / "broken.html",
        "no_text_html": folder / "scripts.html",
        "jsonl": folder / "lines.jsonl",
        "large": folder / "huge.txt",
        "unsupported": folder / "scan.pdf",
    }
    files["empty"].write_bytes(b"   \n\n")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["undecodable"].write_bytes(b"\x81\x8d\x8f\x90\x9d" * 200)
    files["broken_html"].write_text(
        "<html><body><p>Five guards were killed in an attack on the Dorn checkpoint on Friday night, "
        "police in the district said on Saturday.<div><p>Two more were wounded and taken to the clinic",
        "utf-8",
    )
    files["no_text_html"].write_text(
        "<html><head><title>x</title></head><body><script>var a=1;</script></body></html>", "utf-8"
    )
    files["jsonl"].write_text("\n".join(JSONL_LINES[:3]) + "\n", "utf-8")
    with open(files["large"], "wb") as handle:  # sparse: large on paper, nothing written
        handle.truncate(52_428_800)
    files["unsupported"].write_bytes(b"%PDF-1.4")
    return files


def test_each_bad_input_gets_one_line_and_db_is_intact(tmp_path: Path, stored_db: str) -> None:
    before = _counts(stored_db)
    files = _bad_inputs(tmp_path / "bad")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    (empty_dir / "notes.md").write_text("not a document", "utf-8")
    inputs = [*map(str, files.values()), str(tmp_path / "missing.txt"), str(empty_dir)]
    code, out, err = _ingest(*inputs, "--db", stored_db)
    assert code == 1
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.startswith("skipped:")]
    expected = {
        "empty": "empty file",
        "binary": "binary file (contains NUL bytes), not text",
        "undecodable": "undecodable bytes: not UTF-8 and not readable as cp1252/latin-1 text",
        "no_text_html": "no readable article text in the HTML",
        "large": "too large (52.4 MB > limit 20 MB)",
        "unsupported": "unsupported file type '.pdf'",
    }
    for key, reason in expected.items():
        assert any(f"{files[key]}: {reason}" in line for line in lines), (key, lines)
    assert any(f"{files['jsonl']} line 3: invalid JSON (" in line for line in lines)
    assert any(f"{tmp_path / 'missing.txt'}: no such file or folder" in line for line in lines)
    assert any(f"{empty_dir}/: no documents found" in line for line in lines)
    assert len(lines) == len(expected) + 3
    # The broken HTML page and the two good JSON lines were still stored; nothing else changed.
    after = _counts(stored_db)
    assert after["documents"] == before["documents"] + 3
    assert "ingested 3 document(s)" in out and "skipped: 9" in out


def test_only_bad_input_leaves_db_unchanged(tmp_path: Path, stored_db: str) -> None:
    before = _counts(stored_db)
    (tmp_path / "zero.txt").write_bytes(b"")
    code, _out, err = _ingest(str(tmp_path / "zero.txt"), "--db", stored_db)
    assert code == 1 and "zero.txt: empty file" in err
    assert _counts(stored_db) == before


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(FRONT_MATTER_ARTICLE + "More words. " * 100, "utf-8")
    code, _out, err = _ingest(str(path), "--db", str(tmp_path / "x.db"), "--max-size-mb", "0.001")
    assert code == 1 and f"{path}: too large (1.6 kB > limit 0.001 MB)" in err


def test_bad_options_fail_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(FRONT_MATTER_ARTICLE, "utf-8")
    code, _out, err = _ingest(str(path), "--db", str(tmp_path / "x.db"), "--published", "yesterday")
    assert code == 2 and "--published 'yesterday' is not a date (expected YYYY-MM-DD)" in err
    code, _out, err = _ingest(str(path), "--db", str(tmp_path / "no" / "dir" / "x.db"))
    assert code == 1 and "does not exist" in err and "Traceback" not in err
