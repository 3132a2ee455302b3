"""ISO 3166-2 subdivisions, from subdivisions.tsv (made from pycountry by
scripts/make_countries.py): each code's parent, type and name, and the names people look them up by.
countries.py resolves names with them; the rest of the tool asks here what a code is."""

from __future__ import annotations

import sys
from collections import namedtuple
from functools import cache
from pathlib import Path


Subdivision = namedtuple("Subdivision", "parent type name")


@cache
def _subdivisions() -> dict[str, Subdivision]:
    """ISO 3166-2 from subdivisions.tsv (made from pycountry by scripts/make_countries.py): each
    code's parent, type and name, the C lines. Read in a few milliseconds, where going through
    pycountry's 5,000 subdivisions took a fifth of a second. A parent and a type are one string
    however many codes name them (109 types, 215 parents): 1.1 MB where a copy each took 1.45."""
    with _PATH.open(encoding="utf-8") as handle:
        return {code: Subdivision(sys.intern(parent) if parent else None, sys.intern(kind), name)
                for code, parent, kind, name in
                (line.rstrip("\n").split("\t")[1:] for line in handle if line.startswith("C\t"))}


@cache
def _all_subdivision_names() -> dict[str, tuple[str, ...]]:
    """Each search key of an ISO or French name to its codes: the N lines, read only when a name
    is looked up (12,000 keys, 1.7 MB that an import of codes has no use for)."""
    return _keyed("N\t")


@cache
def _other_subdivision_names() -> dict[str, tuple[str, ...]]:
    """Names GeoNames gives subdivisions that ISO and its French names do not ('Tuscany'): the A
    lines of the same file, read only when a name is looked up among them (10,000 names, 3 MB
    that a JSON Lines import of codes has no use for)."""
    return _keyed("A\t")


def _keyed(tag: str) -> dict[str, tuple[str, ...]]:
    """The lines of subdivisions.tsv that begin with `tag`: a search key and its codes, a tuple
    (48 bytes for one code, where a list took 88), each code one string however many names it has."""
    with _PATH.open(encoding="utf-8") as handle:
        return {key: tuple(sys.intern(code) for code in found.split(",")) for key, found in
                (line.rstrip("\n").split("\t")[1:] for line in handle if line.startswith(tag))}


_PATH = Path(__file__).with_name("subdivisions.tsv")


def is_subdivision(code: str) -> bool:
    """An ISO 3166-2 code: 'FR-BRE', 'CA-QC'."""
    return code in _subdivisions()


def subdivision_names() -> dict[str, str]:
    """Each ISO 3166-2 code and its ISO name, in code order."""
    return {code: sub.name for code, sub in _subdivisions().items()}


@cache
def _children() -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    for code, sub in _subdivisions().items():
        if sub.parent:
            children.setdefault(sub.parent, []).append(code)
    return children


def region_label(code: str) -> str:
    """A subdivision's name as ISO lists it ('Bretagne', 'Quebec'), or the code."""
    found = _subdivisions().get(code)
    return found.name if found else code


def subdivision_type(code: str) -> str | None:
    """What ISO 3166-2 calls a subdivision: 'Region', 'Province', 'Two-tier county'…"""
    found = _subdivisions().get(code)
    return found.type if found else None


@cache
def _parents() -> dict[str, str]:
    return {code: sub.parent for code, sub in _subdivisions().items() if sub.parent}


def ancestors(code: str) -> list[str]:
    """The subdivisions a subdivision lies in: FR-35 -> [FR-BRE]."""
    parents, out = _parents(), []
    while code in parents:
        code = parents[code]
        out.append(code)
    return out


def related(a: str, b: str) -> bool:
    """One subdivision lies in the other, or they are one: FR-64 and FR-NAQ are compatible."""
    if a == b:
        return True
    parents = _parents()
    for low, high in ((a, b), (b, a)):
        code = low
        while code in parents:
            code = parents[code]
            if code == high:
                return True
    return False
