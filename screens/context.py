"""What every screen needs from the outside world, handed down when it is created."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leidraad.core.guide import Guide

if TYPE_CHECKING:
    from storage.repository import Repository


@dataclass
class AppContext:
    repo: Repository
    guide: Guide
    minutes_dir: Path
    today: Callable[[], date] = field(default=date.today)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
