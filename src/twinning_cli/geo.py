"""`export --format geojson`: territories as points, agreements as lines (RFC 7946).

Only territories with coordinates appear; an agreement is a line through its
parties that have them (two or more), as [longitude, latitude] pairs. Written as the
links are read, a few hundred features at a time, by orjson (compact, as for JSON Lines): the
text of the whole collection, without the collection in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

BLOCK = 512


def features(nodes: list[tuple], links: Iterable[tuple]) -> Iterator[dict]:
    """Each territory with coordinates as a point, then each agreement through two or more of
    them as a line (queries.graph_rows: links by agreement, then position)."""
    places = {tid: (lng, lat) for tid, _, _, _, _, lat, lng in nodes if lat is not None and lng is not None}
    for tid, name, kind, country, subdivision, _, _ in nodes:
        if tid in places:
            yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": list(places[tid])},
                   "properties": {"territory": name, "kind": kind, "country": country, "subdivision": subdivision}}
    for slug, rows in groupby(links, key=lambda row: row[0]):
        rows = list(rows)
        _, title, kind, status, year, domains, _ = rows[0]
        points = [list(places[row[6]]) for row in rows if row[6] in places]
        if len(points) >= 2:
            yield {"type": "Feature", "properties": {"agreement": slug, "title": title, "kind": kind,
                                                     "status": status, "year": year,
                                                     "domains": domains.split("; ") if domains else []},
                   "geometry": {"type": "LineString", "coordinates": points}}


def write(nodes: list[tuple], links: Iterable[tuple]) -> None:
    from orjson import dumps

    from .render import blocks, byte_writer

    out = byte_writer()
    out(b'{"type":"FeatureCollection","features":[')
    for i, block in enumerate(blocks(features(nodes, links), BLOCK)):
        out((b"" if i == 0 else b",") + dumps(block)[1:-1])
    out(b"]}\n")
