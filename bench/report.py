"""The benchmark's report: targets met or not, the tables, and what the import's time is spent on."""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from pathlib import Path


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
                  "into an empty register:", "", "| import | into 100,000 | spread | into empty | spread | ratio |",
                  "|---|---:|---:|---:|---:|---:|"]
        for name, result in writing["incremental"].items():
            full, empty = result["full"], result["empty"]
            lines.append(f"| {name} | {ms(full['median'])} | {spread(full)} | {ms(empty['median'])} | "
                         f"{spread(empty)} | {full['median'] / empty['median']:.2f}× |")
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
              "by own time:", "", "```", profile, "```", "", IMPORT_ANALYSIS]
    return "\n".join(lines) + "\n"


IMPORT_ANALYSIS = """\
### Steps taken (issue 13), each measured

`twinning import` of the same 10,000 generated agreements into an empty register, each commit in
turn, three rounds one after the other on this machine (its speed varies by a fifth from minute to
minute: compare medians, not single runs). Size: the database file; peak: maximum RSS.

| step | median | runs | size | peak |
|---|---:|---:|---:|---:|
| schema 5 (d0e7545): the record whole as JSON beside nine normalized tables keyed by slug | 5.31 s | 5.28–6.78 s | 45.0 MB | 112 MiB |
| each fact once: scalars in columns, lists in `record`; people, stakeholders, funding, sources, topics read from the record (json_each); child tables WITHOUT ROWID | 4.48 s | 3.70–4.76 s | 30.1 MB | 90 MiB |
| child tables keyed by the agreement's integer id, given in increasing order (rows appended) | 3.65 s | 3.35–4.00 s | 23.4 MB | 83 MiB |
| load into an empty register: read-only indexes and counts made once at the end; string bounds checked in pydantic-core | 3.28 s | 3.19–3.35 s | 22.6 MB | 83 MiB |
| list items stored as arrays of values, trailing defaults left off | 3.54 s | 3.25–3.65 s | 20.2 MB | 80 MiB |
| the record column written by pydantic-core from the model's own fields | 3.32 s | 3.17–3.37 s | 20.2 MB | 80 MiB |
| 16 MiB of page cache instead of 64 | 3.43 s | 3.23–4.17 s | 20.2 MB | 76 MiB |

`sqlite-utils insert --nl` of the same records flattened: 1.1–1.3 s in the same minutes. The last
step, measured again an hour later beside the first and the one before it (the machine had slowed
by a third meanwhile):

| step | median | runs | size | peak |
|---|---:|---:|---:|---:|
| schema 5 (d0e7545) | 7.11 s | 6.74–7.23 s | 45.0 MB | 112 MiB |
| 16 MiB of page cache | 4.50 s | 4.46–4.87 s | 20.2 MB | 73 MiB |
| the page cache a quarter of the register, from 4 to 64 MiB, fitted as the import grows | 4.60 s | 4.27–4.74 s | 20.2 MB | 64 MiB |

The fitted cache is what brought adding 10,000 to a register of 100,000 under 1.5× (1.67× with
16 MiB, in the first full run); it costs memory on large registers.

Where the memory goes, sampled every 0.25 s during an import of 300,000 (the first 300,000 of the
1,000,000 file): 45 MiB before the first record; the resident size then grows with the page cache
(a quarter of the register so far) and the bounded caches of Python (the territories' name cache,
16,000 keys; a batch of 2,000 records), and stays at 148–150 MiB from the moment the cache reaches
its 64 MiB. What went past that plateau came at the end: SQLite sorts an index's keys (and a
GROUP BY) in as much memory as the page cache may hold, *beside* the cache, so the counts and the
deferred indexes of a load into an empty register took up to 64 MiB more (peaks of 177, 185 and
195 MiB; 200 MB in all). Those sorts now run with an 8 MiB cache (schema.resume; the cache is
given back after), spilling to temporary files instead:

| 300,000 into an empty register | time | peak RSS |
|---|---:|---:|
| the sorts beside the 64 MiB cache | 174.5 s | 200.0 MB |
| the sorts in 8 MiB | 177.1 s | 161.9 MB |

At 1,000,000 this took the peak from 232 MiB to 160 MiB (163 MiB in the seventh session's run).
The eighth session's run read 172 MiB, holding its Bloom filters (below): about 10 bits for each
slug, pair and territory name a load writes, some 9 MB at 1,000,000, nothing worth counting at
the sizes people import (120 kB a filter up to 100,000 keys). The ninth session's run read 169 MiB,
the tenth's 168 MiB (imports no longer load Typer, below), the eleventh's 167 MiB and the
twelfth's 169 MiB. Then, 39 MiB before the first record (pydantic and the models it builds,
13 MiB; the country names, 7.6 MiB, when a cell is a name) and 64 MiB of cache were already 103.
The fourteenth session's run read 82 MiB at 1,000,000 and 70 MiB at 100,000 (below: a load
into an empty register keeps 4 MiB of cache), the fifteenth's 80 and 69 MiB (an import of codes
no longer reads the names of subdivisions, 1.7 MiB); what remains above
64 MiB at 1,000,000 grows with the keys a load has written (its Bloom filters, some 9 MB there,
and the write-ahead log's index). The fifteenth session looked at where the rest goes, importing
300,000 records: 16–17 MB of the resident size is the shared libraries (pydantic-core, Python,
SQLite), 34 MB of private memory is there 0.3 s in (the modules, the models pydantic builds, the
register made from the seed with sqlite-utils, which loads click and pluggy: some 4 MB and 27 ms),
and it grows to 60 MB as the load writes (the name cache filling to its 16,000 keys, some 5 MB;
the filters; the last batch's models, 4.4 MB). The sixteenth session's run read 61 MiB at
100,000 (met there) and 73 MiB at 1,000,000. Measured with tracemalloc at the end of a load of
100,000, the territories' name cache held 9.2 MB (16,000 keys, some 575 bytes each: the key, the
candidates read from the register, and their own copies of the name key and region code) and the
four name caches of vocabulary (4,096 names each) some 3 MB. Now the name cache keeps 12,000 keys,
each candidate holding the name key it was looked up by and one shared string per region code
(identity._compact); the name caches keep 1,024 names; the checker writes its keys to its file
2,048 at a time instead of 4,096. 100,000 records, three rounds alternating with the code before
(f257bd1): 14.40, 14.61, 15.55 s against 14.68, 14.54, 15.30 s, peaks 65.5-66.2 MB against
72.4-74.7 MB; the 25,000 pairs 3.02-3.14 s against 3.02-3.16 s with the name caches alone. A cache
of 10,000 or 8,000 keys read 64 and 64.4 MB but took 1.5-3 % longer (154,000 look-ups of the
register at 8,000 against 99,000 at 16,000, each some 10 us), and the pairs 3 % longer. What
remains above 64 MiB at 1,000,000 is what grows with the keys a load writes: its Bloom filters
(some 8 MB there: four filters of 1 % error, each chain of filters doubling from 100,000 keys) and
the write-ahead log's index (3.7 MB for 1.9 GB of log, one transaction); at any size, about
40 MiB is there before the first record (Python and its modules, the models pydantic-core
builds, 7 MB of them; the register made from the seed by sqlite-utils, 3.5 MB).

The seventeenth session took down what grew with the keys, and some of what is there from the
start. Each step against the one before, one import of the 1,000,000 file, its peak by
/usr/bin/time (a peak moves by 1-3 MB from one run of the same code to the next):

| step | 1,000,000: peak | time |
|---|---:|---:|
| the sixteenth session's code (b7b64bd) | 74.8 MB | 214 s |
| into an empty register whose checker refuses a slug twice, the writer's filter holds the pairs alone (it never asks there about a slug it wrote); the checker's file with a page cache of 256 KiB instead of SQLite's 2 MB (100,000: 2.1-2.4 MB less in the same time); pages of 8 KiB (below, undone) | 69.0 MB | 215 s |
| a filter made when the first (100,000 keys) is full holds what the rest of the input should bring, from the share of the file read (seen.Seen): at 1,000,000 one filter of 900,000 keys after the first, where doubling made filters of 200,000, 400,000 and 800,000 (1.2 MB for each of the three filters of a key a record, instead of 1.8) | 67.3 MB | 213 s |
| a subdivision's parent and type one string however many codes name them (5,046 codes: 1.1 MB against 1.45) | 64.6 MB | 213 s |
| a load into an empty register keeps 2 MiB of page cache instead of 4 (100,000: 2.1 MB less, 15.69-15.92 s against 15.72-15.77 s) and name caches of 256 names instead of 1,024 (0.5 MB less in the same time) | 64.3 MB | 210 s |
| pages of 4 KiB again | 65.6 MB | (two at once) |
| a load writes 250 agreements at a time instead of 500 and the checker its keys 1,024 at a time instead of 2,048 (100,000: 15.58-15.81 s against 15.32-16.02 s, 1 MB less) | 63.5 MB | (two at once) |

Pages of 8 KiB for a register made now were tried: 100,000 records in the same time (15.20-15.48 s
against 15.25-15.34 s), a file 4.5 % smaller (176.7 MB against 185.0), half the write-ahead log's
index at 1,000,000 (1.85 MB); but adding 10,000 into a register of 100,000 took 2.01-2.04 s against
1.79-1.81 s with 4 KiB (a page a write touches at random is written whole to the log), and a
bench run read that target at 1.63×: undone. Pages of 16 KiB: 172.8 MB, 0.5 MB more memory at
100,000. `import --pairs` reads its country cells as names: the names of every country in every
language CLDR knows (28,000) were one table, copied into a second for ISO's inverted names, each
code a string of its own (5.8 MB); now one table and one string a code (3.2 MB), and the same for
the names of subdivisions (4.8 -> 3.3 MB, then 2.5 MB with each name's codes in a tuple, 48 bytes
for one code where a list took 88): the 25,000 pairs' peak from 71.1-71.4 MB to 63.7-63.9 MB, then
62.5-63.3 MB. The session's last run read 62 MiB at 1,000,000 (63,388 kB) and for the pairs list
(63,392 kB; its two runs before, without the tuples: 63,288 and 63,636 kB, 63,264 and 64,136 kB):
the memory goal met at every size of a load into an empty register, narrowly; what remains above 40 MiB at 1,000,000 is the
page cache (2 MiB) and the checker's (256 KiB), the name cache of 12,000 keys (some 5 MB), the
Bloom filters (about 4.5 MB), the write-ahead log's index (3.7 MB) and the batches.

"1,000,000 ≤ 11× the time of 100,000" read 14.0× in the seventeenth session's last run (sqlite-utils 9.7×: 35.06 s against
3.61 s; ours 4.61× it at 100,000, 6.67× at 1,000,000; 14.6× and 13.8× in the seventeenth session's
two runs before, 13.3× in its run with pages of 8 KiB, 13.9× in the sixteenth's last). The sixteenth session profiled 300,000
records (bench/generate.py 300000: 100,000 territories, a third of the records as at every size)
against 100,000 (cProfile, own time per function): 3.23× the time for 3× the records. What grows
faster than the records is SQLite's: `execute`, the look-ups of names, 4.2× (the name cache keeps
12,000 keys whatever the register's size, so it holds an ever smaller share of the territories,
and each look-up goes down a larger B-tree) and `executemany`, the rows written, 3.7× (random
places in the slug, pair and name indexes); then the Bloom filters' chains (a filter more each
time the keys double: 5.0×, 1.4 s of 87). The first 300,000 records of the 1,000,000 file, which
earlier sessions timed, name three times as many territories (297,000: the 1,000,000 file draws
from a pool of 333,000) and are no measure of growth. The fifteenth session's last run read 14.2×
(14.2×, 14.8× and 14.1× in the
session's three runs before it; 14.5×, 13.9× and 15.2× in the fourteenth session's three, then 15.7×, 14.1×,
14.9×, 12.5×, 13.7×, 13.6×, 15.6× and 11.7×). The two sizes are timed some minutes apart and this
machine's speed moves meanwhile: sqlite-utils' own insert took 10.2× as long for 1,000,000 as for
100,000 in the fifteenth session's last run (36.12 s against 3.55 s; 9.8×, 9.9× and 10.0× in the session's runs before, 10.4×,
9.4×, 10.4×, 11.1×, 11.5×, 8.8×, 8.5×, 10.5×, 13.4×, 11.1× and 8.3× in the runs before those); our
import against it there, 4.89× at 100,000 and 6.80× at 1,000,000 (4.99× and 7.24×, 4.80× and 7.19×,
4.61× and 6.50× in the session's runs before, 4.67× and 6.52× in the fourteenth session's last).
The fourteenth session's machine ran much faster than the thirteenth's (sqlite-utils' insert of
100,000: 3.61 s against 8.73 s): our 1,000,000 took 245 s there against 669 s, 246 s in the fifteenth session's last run. What grows past 100,000 is the random places in the key
indexes (slug, pair) each new agreement takes, in B-trees larger than the page cache: 300,000
took 61.3 s with 4 MiB of cache and 57.9 s with 64 MiB, 10 s and 3 s of it in the system's reads.

The eighteenth session timed where the 1,000,000 case's extra time goes: its rate every 50,000
records, one import of the 1,000,000 file at a time on this machine. With the code it began from
(27ae0fd), 159 us a record for the first 50,000, 195 us at 300,000, 221-232 us past 700,000:
221 s in all, 6.4 s of it the indexes and counts made at the end and some 9 s the commit. perf
put the system's share of that time at 23 % (14 % at 100,000) and SQLite's search of the
write-ahead log's index for each page it reads again (sqlite3WalFindFrame) at 5.4 % (0.75 %). Each
cache made large enough to hold everything, in turn: the checker's file at 512 MiB, 218 s (peak
517 MB); the territories' name cache at 1,000,000 keys, every name, 191 s (223 MB); with the
parties' index made at the end (below), the page cache at 1 GiB, 204 s (1.2 GB), and all three,
165 s at a flat 132-154 us a record (1.8 GB). That last is 11.1× this code's 100,000 timed in the
same hour (14.8-14.9 s), 10.2× this run's (16.14 s): with no cache missed at all the goal of 11× is
at its edge, and every cache that brings it closer
spends the memory goal many times over. What grows is the look-ups of names that no longer fit the
name cache (30 s of the 221) and the pages read again from the log. One step came of it: a load
into an empty register makes the parties' index by territory after its rows, as it never reads it
(a Wikidata import does, and keeps it row by row; the territories' counts at the end read it, and
it is made first): 100,000 records 14.80-14.90 s against 15.68-16.28 s (two rounds alternating),
the first 300,000 of the 1,000,000 file 56.7 s against 57.9 s, 10,000 1.29-1.33 s against
1.31-1.34 s, the 25,000 pairs the same (3.19-3.23 s against 3.19-3.22 s). Tried, not kept: the
name cache holding every name at 100,000 too (33,000 territories): 14.49-14.69 s against
16.08-16.16 s, but a peak of 64,556-64,684 kB against 56,000-56,240 kB (some 540 bytes a name:
the key, its candidates, their points), and the 25,000 pairs 3.08 s against 3.20-3.21 s at
64,440 kB; a cache grown while memory allows would have to foresee what a larger load's Bloom
filters and log index take later (at 1,000,000 the margin is 2.7 MB).

The memory target counts every import the bench times since this session: adding 10,000 into a
register of 100,000 peaked at 92 MiB in the seventeenth session's last run too (93,776 kB; the
target's row then read only loads into an empty register). An import into a register that holds
agreements fits its page cache to a quarter of the register, up to 64 MiB, for every index grows
at random there. Capped lower, the two goals cross (the same 10,000 into a copy of the 100,000,
two runs each): 16 MiB, peak 66,016-66,144 kB and 2.24-2.28 s (1.72× the 1.31 s into an empty
register); 24 MiB, 74,872-74,896 kB and 1.95 s (1.49×); the quarter (46 MiB), 93,828-93,904 kB
and 1.90-1.95 s. No one index is most of it: with 16 MiB, taking away in turn the territories'
index by count and name, by short name and by folded name, the parties' by territory and the
agreements' by date spared 0.08-0.19 s each of the 2.28. Left as it was then: the fitted cache, the
memory goal not met for an import into a register of 100,000: some 47 MiB is there beside the
cache (Python, pydantic and the models, the name cache, rows waiting 2,000 agreements at a time),
so that even 16 MiB of cache goes past 64 MiB.

The nineteenth session found what that cache was for. Timing each table's rows as a flush writes
them (adding the same 10,000 into a copy of the 100,000 against into an empty register): the
parties 0.21 s against 0.03 s, the domains 0.16 s against 0.03 s, the agreements 0.12 s against
0.08 s. A party's row set off a trigger that added one to its territory's count: an UPDATE of a
row at random in the territories' table and in their index by count and name, every party; a
domain's row one INSERT ... ON CONFLICT into domain_counts. Now a load into a register that
holds agreements sets the two count triggers aside for its transaction (schema.set_aside_counting)
and adds each batch's counts itself, once a territory, in the order of their ids (Writer._insert),
then makes the triggers again before the commit; a load into an empty register made its counts at
the end already, and any other write (add, remove, a merge) is counted by the triggers. Adding
10,000 into 100,000, alternating rounds against the code before (1116baf), the page cache as
before (a quarter of the register, 46 MiB): 1.71-1.84 s against 1.99-2.13 s; and the cache no
longer matters:

| page cache | adding 10,000 into 100,000 | peak |
|---|---:|---:|
| 4 MiB | 1.83-2.00 s | 53,116-53,292 kB |
| 8 MiB | 1.80-1.98 s | 57,364-57,592 kB |
| 16 MiB | 1.81-1.82 s | 66,124-66,184 kB |
| 24 MiB | 1.81 s | 74,968-75,024 kB |
| a quarter of the register (46 MiB) | 1.71-1.84 s | 94,548-94,764 kB |

(the same import into an empty register, in the same minutes: 1.31-1.38 s). `--update` of 10,000
there, which writes child rows only where they changed: 2.02-2.18 s with 8 MiB, 2.05-2.10 s with
16, 2.06-2.07 s with the quarter (1.55-1.63 s into an empty register). An import into a register
that holds agreements now keeps a quarter of it from 4 to 8 MiB (writer.fit_cache). Tests:
test_counts (the counts and triggers such an import leaves are those the triggers would have left;
the triggers absent only while the writer loads, and what it adds after its end counted once; a
failed import leaves triggers and counts as they were; an update that changes parties and domains),
test_bulk_load.test_the_page_cache_follows_the_register_from_4_to_8_mib.

The ninth session made `import`, `validate` and `add` run from argparse on the fast path, their
options declared once in options.py (options.WRITES) as the reads' are, so that an import no
longer pays for Typer building every command (about 0.1 s a process, 17 % of the 1,000 case).
Importing one record, twelve rounds alternating with Typer running the same command: medians
0.346 s (0.305–0.420) against 0.430 s (0.376–0.495), peak 39.0 MB against 42.3 MB.

The tenth session's run was of its code. The territories a load makes are written a batch at a
time (the resolver gives their ids in order and writes the rows before anything reads the table
or writes a row naming them), and the pairs path makes its module imports once instead of once a
row. `import --pairs` of the bench's 25,000 rows, three rounds alternating with the code before
(0c0eb71): 6.67, 6.02, 6.08 s against 5.29, 5.53, 5.12 s, the same register, table for table;
10,000 JSON Lines records: 2.92, 2.96, 3.34 s against 2.83, 2.93, 3.07 s (few territories a
record there). Its run read the pairs import at 2.13× sqlite-utils (2.91× in the run before).

The eleventh session's run was of its code (6aa9240). The JSON Lines path is the tenth's; the
pairs path reads more of each row, as a real list asks: whether a twin is a region (its kind
written with its name, or a name ISO 3166-2 gives a region that no town of the gazetteer has:
regions.py) and whether a town's point lies in its country (gazetteer.far_from: one set look-up
for most points, the cells of a degree around it for the rest). The bench's pairs file now puts
its towns near real places of their country (before, at random points: 94 % of them would now be
refused as lying in no place of their country), so its register differs from the runs before
(24,308 pairs, 38 rows refused). Reading the 25,000 rows into records (pairs.pair_record, the
import's other work left out), three rounds each: 0.62–0.70 s without the two checks, 0.93–1.15 s
with them, part of it the folding of each name moved from the slug to the region look-up; whole
imports alternating with the tenth session's code (0c8df67), each with its own gazetteer index:
6.39, 5.92, 6.07 s against 5.24, 5.43, 6.04 s. That run read the pairs import at 3.03× sqlite-utils
(5.15 s against 1.70 s; 4.96 s against 2.33 s in the run before).

The twelfth session's run was of its code. The JSON Lines path into an empty register is the
eleventh's; a load into a small register now runs as into an empty one, as the first import into
the seeded register (five agreements) does: the read-only indexes and the counts made once at the
end up to 1,000 agreements (schema.suspend), and the keys of the pairs, slugs and territories of a
register of up to 20,000 read into the Bloom filters first, so that a record asks the register only
about a key it may hold (65,700 look-ups of the 25,000 pairs down to 2,700, most of those the
gazetteer's). The bench's 25,000 pairs into the seeded register, alternating with the code before
it (276ba10), each with its own gazetteer index: 7.92, 8.34, 8.77 s against 11.03, 9.40, 10.64 s,
the same exports and counts. Into an empty register, as timed above, the pairs path also reads a
list's type, status and themes columns where it has them (pair_terms.py); that run read it at
2.48× sqlite-utils (7.73 s against 3.12 s, both slower with the machine).

The thirteenth session changed no write path; it measured where "≤ 1.0× sqlite-utils with the
same validation" stands. Validating 10,000 generated records took 0.76–0.97 s with
`validate_python` after 0.39 s of `json.loads`, 1.24–1.32 s with `model_validate_json` a line at a
time, and 1.77–1.84 s with one `TypeAdapter(list[Agreement]).validate_json` of the whole batch:
validation alone costs about what sqlite-utils' whole insert costs a record. Its pairs path reads
more of a list (regions by the names GeoNames gives them, a point copied from the twin, names in
capitals, the atlas's dates and titles); the bench's 25,000 pairs, alternating with the twelfth
session's code (cd0e710), each with its own gazetteer index: 5.51 and 5.72 s user against 6.39
and 6.52 s, the same export, peak 85 MB against 82 MB (3 MB of it GeoNames' names of
subdivisions, which an import of codes does not read). A lighter reader of a row's cells
was tried and dropped (no difference beyond noise). This page was not run again: the machine ran
1.3–2× slower all session (sqlite-utils' query of the list's SQL: 399–710 ms against 312 ms).

This run is of the nineteenth session's code: an import into a register that holds agreements
keeps the counts itself, a batch at once (below), with a page cache of 4 to 8 MiB; no other change
to any path's work. 100,000 records 15.57 s (16.14 s in the eighteenth session's last run),
1,000,000 204.04 s (210.93 s), which reads 13.1× the 100,000 (13.1× there too; sqlite-utils 10.8×
here: 34.42 s against 3.20 s). Peaks: 62 MiB at 1,000,000 (63,012 kB) and for the pairs list,
56 MiB adding 10,000 into 100,000 (57,388 kB; 94,732 kB in the eighteenth session's last run) and
56 MiB for `--update` of 10,000 there (57,160 kB): the memory goal met at every size and in every
import the bench times. "Add 10,000 into a register of 100,000" reads 1.35× (1,696 ms against
1,254 ms; 1.44× in the eighteenth session's last run, 1,951 ms into 100,000), `--update` 1.27×.

The eighteenth session's last run was of its code: the parties' index made at the end of a load into an
empty register, no other change to any path's work. 100,000 records 16.14 s, 1,000,000 210.93 s,
13.1× the 100,000 (sqlite-utils 11.1×: 36.35 s against 3.29 s). Peaks: 61 MiB at 1,000,000
(62,764 kB), 62 MiB for the pairs list (63,732 kB), and 93 MiB adding 10,000 into 100,000
(94,732 kB). "Add 10,000 into a register of 100,000" read 1.44×.

The seventeenth session's last run was of its code: the import's memory above, no other change to
any path's work. "Add 10,000 into a register of 100,000" read 1.35× (1.32× and 1.35× in the session's
two runs before; 1.63× in its run with pages of 8 KiB). The sixteenth session's run was of its code: the import's memory above (the name cache of 12,000
keys sharing its texts, name caches of 1,024, the checker's keys written 2,048 at a time), and a
Bloom filter's chain asked in a loop rather than by any() of a generator (0.25 against 0.58 us a
look-up with the four filters of 800,000 keys; some ten look-ups a record), no other change to
any path. "Add 10,000 into a register of 100,000" read 1.50× (1.51× in the session's run before
that last step, 1.56× in the fifteenth session's last, 1.33-1.48× in the runs before): at the
goal, within this machine's noise of it, as before. Tried and not kept, each timed against the code before: reading JSON Lines with
orjson (4.8 against 7.7 us a line of the bench's, but orjson reads an integer past 64 bits as a
float, and finding such an integer in a line by a regular expression took 10 us: the import of
100,000 ran 0.7 s slower); the register's look-up of a name as one query with OR instead of a
UNION (8.5 against 9.8 us: 0.07 s of 100,000 records); the full-text index without its
column sizes (FTS5 columnsize=0, which no query of ours needs: 100,000 records 1.7 % faster and
0.7 % smaller, for a register unlike those made before); without filling the full-text index at
all, 100,000 records took 0.7 s less (4.5 %): it is not what grows past 100,000. A load into an
empty register with a rollback journal instead of the write-ahead log (each page written once,
no log the size of the register beside it, no log index in memory): 100,000 records 16.29 ->
15.19 s (system time 2.55 -> 1.31 s), the first 300,000 of the 1,000,000 file 59.2 -> 54.8 s, the
same 3.6x between the two: the
log is not what grows either. Not kept: a reader of the register during such a load would wait,
then fail, once the load's first pages reach the file, where today it reads the register as it
was (test_faults.test_reads_during_a_write_see_the_state_before_it).

The fifteenth session's run was of its code. It changed no write path's work: a record's two
parties of one name in one country are one party listed twice only where nothing known of them
disagrees (the register's own rule of identity: 'Lengnau, Bern' twinned with 'Lengnau, Aargau'),
the pairs path places a French, Canadian or American town given a point among the places of its
name within 25 km of it (and every Canadian and American place of the gazetteer now has its
province or state), and an import of codes does not read the names of subdivisions. "Add 10,000
into a register of 100,000" read 1.56× in that run (1.35×, 1.47× and 1.43× in the session's
three runs before, 1.48× in the fourteenth's last): the import into an empty register ran fast
here (1.31 s against 1.44–1.47 s). Timed again alone, three rounds alternating with the code the
session began from (26f78a3): 1.42×, 1.42×, 1.33× against 1.45×, 1.35×, 1.46×, the same; the
goal sits within this machine's noise. Its reads wrote a register's records
as JSON with orjson (docs/scale.md: `export --format json` of 24,289 agreements 0.71 → 0.23 s,
`jsonl` 0.40 → 0.24 s), one record
(`show`) with json as before: orjson's import (7 ms) made `show SLUG --format json` on the seed
35 → 46 ms in a first run of this page, and "reads on the seed ≤ 0.5× sqlite-utils query" read
0.58×, the seed's `list` case at 63 ms in that run (45 ms at 1,000 in the same run); 0.41× with
the fix, above.

The fourteenth session's run was of its code (schema 9). Two steps, each against the code before
it on this machine, one after the other:

| step | before | after |
|---|---:|---:|
| a pair's key stored as a 64-bit hash (writer.pair_hash; two pairs of one hash told apart by their parties) and no slug_key column (a slug's words in another order found in the slug index's ranges): the register of the bench's 25,000 pairs | 16.9 MB | 14.9 MB |
| the same: 100,000 records, register | 205 MB (last run) | 185 MB |
| a load into an empty register keeps a page cache of 4 MiB to its end (it grows only its key indexes at random), sorts its deferred indexes in 2 MiB, flushes 500 agreements at a time (2,000 held 4 MB more; other writes keep 2,000, 4 % faster adding 10,000 to 100,000), and folds names in caches of 4,096: 100,000 records, time and peak | 18.40, 17.96 s; 130 MB | 17.58, 18.32 s; 72 MB |
| the same, the 25,000 pairs | 2.97, 3.04 s; 85 MB | 2.99, 3.09 s; 75 MB |

Where the pairs register's 15 MB go (dbstat): the agreements table 6.9 MB (its `record` column
3.5 MB, the parties each with name, kind, country and point, as the territories table holds them
again), territories 1.4 MB with 1.7 MB of indexes on five forms of their names, the full-text
index 1.0 MB, slug and pair indexes 1.1 MB, kind and status indexes 0.7 MB; sqlite-utils' table
holds the eight cells of each row and nothing else. A smaller register needs the parties stored
once (the record naming its territories), which changes what a record is when a territory is
filled in or renamed after it: not done. Tried, not kept: no preloaded keys at all for a load into
a register of up to 200,000 (reading 100,000 slugs and pairs into the Bloom filters took 0.24 s
and spared 0.03 s of look-ups); the territories' name cache at 4,000 or 8,000 keys instead of
16,000 (100,000 records at 63 or 67 MB, but the 25,000 pairs 12 % slower: their 14,000 names no
longer fit; the sixteenth session keeps 12,000, each smaller, above); a smaller cache into a register that holds agreements (adding 10,000 to 100,000:
2.6–2.8 s with 4 or 8 MiB, 2.0–2.2 s with a quarter of the register).

The eighth session's steps, each timed against the code before it (fadd426), one after the other
on this machine:

| step | before | after |
|---|---:|---:|
| writes open the register with sqlite3 itself; sqlite-utils (and the plugins it loads) only where a schema is made: importing one record | 0.42–0.60 s, 44.3 MB | 0.38–0.45 s, 41.4 MB |
| a load into an empty register asks the register only about pairs, slugs and territory names it may have written (Bloom filters, rbloom, ~10 bits a key); the name cache forgets the least recently used instead of starting again: the first 30,000 of the 100,000 | 16.3, 17.1, 13.5 s | 14.5, 14.9, 12.5 s |
| the same, `import --pairs` of 25,000 | 7.04, 6.79, 7.68 s | 5.77, 6.51, 6.88 s |
| the same, 100,000 | 52.4, 40.9 s | 54.5, 43.1 s |
| the file's repeated slugs and pairs checked behind a Bloom filter, new keys written to the checker's file 4,096 at a time in key order: the check alone, 100,000 / 300,000 keys | 2.11/8.32, 2.52/7.68 s | 1.69/6.13, 1.30/4.62 s |

Each register made by both was the same, dump for dump. At 100,000 the look-ups went from 180,792
by name and 100,000 by pair to 98,786 and none, and the time did not move: at that size they were
not where the time goes. What grows from 10,000 to 100,000 is spread over every Python function
alike (in cProfile each takes 12 times its 10,000 time for 10 times the records), not one step.
Tried at 100,000, not kept: the rollback journal instead of the write-ahead log for a load into an
empty register (each page written once instead of twice; 46.6 and 48.2 s against 54.1 and 49.2 s,
within the noise, and readers would wait for the whole load); a page cache twice the register's
size (49.5 and 51.0 s against 43.3 and 47.9 s: the cache is not what the time waits on); 16 MiB of
cache (54.4 and 55.5 s against 47.9 and 50.0 s, peak 109 MB against 137 MB).

`--update` of 10,000 into a register of 100,000 (the first 10,000 of its records, each with its
summary changed) against the same file into an empty register, three rounds each, the code of
d63f887 and of this change one after the other:

| code | into 100,000 | runs | into empty | runs | ratio |
|---|---:|---:|---:|---:|---:|
| d63f887: each replaced record deleted (its rows, index entries, full-text entries) and added again | 12.22 s | 10.77–12.44 s | 6.39 s | 6.01–6.71 s | 1.91× |
| replaced in place: its id kept, only the columns and child rows that changed written, its full-text entries moved by the writer | 7.33 s | 5.61–7.36 s | 5.25 s | 5.04–5.66 s | 1.40× |

Then (the run above): the row an update replaces is read once, by the import's check, which hands it
to the writer (it was read again there), and a record's domain and event rows are looked at only
when its domains or its record changed. Four rounds of the same `--update` of 10,000 into 100,000,
old code and new one after the other: 7.09/6.31, 6.17/5.82, 5.51/4.97, 5.28/4.83 s.

Each deleted row cost 0.15 ms in the deleting alone (eight index entries, three foreign keys
checked); in place, an update whose summary changed writes one column, and no index entry but the
full-text ones. Those the writer moves itself (the index's update trigger set aside for the
transaction and made again before it commits): 0.20 s for 10,000 where the trigger took 0.84 s.
Tried, not kept: the same for deletes (no difference in a whole import). Made after the rows of
a load into an empty register as well: the four territory indexes an import never reads (no
difference beyond noise on the pairs list, 6.5–7.5 s either way).

The benchmark times our modules with their bytecode compiled, as `pip install .` leaves them
(this machine sets PYTHONDONTWRITEBYTECODE, so each process timed had compiled every module of
ours again): the seed's reads take 60–70 ms instead of 100–120, which makes the 100,000 case's
extra milliseconds a larger share. In the run of e317e97 that put "reads at 100,000" at 1.66×,
`list --domain culture --year 2020` there (253 rows; the query itself takes 5–8 ms) had a median
of 117 ms (83–125 ms); timed again alone, five runs each one after the other: 78–88 ms at
100,000, 71–83 ms on the seed. In the run of 61ee94f the same target read 1.24×.

Reads did not change with schema 6: the seed's four read cases run by the code of schema 5 and
of schema 6, one after the other fifteen times, took 134/130, 129/130, 128/120 and 109/110 ms
(old/new medians). What moves the read targets between runs is the machine: `sqlite-utils query`
of the same SQL took 105 ms in one run and 200–290 ms in another.

What the import still does that the anchor does not, per agreement (cProfile above): pydantic
validation with our text rules on every string (a Python call per string: `clean`), JSON decoding,
a look-up of the pair and of each party's territory, the file-level duplicate check, three child
tables and the full-text index. Tried and measured, not kept: `model_validate_json` straight from
the line (15 % of validation, at the cost of a second parse for every problem report), garbage
collector thresholds or a frozen heap (no difference beyond noise), a smaller batch or name cache
(no difference); checking the records in a second process while the first writes them (forked at
the start, records sent 256 at a time as their validated fields and made into models again
without validation, in 50 µs each): 5.0–5.9 s for 10,000 against 3.8–4.5 s in one process,
because reading, parsing and validating are most of the import (2.6–3.2 s of it, timed alone),
so the second process alone took 4.6 s. Not tried, by size of the likely gain: the text rules as
one pass over each raw record instead of one call per string (validating a generated record takes
97 µs with them and 72 µs without, best of seven rounds of 2,000); a lighter interpreter footprint
(39 MiB before the first record now that writes leave sqlite-utils and Typer alone: pydantic and
the models it builds), which is most of the 64 MiB memory goal.
"""


