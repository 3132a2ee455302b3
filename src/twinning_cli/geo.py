"""`export --format geojson`: territories as points, agreements as lines (RFC 7946).

Only territories with coordinates appear; an agreement is a line through its
parties that have them (two or more), as [longitude, latitude] pairs.
"""

from __future__ import annotations

import json


def collection(nodes: list[tuple], links: list[tuple]) -> dict:
    places = {tid: (lng, lat) for tid, _, _, _, _, lat, lng in nodes if lat is not None and lng is not None}
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": list(places[tid])},
         "properties": {"territory": name, "kind": kind, "country": country, "subdivision": subdivision}}
        for tid, name, kind, country, subdivision, _, _ in nodes if tid in places
    ]
    lines: dict[str, dict] = {}
    for slug, title, kind, status, year, domains, tid in links:
        line = lines.setdefault(slug, {"properties": {"agreement": slug, "title": title, "kind": kind,
                                                      "status": status, "year": year,
                                                      "domains": domains.split("; ") if domains else []},
                                       "points": []})
        if tid in places:
            line["points"].append(list(places[tid]))
    for line in lines.values():
        if len(line["points"]) >= 2:
            features.append({"type": "Feature", "properties": line["properties"],
                             "geometry": {"type": "LineString", "coordinates": line["points"]}})
    return {"type": "FeatureCollection", "features": features}


def write(nodes: list[tuple], links: list[tuple]) -> None:
    from .render import writer

    writer()(json.dumps(collection(nodes, links), ensure_ascii=False) + "\n")
