"""Each input format becomes DocumentInputs with the right text and metadata."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_samples import ARTICLE, ATOM_FEED, FRONT_MATTER_ARTICLE, HTML_PAGE, JSONL_LINES, RSS_FEED

from observatory.ingest import IngestError, document_id, read_inputs
from observatory.ingest.language import detect_language
from observatory.models import DocumentInput


def _docs(items: list[DocumentInput | IngestError]) -> list[DocumentInput]:
    return [item for item in items if isinstance(item, DocumentInput)]


def _errors(items: list[DocumentInput | IngestError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, IngestError)]


def test_text_with_front_matter_and_headline(tmp_path: Path) -> None:
    path = tmp_path / "lorvath.txt"
    path.write_text(FRONT_MATTER_ARTICLE, "utf-8")
    [doc] = list(read_inputs([path]))
    assert isinstance(doc, DocumentInput)
    assert doc.text == ARTICLE  # front matter removed, headline kept in the text
    assert doc.title == "Mortar fire kills 9 in Lorvath border town"
    assert (doc.outlet, doc.published, doc.url) == (
        "Highland Herald",
        dt.date(2023, 11, 6),
        "https://herald.example/lorvath",
    )
    assert doc.path == str(path) and doc.language == "en"
    assert doc.id == document_id(ARTICLE) and len(doc.id) == 16


def test_file_metadata_wins_and_flags_fill_gaps(tmp_path: Path) -> None:
    (tmp_path / "with.txt").write_text(FRONT_MATTER_ARTICLE, "utf-8")
    (tmp_path / "without.txt").write_text(ARTICLE.replace("Sunday", "Saturday"), "utf-8")
    docs = _docs(list(read_inputs([tmp_path], published=dt.date(2023, 1, 2), outlet="Flag Outlet")))
    by_name = {Path(d.path or "").name: d for d in docs}
    assert (by_name["with.txt"].outlet, by_name["with.txt"].published) == (
        "Highland Herald",
        dt.date(2023, 11, 6),
    )
    assert (by_name["without.txt"].outlet, by_name["without.txt"].published) == (
        "Flag Outlet",
        dt.date(2023, 1, 2),
    )


def test_date_from_content_when_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text("BRINDLE, March 4, 2019 - Two people died in a fire.\n", "utf-8")
    [doc] = _docs(list(read_inputs([tmp_path / "dated.txt"])))
    assert doc.published == dt.date(2019, 3, 4)
    assert doc.title is None  # a single sentence ending with a full stop is not a headline


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, "utf-8")
    [doc] = _docs(list(read_inputs([path])))
    assert doc.title == "Clashes near Sorrel Ridge leave 6 dead"
    assert doc.outlet == "Valley Courier"
    assert doc.published == dt.date(2022, 3, 15)
    assert doc.url == "https://valleycourier.example/sorrel-ridge"
    assert "Six people were killed on Monday" in doc.text
    assert "district governor called for calm" in doc.text
    assert "Home" not in doc.text.split("\n")  # navigation dropped
    [post] = doc.social_posts
    assert (post.author, post.handle, post.date) == ("Ridge Watch", "ridgewatch", dt.date(2022, 3, 14))
    assert "Heavy gunfire" in post.text and "Heavy gunfire" not in doc.text


def test_rss_feed_one_document_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    path.write_text(RSS_FEED, "utf-8")
    items = list(read_inputs([path]))
    docs = _docs(items)
    assert [d.title for d in docs] == [
        "Bus attack on Kettle Road kills 4",
        "Search continues for missing herders",
    ]
    assert all(d.outlet == "Plains Gazette" for d in docs)
    assert [d.published for d in docs] == [dt.date(2023, 9, 5), dt.date(2023, 9, 6)]
    assert docs[0].text == (
        "Four passengers were killed when gunmen stopped a bus on Kettle Road on Monday.\n"
        "Police said three more were wounded."
    )
    assert docs[1].text == "Seven herders remain missing after the raid near Dunmere, elders said."
    assert docs[0].url == "https://plains.example/kettle-road"
    assert _errors(items) == [f"{path} entry 3: entry has no text"]


def test_atom_feed_as_xml(tmp_path: Path) -> None:
    path = tmp_path / "coast.xml"
    path.write_text(ATOM_FEED, "utf-8")
    [doc] = _docs(list(read_inputs([path])))
    assert (doc.outlet, doc.title, doc.published) == (
        "Coastline Monitor",
        "Boat sinks off Marrow Point",
        dt.date(2021, 6, 2),
    )
    assert doc.url == "https://coastline.example/marrow-point"
    assert "11 people drowned" in doc.text


def test_jsonl_uses_line_ids_and_skips_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n\n", "utf-8")
    items = list(read_inputs([path], outlet="Default Wire"))
    docs = _docs(items)
    assert [d.id for d in docs] == ["rec-1", "rec-2"]
    assert (docs[0].outlet, docs[0].published, docs[0].title) == (
        "Metro Line",
        dt.date(2020, 2, 7),
        "Depot attack",
    )
    assert (docs[1].outlet, docs[1].url) == ("Default Wire", "https://m.example/b")
    errors = _errors(items)
    assert len(errors) == 4
    assert errors[0].startswith(f"{path} line 3: invalid JSON (")
    assert errors[1] == f"{path} line 4: no 'text' (a non-empty string is required)"
    assert errors[2] == f"{path} line 5: expected a JSON object, got list"
    assert errors[3] == f"{path} line 6: 'published' 'last week' is not a date (expected YYYY-MM-DD)"


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second document about a raid in Oster.\nMore text.\n", "utf-8")
    (tmp_path / "a.txt").write_text("First document about a flood in Brindle.\nMore text.\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden too", "utf-8")
    (tmp_path / "README.md").write_text("# not a document", "utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs = list(read_inputs([tmp_path]))
    assert [Path(d.path or "").relative_to(tmp_path).as_posix() for d in _docs(docs)] == ["a.txt", "b/2.txt"]
    assert _errors(docs) == []


def test_ids_are_deterministic_and_whitespace_insensitive() -> None:
    assert document_id("Two  people\r\ndied.") == document_id("Two people died.")
    assert document_id("Two people died.") != document_id("Three people died.")


def test_language_guess() -> None:
    assert detect_language(ARTICLE) == "en"
    assert (
        detect_language(
            "Les forces de sécurité ont été déployées dans la ville et les habitants sont partis."
        )
        == "fr"
    )
    assert detect_language("12345 678") is None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def local_server(tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving tmp_path."""
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_urls_from_a_local_server(tmp_path: Path, local_server: str) -> None:
    (tmp_path / "page.html").write_text(HTML_PAGE, "utf-8")
    (tmp_path / "feed.rss").write_text(RSS_FEED, "utf-8")
    (tmp_path / "plain.txt").write_text(FRONT_MATTER_ARTICLE, "utf-8")
    urls = [
        f"{local_server}/page.html",
        f"{local_server}/feed.rss",
        f"{local_server}/plain.txt",
        f"{local_server}/missing.html",
    ]
    items = list(read_inputs(urls))
    docs = _docs(items)
    assert docs[0].outlet == "Valley Courier" and "Six people were killed" in docs[0].text
    assert [d.outlet for d in docs[1:3]] == ["Plains Gazette", "Plains Gazette"]
    assert docs[3].text == ARTICLE and docs[3].outlet == "Highland Herald"
    assert docs[3].url == "https://herald.example/lorvath"  # the file's own url wins
    assert _errors(items)[-1] == f"{local_server}/missing.html: HTTP 404 File not found"


def test_unreachable_url() -> None:
    [error] = list(read_inputs(["http://127.0.0.1:9/nothing"], timeout=2))
    assert isinstance(error, IngestError)
    assert error.input == "http://127.0.0.1:9/nothing" and error.reason.startswith(
        "cannot fetch (ConnectError"
    )


def test_legacy_encoded_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "Officials said \u201cat least 5\u201d caf\u00e9 workers were hurt.\nMore text.\n".encode("cp1252")
    )
    [doc] = _docs(list(read_inputs([path])))
    assert doc.text.startswith("Officials said \u201cat least 5\u201d caf\u00e9 workers")


def test_broken_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><p>Five guards were killed at the Dorn checkpoint on Friday night, police "
        "said.<div><p>Two more were wounded and taken to the district clinic",
        "utf-8",
    )
    [doc] = _docs(list(read_inputs([path])))
    assert "Five guards were killed" in doc.text and "Two more were wounded" in doc.text


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="koi8-r">').replace(
        "Six people were killed", "Six people were killed (\u0448\u0435\u0441\u0442\u044c)"
    )
    path = tmp_path / "koi8.html"
    path.write_bytes(page.encode("koi8-r"))
    [doc] = _docs(list(read_inputs([path])))
    assert "Six people were killed (\u0448\u0435\u0441\u0442\u044c)" in doc.text
