"""Where the web layer gets its data: one `DataSource` per app, injected into every route.

The production source reads the database the CLI wrote, through the same `build_report` the
`observatory report` command uses, so the API, the dashboard and the CLI can never disagree.
Routes depend on the small `DataSource` protocol rather than on the store directly, which keeps
them thin and lets the app be pointed at any database (SQLite file or PostgreSQL URL).
"""

from __future__ import annotations

from typing import Annotated, Protocol

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
        from observatory.store import open_database

        self.database = open_database(db)
        _make_read_only(self.database.engine)

    def report(self) -> Report:
        from observatory.publish.report import build_report

        with self.database.session() as session:
            return build_report(session)

    def claims(self, doc: str | None = None) -> list[Claim]:
        from observatory.store import repository

        with self.database.session() as session:
            return repository.list_claims(session, doc_id=doc)

    def document(self, doc_id: str) -> DocumentInput | None:
        from observatory.store import repository

        with self.database.session() as session:
            return repository.get_document(session, doc_id)


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

    # Connections pooled while the store migrated the schema were opened writable: drop them.
    engine.dispose()


def get_source(request: Request) -> DataSource:
    source: DataSource = request.app.state.source
    return source


Source = Annotated[DataSource, Depends(get_source)]


def get_report(source: Source) -> Report:
    return source.report()


ReportDep = Annotated[Report, Depends(get_report)]
