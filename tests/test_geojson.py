"""export --format geojson, checked against the rules of RFC 7946."""

import json

import pytest


def check_rfc7946(data: dict) -> None:
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946 §4: WGS 84 only, no crs member
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        points = [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        assert geometry["type"] in ("Point", "LineString")
        if geometry["type"] == "LineString":
            assert len(points) >= 2  # §3.1.4
        for position in points:
            lng, lat = position  # §3.1.1: longitude first
            assert -180 <= lng <= 180 and -90 <= lat <= 90


@pytest.fixture
def with_coordinates(run, tmp_path, seeded):
    (tmp_path / "t.csv").write_text(
        "city1,country1,city2,country2,lat1,lng1,lat2,lng2\n"
        "Rennes,FR,Sendai,JP,48.11,-1.68,38.27,140.87\n"
        "Brest,FR,Kiel,DE,48.39,-4.49,,\n", encoding="utf-8")  # Kiel: no point here, nor from the gazetteer
    assert run("import", str(tmp_path / "t.csv"), "--pairs").exit_code == 0


def test_points_and_lines(run, with_coordinates):
    data = json.loads(run("export", "-f", "geojson").stdout)
    check_rfc7946(data)
    points = {f["properties"]["territory"]: f["geometry"]["coordinates"]
              for f in data["features"] if f["geometry"]["type"] == "Point"}
    assert {k: v for k, v in points.items() if not k.startswith("Ville de")} == {
        "Rennes": [-1.68, 48.11], "Sendai": [140.87, 38.27], "Brest": [-4.49, 48.39]}
    lines = {f["properties"]["agreement"]: f for f in data["features"] if f["geometry"]["type"] == "LineString"}
    assert set(lines) == {"rennes-sendai", "pau-thetford-mines"}
    assert lines["rennes-sendai"]["geometry"]["coordinates"] == [[-1.68, 48.11], [140.87, 38.27]]


def test_seed_places_its_towns(run, seeded):
    """The seed's three towns carry GeoNames coordinates; métropoles and MRCs have no single point."""
    data = json.loads(run("export", "-f", "geojson").stdout)
    check_rfc7946(data)
    points = {f["properties"]["territory"] for f in data["features"] if f["geometry"]["type"] == "Point"}
    assert points == {"Ville de Québec", "Ville de Pau", "Ville de Thetford Mines"}
    lines = [f["properties"]["agreement"] for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert lines == ["pau-thetford-mines"]


def test_written_compact_in_one_line(run, with_coordinates):
    """The collection is one compact line (orjson, as JSON Lines are): no space after ':' or ','."""
    out = run("export", "-f", "geojson", "-c", "JP").stdout
    assert out.startswith('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point",')
    assert '"coordinates":[140.87,38.27]},"properties":{"territory":"Sendai","kind":"ville","country":"JP",' in out
    assert out.count("\n") == 1 and out.endswith("]}\n")
    assert out == json.dumps(json.loads(out), ensure_ascii=False, separators=(",", ":")) + "\n"
