"""Where the web layer gets its data: one `DataSource` per app, injected into every route.

The production source reads the database the CLI wrote, through the same `build_report` the
`observatory report` command uses, so the API, the dashboard and the CLI can never disagree.
Routes depend on the small `DataSource` protocol rather than on the store directly, which keeps
them thin and lets the app be pointed at any database (SQLite file or PostgreSQL URL).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request

from observatory.models import Claim, DocumentInput, Report


class DataSource(Protocol):
    """Read-only access to one database: the report, every claim, and document texts."""

    def report(self) -> Report: ...

    def claims(self, doc: str | None = None) -> list[Claim]: ...

    def document(self, doc_id: str) -> DocumentInput | None: ...


class StoreSource:
    """`DataSource` over an Observatory database opened with `observatory.store.open_database`."""

    def __init__(self, db: str) -> None:
        # Imported here so `observatory.web` can be imported (e.g. for its models) without a database.
        from observatory.store import StoreError, open_database
        from observatory.store.database import current_revision, head_revision

        # Serving writes nothing, not even a schema migration: an out-of-date database is refused
        # with the command that upgrades it.
        self.database = open_database(db, migrate=False)
        found, needed = current_revision(self.database.engine), head_revision()
        if found != needed:
            self.database.close()
            raise StoreError(
                f"{db}: schema revision {found or 'none'} but this Observatory reads {needed}; "
                f"run `observatory db upgrade --db {db}` (or ingest into it) first"
            )
        _make_read_only(self.database.engine)
        url = self.database.engine.url
        is_file = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
        self._sqlite_file = url.database if is_file else None
        self._cache: dict[str, tuple[object, Any]] = {}

    def report(self) -> Report:
        """The report; every page needs all of it, so it is cached (see `_unchanged_or`)."""
        from observatory.publish.report import build_report

        def read() -> Report:
            with self.database.session() as session:
                return build_report(session)

        report: Report = self._unchanged_or("report", read)
        return report

    def claims(self, doc: str | None = None) -> list[Claim]:
        from observatory.store import repository

        def read() -> list[Claim]:
            with self.database.session() as session:
                return repository.list_claims(session, doc_id=doc)

        if doc is not None:
            return read()  # one document's claims: a small indexed query, not worth caching
        claims: list[Claim] = self._unchanged_or("claims", read)
        return claims

    def document(self, doc_id: str) -> DocumentInput | None:
        from observatory.store import repository

        with self.database.session() as session:
            return repository.get_document(session, doc_id)

    def _unchanged_or(self, name: str, read: Callable[[], Any]) -> Any:
        """The value read last time while the SQLite file is unchanged, else a fresh read.

        An unchanged file (same size and modification time, WAL included) cannot hold different
        data. Other databases are read afresh on each request.
        """
        key = self._file_state()  # taken before reading, so a write during the read is not missed
        hit = self._cache.get(name)
        if key is not None and hit is not None and hit[0] == key:
            return hit[1]
        value = read()
        if key is not None:
            self._cache[name] = (key, value)
        return value

    def _file_state(self) -> object:
        if self._sqlite_file is None:
            return None
        state: list[tuple[int, int] | None] = []
        for path in (self._sqlite_file, self._sqlite_file + "-wal"):
            try:
                stat = os.stat(path)
            except FileNotFoundError:
                state.append(None)
            else:
                state.append((stat.st_mtime_ns, stat.st_size))
        return tuple(state)


def _make_read_only(engine: object) -> None:
    """Ask the database itself to refuse writes on every connection the web app opens.

    The routes only read, and the app answers 405 to every non-GET method; this is the last line
    of defence, so a bug in a query can never modify the data a monitor relies on.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not isinstance(engine, Engine):
        return
    dialect = engine.dialect.name
    if dialect == "sqlite":
        statement = "PRAGMA query_only = ON"
    elif dialect == "postgresql":
        statement = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
    else:
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute(statement)
        cursor.close()
        # PostgreSQL's SET is transactional: commit, or the pool's rollback would undo it.
        dbapi_connection.commit()  # type: ignore[attr-defined]

    # Connections pooled while the store migrated the schema were opened writable: drop them.
    engine.dispose()


def get_source(request: Request) -> DataSource:
    source: DataSource = request.app.state.source
    return source


Source = Annotated[DataSource, Depends(get_source)]


def get_report(source: Source) -> Report:
    return source.report()


ReportDep = Annotated[Report, Depends(get_report)]
