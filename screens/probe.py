"""Moments of start-up, for the benchmark (benchmarks/run.py).

Marks cost a dictionary write and are always taken. Only when LEIDRAAD_PROBE
names a file does the program write them there and stop once the case list is
shown, so the benchmark can time a real start without a terminal.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

ENV_PROBE = "LEIDRAAD_PROBE"
_marks: dict[str, float] = {}


def enabled() -> bool:
    return bool(os.environ.get(ENV_PROBE))


def mark(name: str) -> None:
    _marks.setdefault(name, time.time())


def marks() -> dict[str, float]:
    return dict(_marks)


def finish() -> None:
    target = os.environ.get(ENV_PROBE)
    if target:
        Path(target).write_text(json.dumps(_marks), encoding="utf-8")
