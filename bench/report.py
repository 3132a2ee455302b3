"""The benchmark's report: targets met or not, the tables, and what the import's time is spent on."""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from pathlib import Path

# The steps taken on the import (issue 13) and what each measured, written by hand: the page's end.
STEPS = Path(__file__).resolve().parent / "steps.md"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "?")
    return (f"{platform.platform()}; {os.cpu_count()} cores, {cpu}; memory {memory}; "
            f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}")


def ms(value: float) -> str:
    return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.2f} s"


def spread(result: dict) -> str:
    return f"{ms(result['min'])}–{ms(result['max'])}"


def targets(imports: dict, reads: dict, writing: dict) -> list[str]:
    """Each target of the performance issues: the figure measured, and met or not."""
    seed = reads["seed (5)"]
    big = reads.get("100,000")
    read_names = [n for n in seed if not n.startswith("--")]
    rows = []

    def row(target: str, figure: str, met: bool) -> None:
        rows.append(f"| {target} | {figure} | {'met' if met else '**not met**'} |")

    worst = max(seed[n]["twinning"]["median"] / seed[n]["sqlite-utils"]["median"] for n in read_names)
    row("reads on the seed ≤ 0.5× sqlite-utils query", f"{worst:.2f}× at worst", worst <= 0.5)
    worst = max(seed[n]["twinning"]["median"] / seed[n]["floor"]["median"] for n in read_names)
    row("reads on the seed ≤ 3× the floor", f"{worst:.2f}× at worst", worst <= 3)
    if big:
        worst = max(big[n]["twinning"]["median"] / seed[n]["twinning"]["median"] for n in read_names)
        row("reads at 100,000 ≤ 1.5× their time on the seed", f"{worst:.2f}× at worst", worst <= 1.5)
    for name in ("--help", "--version"):
        ratio = seed[name]["twinning"]["median"] / seed[name]["sqlite-utils"]["median"]
        row(f"`twinning {name}` ≤ 0.5× `sqlite-utils --help`", f"{ratio:.2f}×", ratio <= 0.5)
    for size, result in imports.items():
        ours, anchor = result["twinning import"], result["sqlite-utils insert --nl"]
        ratio = ours["median"] / anchor["median"]
        row(f"import of {size:,} ≤ 1.0× sqlite-utils insert", f"{ratio:.2f}× ({ms(ours['median'])} against "
            f"{ms(anchor['median'])})", ratio <= 1.0)
    if 100_000 in imports and 1_000_000 in imports:
        growth = imports[1_000_000]["twinning import"]["median"] / imports[100_000]["twinning import"]["median"]
        row("import of 1,000,000 ≤ 11× the time of 100,000", f"{growth:.1f}×", growth <= 11)
    if "pairs" in writing:
        result = writing["pairs"]
        ratio = result["twinning"]["median"] / result["sqlite-utils"]["median"]
        row("`import --pairs` of 25,000 ≤ 1.0× `sqlite-utils insert --csv`",
            f"{ratio:.2f}× ({ms(result['twinning']['median'])} against {ms(result['sqlite-utils']['median'])})",
            ratio <= 1.0)
    for name, result in writing.get("incremental", {}).items():
        ratio = result["full"]["median"] / result["empty"]["median"]
        row(f"{name} into a register of 100,000 ≤ 1.5× into an empty one",
            f"{ratio:.2f}× ({ms(result['full']['median'])} against {ms(result['empty']['median'])})", ratio <= 1.5)
    if 100_000 in imports and "sizes" in imports[100_000]:
        sizes = imports[100_000]["sizes"]
        ratio = sizes["register"] / sizes["input"]
        row("register of 100,000 ≤ 1.5× its JSON Lines input", f"{ratio:.2f}× ({mb(sizes['register'])} against "
            f"{mb(sizes['input'])})", ratio <= 1.5)
    if "pairs" in writing:
        sizes = writing["pairs"]["sizes"]
        ratio = sizes["register"] / sizes["anchor"]
        row("register of the pairs list ≤ 2.5× sqlite-utils' table", f"{ratio:.2f}× ({mb(sizes['register'])} "
            f"against {mb(sizes['anchor'])})", ratio <= 2.5)
    peaks = {f"{size:,}": result["twinning import"]["rss"] for size, result in imports.items()}
    if "pairs" in writing:
        peaks["the pairs list"] = writing["pairs"]["twinning"]["rss"]
    for name, result in writing.get("incremental", {}).items():  # into a register that holds agreements too
        peaks[f"{name} into 100,000"] = result["full"]["rss"]
    if peaks:
        size, peak = max(peaks.items(), key=lambda item: item[1])
        row("peak memory of an import ≤ 64 MiB at any size", f"{peak / 1024:,.0f} MiB at {size}",
            peak <= 64 * 1024)
    return ["## Targets", "", "| target | measured | |", "|---|---|---|", *rows, ""]


def mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def render(imports: dict, reads: dict, argv: str, profile: str, writing: dict) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured by `python bench/run.py {argv}`".rstrip() + " on "
        f"{time.strftime('%Y-%m-%d')}: each figure is a whole process, the median of several runs, "
        "with the fastest and slowest run beside it.",
        "",
        f"Machine: {machine()}.",
        "",
        *targets(imports, reads, writing),
        "## Import",
        "",
        "`twinning import` of a JSON Lines file into an empty register (validated, normalized, "
        "identities resolved, full-text indexed), against `sqlite-utils insert --nl` of the same records "
        "flattened into one table (the anchor). Peak memory is the process's maximum RSS; sizes are "
        "the database files (write-ahead log checkpointed) and the JSON Lines input.",
        "",
        "| agreements | twinning import | spread | peak RSS | sqlite-utils insert | spread | peak RSS | ratio "
        "| register | input | sqlite-utils' table |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, row in imports.items():
        ours, anchor = row["twinning import"], row["sqlite-utils insert --nl"]
        sizes = row.get("sizes", {})
        lines.append(f"| {size:,} | {ms(ours['median'])} | {spread(ours)} | {ours['rss'] / 1024:,.0f} MiB | "
                     f"{ms(anchor['median'])} | {spread(anchor)} | {anchor['rss'] / 1024:,.0f} MiB | "
                     f"{ours['median'] / anchor['median']:.2f}× | "
                     + " | ".join(mb(sizes[k]) if k in sizes else "" for k in ("register", "input", "anchor"))
                     + " |")
    if writing.get("incremental"):
        lines += ["", "Into a register already holding the 100,000 (a copy of it each run), against the same file "
                  "into an empty register:", "",
                  "| import | into 100,000 | spread | peak RSS | into empty | spread | peak RSS | ratio |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, result in writing["incremental"].items():
            full, empty = result["full"], result["empty"]
            lines.append(f"| {name} | {ms(full['median'])} | {spread(full)} | {full['rss'] / 1024:,.0f} MiB | "
                         f"{ms(empty['median'])} | {spread(empty)} | {empty['rss'] / 1024:,.0f} MiB | "
                         f"{full['median'] / empty['median']:.2f}× |")
    if writing.get("pairs"):
        result = writing["pairs"]
        ours, anchor, sizes = result["twinning"], result["sqlite-utils"], result["sizes"]
        lines += ["", "A world-shaped list of 25,000 twinned pairs (bench/pairs.py): `twinning import --pairs "
                  "--skip-invalid` against `sqlite-utils insert --csv` of the file:", "",
                  "| | time | spread | peak RSS | size |", "|---|---:|---:|---:|---:|",
                  f"| twinning import --pairs | {ms(ours['median'])} | {spread(ours)} | {ours['rss'] / 1024:,.0f} MiB | "
                  f"{mb(sizes['register'])} |",
                  f"| sqlite-utils insert --csv | {ms(anchor['median'])} | {spread(anchor)} | "
                  f"{anchor['rss'] / 1024:,.0f} MiB | {mb(sizes['anchor'])} |",
                  f"| the CSV file | | | | {mb(sizes['file'])} |"]
    lines += [
        "",
        "## Reads",
        "",
        "Each command with `--format csv` or `json`, against `sqlite-utils query DB \"<the same SQL>\" --csv` "
        "(the anchor) and a bare `python -c` running that SQL with `sqlite3` and `csv` (the floor). For "
        "`--help` and `--version` the anchor is `sqlite-utils --help` and the floor `python -c pass`.",
        "",
    ]
    seed = reads.get("seed (5)", {})
    for label, rows in reads.items():
        lines += [f"### {label} agreements", "",
                  "| command | twinning | spread | sqlite-utils | floor | ÷ anchor | ÷ floor | ÷ own at seed |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name, row in rows.items():
            ours = row["twinning"]["median"]
            own = ours / seed[name]["twinning"]["median"] if name in seed else 1
            lines.append(f"| `{name}` | {ms(ours)} | {spread(row['twinning'])} | "
                         f"{ms(row['sqlite-utils']['median'])} | {ms(row['floor']['median'])} | "
                         f"{ours / row['sqlite-utils']['median']:.2f}× | {ours / row['floor']['median']:.2f}× | "
                         f"{own:.2f}× |")
        lines.append("")
    lines += ["## Where an import's time goes", "",
              "cProfile of `twinning import` of 10,000 agreements into an empty register, the top entries "
              "by own time:", "", "```", profile, "```", "", STEPS.read_text(encoding="utf-8")]
    return "\n".join(lines) + "\n"
