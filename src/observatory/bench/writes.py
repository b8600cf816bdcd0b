"""Write throughput of the store: per-document transactions vs bulk batches, SQLite and PostgreSQL.

    python -m observatory.bench.writes [--docs 1000] [--batch 50 200 1000] [--postgres auto|URL|none]

Generated conflict news (`observatory.bench.corpus`) is extracted ONCE, outside the timing, with
its MinHash signatures; then the same documents are saved into a fresh database per mode:

- `per-document`: what `ingest --write-batch 1` does, `store.bulk.save_one` in one transaction
  per document (existence check, `max(seq)`, ORM flushes, commit);
- `bulk K`: what `ingest --write-batch K` does, `store.bulk.save_batch` per K documents.

Only the writes are timed (wall clock; the CPU time of this process is printed too, since on
PostgreSQL much of the work is the server's). Every mode must end with the same row counts.
`--postgres auto` starts a throw-away server (initdb/pg_ctl under /usr/lib/postgresql, as the
`postgres` user when run as root; fsync left on unless `--no-fsync`), `--postgres URL` uses a
server you name (`postgresql+psycopg://user@host:port`; databases `obs_bench_writes_*` are
(re)created there and left behind), `none` measures SQLite only.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from observatory.bench.corpus import generate_corpus
from observatory.config import Settings
from observatory.extract.engine import iter_extractions
from observatory.ingest.dedup import signature
from observatory.store import open_database, repository
from observatory.store.bulk import DocumentWrite, save_batch, save_one

WARM_UP = 20


@dataclass
class Measure:
    backend: str
    mode: str
    docs: int
    rows: int
    seconds: float
    cpu_seconds: float
    counts: dict[str, int]

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def prepare(n: int, seed: int = 0) -> list[DocumentWrite]:
    """`n` generated documents with their extraction and signature (extracted once, not timed)."""
    docs = [item.doc for item in generate_corpus(n, seed)]
    extractions = iter_extractions(docs, Settings(engine="local"))
    return [DocumentWrite(doc, extraction, signature(doc.text))
            for doc, extraction in zip(docs, extractions, strict=True)]


def save_all(url: str, items: Sequence[DocumentWrite], batch: int) -> tuple[float, float, dict[str, int]]:
    """Save `items` into the (fresh) database at `url`: wall and CPU seconds, then row counts."""
    with open_database(url) as db:  # migrations run here, outside the timing
        wall, cpu = time.perf_counter(), time.process_time()
        if batch <= 1:
            for item in items:
                with db.session() as session:
                    save_one(session, item)
        else:
            for start in range(0, len(items), batch):
                with db.session() as session:
                    save_batch(session, items[start : start + batch])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        with db.session() as session:
            counts = repository.count_rows(session)
    return wall, cpu, counts


def measure(backend: str, fresh_url: Iterator[str], items: Sequence[DocumentWrite],
            batches: Sequence[int]) -> list[Measure]:
    # Warm-up, not timed: connection pool, statement caches, first migrations of the server.
    for batch in (1, max(batches, default=1)):
        save_all(next(fresh_url), items[:WARM_UP], batch)
    results = []
    for batch in [1, *batches]:
        wall, cpu, counts = save_all(next(fresh_url), items, batch)
        mode = "per-document" if batch <= 1 else f"bulk {batch}"
        results.append(Measure(backend, mode, len(items), sum(counts.values()), wall, cpu, counts))
    if any(r.counts != results[0].counts for r in results):
        raise SystemExit(f"{backend}: modes stored different row counts: {[r.counts for r in results]}")
    return results


def sqlite_urls(folder: Path) -> Iterator[str]:
    n = 0
    while True:
        n += 1
        yield str(folder / f"writes_{n}.db")


def postgres_urls(server: str) -> Iterator[str]:
    import psycopg

    conninfo = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    n = 0
    while True:
        n += 1
        name = f"obs_bench_writes_{n}"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        yield f"{server}/{name}"


# ----------------------------------------------------------------------------- throw-away server
def _as_postgres(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def temporary_postgres(fsync: bool = True) -> Iterator[str]:
    """A private PostgreSQL cluster on 127.0.0.1 for the run; yields its base URL."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise SystemExit("no PostgreSQL server binaries under /usr/lib/postgresql (make system-deps)")
    bindir = found[-1].parent
    base = Path(tempfile.mkdtemp(prefix="obs-bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = base / "data"
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={base}"
    options += "" if fsync else " -c fsync=off"
    try:
        subprocess.run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                     "--auth=trust", "-E", "UTF8"]), check=True, capture_output=True)
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"),
                                     "-o", options, "-w", "start"]), check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


# ----------------------------------------------------------------------------- report
def report(results: list[Measure]) -> str:
    lines = [f"{'backend':<11}{'mode':<14}{'docs':>6}{'rows':>8}{'seconds':>9}{'CPU s':>8}"
             f"{'docs/s':>9}{'rows/s':>9}{'ratio':>8}"]
    for r in results:
        base = next(b for b in results if b.backend == r.backend and b.mode == "per-document")
        ratio = base.seconds / r.seconds if r.seconds else 0.0
        lines.append(f"{r.backend:<11}{r.mode:<14}{r.docs:>6}{r.rows:>8}{r.seconds:>9.2f}{r.cpu_seconds:>8.2f}"
                     f"{r.docs / r.seconds:>9.0f}{r.rows_per_second:>9.0f}{ratio:>7.1f}x")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m observatory.bench.writes",
                                     description="Per-document vs bulk saves of pre-extracted documents.")
    parser.add_argument("--docs", type=int, default=1000, help="generated documents to save (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, nargs="+", default=[50, 200, 1000],
                        help="bulk batch sizes to compare with per-document saves")
    parser.add_argument("--postgres", default="auto", help="auto (throw-away server), a server URL, or none")
    parser.add_argument("--no-fsync", action="store_true", help="throw-away server with fsync=off")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    items = prepare(args.docs, args.seed)
    print(f"extracted {len(items)} documents once in {time.perf_counter() - started:.1f}s (not timed below); "
          f"{platform.python_version()}, {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="obs-bench-writes-") as folder:
        results = measure("sqlite", sqlite_urls(Path(folder)), items, args.batch)
    if args.postgres == "auto":
        with temporary_postgres(fsync=not args.no_fsync) as server:
            results += measure("postgresql", postgres_urls(server), items, args.batch)
    elif args.postgres != "none":
        results += measure("postgresql", postgres_urls(args.postgres), items, args.batch)
    print(report(results))


if __name__ == "__main__":
    main()
