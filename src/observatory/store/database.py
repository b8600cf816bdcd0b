"""Opening a database: SQLite file or PostgreSQL URL, migrated with Alembic on first use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from observatory.config import database_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A database that cannot be opened or migrated; the message is one line for the user."""


class Database:
    """An engine plus a transactional session factory.

    `session()` commits when the block ends normally and rolls back on any exception, so a
    caller that saves one document per `with db.session()` block never leaves half a document.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores foreign keys unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(db: str) -> Engine:
    """An engine for a `--db` value (a path or an SQLAlchemy URL)."""
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        parent = Path(url.database).parent
        if not parent.is_dir():
            raise StoreError(f"{db}: folder {parent} does not exist")
    # SQLite: wait for a concurrent writer (another ingest) instead of failing at once.
    connect_args = {"timeout": 30} if url.get_backend_name() == "sqlite" else {}
    try:
        engine = create_engine(url, connect_args=connect_args)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"{db}: cannot use this database ({first_line(exc)})") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the Alembic migrations up to `revision` on this engine's database."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def open_database(db: str, *, migrate: bool = True) -> Database:
    """Open (and create or migrate, unless `migrate=False`) the database named by `db`.

    Raises StoreError with a one-line reason when the database cannot be used.
    """
    engine = make_engine(db)
    try:
        if migrate and current_revision(engine) != head_revision():
            upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"{db}: cannot open or migrate the database ({first_line(exc)})") from exc
    return Database(engine)


def first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
