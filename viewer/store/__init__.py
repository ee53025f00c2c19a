"""SQLite storage of the archive (sqlite-utils): schema, writes and read queries."""

from viewer.store import queries
from viewer.store.store import DB_NAME, ReadOnlyArchive, SchemaTooOld, Store, WriteResult

__all__ = [
    "DB_NAME",
    "ReadOnlyArchive",
    "SchemaTooOld",
    "Store",
    "WriteResult",
    "queries",
]
