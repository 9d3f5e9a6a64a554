"""How fast leidraad is on this machine, against the targets in the README.

Run by hand: `uv run python benchmarks/run.py` (add `--quick` for a short run).
It makes its own seeded data in a temporary folder and never touches real data.
Each measurement runs in a fresh child process, so imports and caches of one
do not flatter the next. Prints a table; exits 0 whether targets are met or not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from leidraad.core.domain import format_count  # noqa: E402

CHILD = Path(__file__).resolve().parent / "child.py"


@dataclass
class Row:
    what: str
    measured: str
    target: str
    ok: bool | None


def child(*args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run one measurement in a fresh interpreter; it prints one JSON line."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{args}: {result.stderr[-2000:]}")
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    data["launched"] = started
    return data


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller data")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    big_cases = 2_000 if args.quick else 10_000
    rows: list[Row] = []

    with tempfile.TemporaryDirectory(prefix="leidraad-bench-") as tmp:
        folder = Path(tmp)
        empty, two_k, big = folder / "leeg", folder / "2000", folder / "groot"
        print("Gegevens maken…", file=sys.stderr)
        child("make", str(empty), "0", "0")
        child("make", str(two_k), "2000", "3")
        child("make", str(big), str(big_cases), "20")

        print("Opstarten meten…", file=sys.stderr)

        def start(kind: str, data: Path, key: str) -> float:
            result = child("start", kind, str(data))
            return result[key] - result["launched"]

        floor = median_of(runs, lambda: start("floor", empty, "first_frame"))
        real = median_of(runs, lambda: start("app", empty, "first_frame"))
        rows.append(Row("Opstarten tot eerste scherm (vloer-app)", ms(floor), "", None))
        rows.append(
            Row(
                "Opstarten tot eerste scherm (leidraad)",
                f"{ms(real)} = {real / floor:.2f}× vloer",
                "≤ 1,3× vloer",
                real <= 1.3 * floor,
            )
        )
        listed = median_of(runs, lambda: start("app", two_k, "cases_loaded"))
        rows.append(
            Row(
                "Casuslijst met 2.000 casussen gevuld",
                f"{ms(listed)} = {listed / floor:.2f}× vloer",
                "≤ 2× vloer",
                listed <= 2 * floor,
            )
        )

        print("Opslaan meten…", file=sys.stderr)
        save = child("save", str(folder / "opslaan"), "200" if args.quick else "1000")
        rows.append(
            Row(
                "Antwoord opslaan (mediaan / p99)",
                f"{ms(save['app_median'])} / {ms(save['app_p99'])}",
                "p99 < 5 ms",
                save["app_p99"] < 0.005,
            )
        )
        rows.append(
            Row(
                "Zelfde met kale sqlite3 (mediaan / p99)",
                f"{ms(save['raw_median'])} / {ms(save['raw_p99'])}",
                "",
                None,
            )
        )
        ratio = save["app_p99"] / save["raw_p99"]
        rows.append(Row("Opslaan: leidraad ÷ sqlite3 (p99)", f"{ratio:.2f}×", "≤ 3×", ratio <= 3))

        print("Verslagen meten…", file=sys.stderr)
        docs = child("export", str(folder / "verslag"))
        rows.append(
            Row(
                "Verslag: 150 antwoorden, 40 acties",
                ms(docs["minutes"]),
                "< 50 ms",
                docs["minutes"] < 0.050,
            )
        )
        rows.append(
            Row(
                "Verloop: casus met 60 overleggen",
                ms(docs["history"]),
                "< 300 ms",
                docs["history"] < 0.300,
            )
        )

        print(f"{big_cases} casussen meten…", file=sys.stderr)
        large = child("large", str(big))
        label = format_count(big_cases)
        rows.append(
            Row(
                f"{label} casussen × 20 overleggen: lijst gevuld",
                ms(large["cases_loaded"] - large["started"]),
                "",
                None,
            )
        )
        rows.append(
            Row(
                f"{label} casussen: alles geopend (casus te openen)",
                ms(large["data_open"] - large["started"]),
                "",
                None,
            )
        )
        rows.append(
            Row(
                f"{label} casussen: zoekresultaat",
                ms(large["search"]),
                "< 100 ms",
                large["search"] < 0.100,
            )
        )
        rows.append(
            Row(f"{label} casussen: 50× pijl omlaag verwerkt", ms(large["scroll"]), "", None)
        )
        rows.append(
            Row(
                f"{label} casussen: piekgeheugen",
                f"{large['peak_mib']:.0f} MiB",
                "< 150 MiB",
                large["peak_mib"] < 150,
            )
        )

    width = max(len(r.what) for r in rows)
    measured = max(len(r.measured) for r in rows)
    print(f"\n{'meting':<{width}}  {'gemeten':<{measured}}  doel")
    for r in rows:
        mark = "" if r.ok is None else ("  ✓" if r.ok else "  ✗ NIET GEHAALD")
        print(f"{r.what:<{width}}  {r.measured:<{measured}}  {r.target}{mark}")


if __name__ == "__main__":
    main()
