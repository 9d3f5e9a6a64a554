"""What every migration step is made of: the Step itself and helpers to write one.

How to write a step: see the docstring of storage/migration_steps.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Index, MetaData, Table, text
from sqlalchemy.schema import CreateColumn


@dataclass(frozen=True)
class Step:
    """Takes a database from version `version - 1` to `version`."""

    version: int
    description: str
    upgrade: Callable[[Connection], None]


# --- helpers for steps -------------------------------------------------------


def add_column(connection: Connection, table: str, column: Column[Any]) -> None:
    """ALTER TABLE ... ADD COLUMN, with the type and default spelled for this database.

    A NOT NULL column needs a server_default, so rows that already exist get a value.
    """
    spec = CreateColumn(column).compile(dialect=connection.dialect)
    connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {spec}"))


def create_table(connection: Connection, name: str, *items: Column[object] | Index) -> None:
    Table(name, MetaData(), *items).create(connection)
