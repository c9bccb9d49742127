"""Summarises several full `bench.py` runs: each row's median ratio, its range, and in how many
runs it met its target.

One run on this 2-core machine is not enough to call a row met or missed: a row near its target
flips when another job takes a core for a few milliseconds. `bench.py` writes one run's rows to
`results/latest.json`; copy that file after each of a few runs and pass the copies here:

    .venv/bin/python benchmarks/summarize_runs.py run1.json run2.json run3.json > results/runs.md

Rows are matched by their workload text, so runs of different binaries should not be mixed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def summarize(runs: list[dict]) -> str:
    """A markdown table with one line per workload of the first run."""
    by_workload = [{row["workload"]: row for row in run["rows"]} for run in runs]
    lines = [
        f"{len(runs)} full runs of `bench.py`; load averages before each run: "
        + ", ".join(f"{run['environment'].get('load_average_before', float('nan')):.2f}" for run in runs)
        + ".",
        "",
        "| workload | median ratio | ratios, run by run | target | met in |",
        "|---|---|---|---|---|",
    ]
    for row in runs[0]["rows"]:
        rows = [run[row["workload"]] for run in by_workload if row["workload"] in run]
        ratios = [r["ratio"] for r in rows if r.get("ratio") is not None]
        median = f"{statistics.median(ratios):.2f}×" if ratios else "—"
        each = ", ".join(f"{r:.2f}×" for r in ratios) if ratios else "—"
        met = sum(1 for r in rows if r.get("met"))
        lines.append(f"| {row['workload']} | {median} | {each} | {row['target']} | {met} of {len(rows)} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="+", help="latest.json files written by bench.py, one per run")
    arguments = parser.parse_args()
    sys.stdout.write(summarize([load(path) for path in arguments.runs]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
