"""What every screen needs from the outside world, handed down when it is created."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from leidraad.guide import Guide

if TYPE_CHECKING:
    from storage.repository import Repository


@dataclass
class AppContext:
    repo: Repository
    guide: Guide
    minutes_dir: Path
    today: Callable[[], date] = field(default=date.today)
