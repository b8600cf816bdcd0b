"""Migrations and ORM describe the same schema; `observatory db upgrade` applies them."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from typer.testing import CliRunner

from observatory.cli import app
from observatory.store import open_database
from observatory.store.database import current_revision, head_revision, make_engine
from observatory.store.tables import Base


def test_migrations_match_orm(db_url: str) -> None:
    with open_database(db_url) as db, db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_db_upgrade_command(tmp_path: Path) -> None:
    target = tmp_path / "fresh.db"
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", str(target)])
    assert result.exit_code == 0, result.output
    assert head_revision() in result.output
    engine = make_engine(str(target))
    assert current_revision(engine) == head_revision()
    engine.dispose()
    again = CliRunner().invoke(app, ["db", "upgrade", "--db", str(target)])
    assert again.exit_code == 0 and "already" in again.output


def test_db_upgrade_reports_unusable_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", str(tmp_path / "no" / "such" / "x.db")])
    assert result.exit_code == 1
    assert "does not exist" in result.output
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an sqlite database at all" * 100)
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", str(junk)])
    assert result.exit_code == 1
    assert "junk.db" in result.output and "Traceback" not in result.output
