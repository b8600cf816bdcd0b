"""`read_inputs`: files, folders and URLs in, a stream of documents (or reasons to skip) out.

Formats by file suffix: .txt/.text (and files without a suffix) plain text with optional front
matter; .html/.htm/.xhtml pages; .rss/.atom feeds; .xml a feed when it looks like one, else a
page; .jsonl/.ndjson one document per line. URLs are fetched with httpx and dispatched on the
Content-Type (then on the content). Folders are walked recursively in sorted order; hidden files
and folders are skipped and files of other types are ignored (a folder may hold a README.md or
images), but a folder with no document at all is reported.

Every problem becomes one `IngestError(input, reason)` in the stream and reading goes on with the
next input; nothing here raises for bad input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import httpx

from observatory import __version__
from observatory.ingest.build import document_input
from observatory.ingest.decode import decode_bytes
from observatory.ingest.errors import IngestError, InputProblem
from observatory.ingest.feeds import looks_like_feed, read_feed
from observatory.ingest.html import read_html
from observatory.ingest.jsonl import read_jsonl
from observatory.ingest.text import split_front_matter
from observatory.models import DocumentInput

DEFAULT_MAX_MB = 20.0
DEFAULT_TIMEOUT = 20.0
SUFFIXES = {
    ".txt": "text", ".text": "text", "": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "xml",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
SUPPORTED = ".txt .html .htm .xml .rss .atom .jsonl .ndjson"

Item = DocumentInput | IngestError


@dataclass(frozen=True)
class Options:
    published: dt.date | None
    outlet: str | None
    max_bytes: int
    timeout: float


def read_inputs(
    paths: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Item]:
    """Stream documents from files, folders and http(s) URLs, in the order given.

    `published`/`outlet` fill in only what an input does not say itself. Inputs larger than
    `max_mb` megabytes are skipped; URLs time out after `timeout` seconds.
    """
    options = Options(published, outlet, int(max_mb * 1_000_000), timeout)
    for raw in paths:
        name = str(raw)
        if name.startswith(("http://", "https://")):
            yield from _guard(name, partial(_read_url, name, options))
        else:
            yield from _read_path(Path(name), options)


def _guard(name: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run one input's reader; turn any failure into a single IngestError for that input."""
    try:
        yield from produce()
    except InputProblem as exc:
        yield IngestError(name, str(exc))
    except Exception as exc:  # a reader bug must not end the run; say which input and why
        yield IngestError(name, f"unexpected error ({type(exc).__name__}: {exc})")


def _read_path(path: Path, options: Options) -> Iterator[Item]:
    if not path.exists():
        yield IngestError(str(path), "no such file or folder")
    elif path.is_dir():
        yield from _read_folder(path, options)
    else:
        kind = SUFFIXES.get(path.suffix.lower())
        if kind is None:
            yield IngestError(str(path), f"unsupported file type '{path.suffix}' (supported: {SUPPORTED})")
        else:
            yield from _guard(str(path), partial(_read_file, path, kind, options))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_folder(folder: Path, options: Options) -> Iterator[Item]:
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not _hidden(p, folder) and p.suffix.lower() in SUFFIXES and p.suffix
    )
    if not files:
        yield IngestError(f"{folder}/", f"no documents found (looked for {SUPPORTED})")
        return
    for path in files:
        yield from _guard(str(path), partial(_read_file, path, SUFFIXES[path.suffix.lower()], options))


def _read_file(path: Path, kind: str, options: Options) -> Iterator[Item]:
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputProblem(f"too large ({_megabytes(size)} > limit {options.max_bytes / 1e6:g} MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputProblem(f"cannot read ({exc.strerror or exc})") from None
    yield from parse_bytes(data, kind, name=str(path), options=options, path=str(path))


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


def _read_url(url: str, options: Options) -> Iterator[Item]:
    headers = {"User-Agent": f"observatory/{__version__} (+news ingest)"}
    try:
        with httpx.Client(timeout=options.timeout, follow_redirects=True, headers=headers) as client, \
                client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputProblem(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > options.max_bytes:
                    raise InputProblem(f"too large (> limit {options.max_bytes / 1e6:g} MB)")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").lower()
            final_url = str(response.url)
    except httpx.HTTPError as exc:
        raise InputProblem(f"cannot fetch ({type(exc).__name__}: {exc or 'no detail'})") from None
    kind = _kind_of_url(final_url, content_type)
    yield from parse_bytes(b"".join(chunks), kind, name=url, options=options, url=final_url)


def _kind_of_url(url: str, content_type: str) -> str:
    if "html" in content_type:
        return "html"
    if any(word in content_type for word in ("rss", "atom", "xml")):
        return "xml"
    if "ndjson" in content_type or "jsonl" in content_type:
        return "jsonl"
    suffix = Path(httpx.URL(url).path).suffix.lower()
    return SUFFIXES.get(suffix, "sniff")


def parse_bytes(
    data: bytes, kind: str, *, name: str, options: Options, path: str | None = None, url: str | None = None
) -> Iterator[Item]:
    """Documents in one input's bytes, read as `kind` (text, html, feed, xml, jsonl or sniff)."""
    text = decode_bytes(data)
    if kind == "sniff":
        head = text[:2000].lower()
        is_page = "<html" in head or "<!doctype html" in head
        kind = "xml" if looks_like_feed(text) else "html" if is_page else "text"
    if kind == "xml":
        kind = "feed" if looks_like_feed(text) else "html"
    make = partial(document_input, default_outlet=options.outlet, default_published=options.published)
    if kind == "text":
        front, body = split_front_matter(text)
        if not body.strip():
            raise InputProblem("no text after the front matter")
        yield make(
            body, title=front.get("title"), url=front.get("url") or url, outlet=front.get("outlet"),
            published=front.published, path=path,
        )
    elif kind == "html":
        page = read_html(text, url)
        yield make(
            page.text, title=page.title, url=page.url, outlet=page.outlet, published=page.published,
            path=path, social_posts=page.posts,
        )
    elif kind == "feed":
        for entry in read_feed(text, name):
            if isinstance(entry, IngestError):
                yield entry
                continue
            yield make(
                entry.text, title=entry.title, url=entry.url, outlet=entry.outlet, published=entry.published,
                path=path, social_posts=entry.posts,
            )
    else:
        for record in read_jsonl(text, name):
            if isinstance(record, IngestError):
                yield record
                continue
            yield make(
                record.text, doc_id=record.id, title=record.title, url=record.url, outlet=record.outlet,
                published=record.published, path=path,
            )
