"""Store stage: SQLAlchemy tables, Alembic migrations and repository functions.

`open_database(db)` returns a `Database` (engine + transactional `session()`); the functions in
`observatory.store.repository` read and write domain models (`observatory.models`) through it.
"""

from observatory.store.database import Database, StoreError, open_database

__all__ = ["Database", "StoreError", "open_database"]
