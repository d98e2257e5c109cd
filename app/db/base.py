"""The declarative base every table shares: ids, timestamps, the recycle bin, labels.

Column labels live in `info["label"]`, so forms, table headers, validation
messages, imports and exports all name a field the same way (`label_of`).
Constraints are named by the metadata's naming convention, which Alembic's batch
migrations on SQLite need.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Enum, Integer, MetaData, Numeric
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from app import clock
from app.db.vocabulary import Vocabulary
from app.i18n import translate

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Outcome values: decimals with four places (亩产 761.5, 带动增收 0.25 万元).
QUANTITY = Numeric(18, 4)
MONEY = Numeric(14, 2)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def vocabulary(enum_class: type[Vocabulary]) -> Enum:
    """Store a vocabulary by its code, with a named CHECK constraint (portable)."""
    return Enum(
        enum_class,
        name=enum_class.__name__.lower(),
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=16,
        values_callable=lambda members: [member.value for member in members],
    )


def labelled(label: str, **info: Any) -> dict[str, Any]:
    return {"label": label, **info}


class Record(Base):
    """Every table: an integer id and when the row was made and last changed."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=clock.now, sort_order=1)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=clock.now, onupdate=clock.now, sort_order=1
    )


class SoftDeletable:
    """Rows that go to the recycle bin (回收站) before they can be purged.

    `deleted_at` is indexed only where it is set (`app.db.models`, `IN_BIN`): the bin
    lists those few rows, while every other query asks for the live 99 % of rows,
    which an index on the column would only slow down (the planner picked it)."""

    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, sort_order=1)


class Versioned:
    """Rows clerks edit (optimistic locking): SQLAlchemy raises `version` at each UPDATE
    and makes the UPDATE only while the row still has the version it read, so two clerks
    saving one record on a shared ledger cannot overwrite each other unseen; a form
    hands the version it showed to `commands.update`, which refuses a changed record."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1", sort_order=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


# Columns kept by the storage, not by the clerk: never in a form, a snapshot or an undo.
BOOKKEEPING = frozenset({"created_at", "updated_at", "version"})
# Columns the models compute from another on write (the pinyin `name_key` from the name):
# never typed, never shown as a change of their own.
DERIVED = frozenset({"name_key"})


def label_of(model: type[Record], attribute: str) -> str:
    """The UI name of a model's column, in the current language."""
    column = model.__table__.columns[attribute]
    return translate(model.__name__, column.info.get("label", attribute))
