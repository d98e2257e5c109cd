"""Alembic environment: migrations run on the connection `app.ledger` hands over."""

from __future__ import annotations

from alembic import context

import app.db.models  # noqa: F401 - defines the tables on the metadata
from app.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy-and-move
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
