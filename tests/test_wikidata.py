"""Wikidata both ways: the query, its answers imported and merged, fetch against a local
server (paging, 429, 503, a timeout, HTML, cut JSON), QuickStatements given back."""

from __future__ import annotations

import datetime
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from dbcheck import count, dump

from twinning_cli.wikidata import fetch, quickstatements, results

ANSWER = Path(__file__).with_name("wikidata") / "results.json"
ROWS = json.loads(ANSWER.read_text(encoding="utf-8"))["results"]["bindings"]


def test_the_query_names_every_variable_of_the_contract(run):
    text = run("wikidata", "query", "-c", "France", "-c", "CA", "--since", "2000").stdout
    for variable in ("item", "itemLabel", "itemCountryCode", "itemRegionCode", "itemCoord", "partner",
                     "partnerLabel", "partnerCountryCode", "partnerRegionCode", "partnerCoord", "statement",
                     "start", "startPrecision", "end", "endPrecision"):
        assert f"?{variable} " in text.split("WHERE")[0] + " "
    assert 'VALUES ?itemCountryCode { "FR" "CA" }' in text and '"2000-01-01T00:00:00Z"' in text
    assert 'wikibase:language "fr,en"' in text


def test_what_a_pair_becomes():
    made = {r["slug"]: r for _, r, _ in results.records(
        [row for row in (dict((k, v["value"]) for k, v in b.items()) for b in ROWS)], datetime.date(2026, 11, 29))
        if isinstance(r, dict)}
    both = made["villefranche-essai-testbury"]
    assert (both["kind"], both["status"], both["signed_on"]) == ("twinning", "signed", "1998")
    assert len(both["sources"]) == 2 and all(s["publisher"] == "Wikidata" for s in both["sources"])
    assert both["sources"][0]["url"].startswith("https://www.wikidata.org/entity/statement/")
    assert "CC0" in both["sources"][0]["note"]
    assert made["villefranche-essai-testkirk"]["signed_on"] == "2005-06"
    assert made["wroclawek-probny-grossprobstadt"]["signed_on"] == "1992-09-14"
    ended = made["ancienneville-oldtown"]
    assert (ended["status"], ended["valid_until"]) == ("ended", "2014-03")
    assert [p["subdivision"] for p in ended["parties"]] == ["FR-33", "US-OH"]
    assert made["testbury-oldtown"]["parties"][0]["subdivision"] == "GB-ENG"
    no_region = made["saint-essai-des-monts-sans-region"]["parties"]
    assert no_region[1].get("subdivision") is None and no_region[0]["subdivision"] == "CA-QC"
    assert "signed_on" not in made["lac-essai-essai-sur-loire"]  # a century is no date
    assert made["pau-thetford-mines"]["parties"][0] == {"name": "Pau", "kind": "territoire", "country": "FR",
                                                        "wikidata": "Q999000001", "subdivision": "FR-64",
                                                        "lat": 43.3112, "lng": -0.3558}


def test_import_merges_with_the_register_and_twice_changes_nothing(run, seeded, tmp_path):
    result = run("import", "--wikidata", str(ANSWER), "--skip-invalid", "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 0, result.stderr
    assert "Note: pau-thetford-mines: status is exploratory here, signed on Wikidata (not applied)" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("17 added, 0 updated, 0 unchanged, 1 merged, 2 rejected.")
    reasons = [json.loads(line)["reason"] for line in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert reasons == ["Q999000017 is twinned with itself on Wikidata",
                       "Q999000018 has no country (P17 with an ISO code) on Wikidata"]
    pau = json.loads(run("show", "pau-thetford-mines", "-f", "json").stdout)
    assert (pau["status"], pau["title"]) == ("exploratory", "Projet de jumelage entre la Ville de Thetford Mines et "
                                                            "la Ville de Pau")
    assert [p["wikidata"] for p in pau["parties"]] == ["Q999000001", "Q999000002"]
    assert len(pau["sources"]) == 3 and pau["sources"][0]["file"] == "004_58426079a9647b2b.txt"
    before = dump(seeded)
    again = run("import", "--wikidata", str(ANSWER), "--skip-invalid", "--rejects", str(tmp_path / "r.jsonl"))
    assert again.stderr.splitlines()[-1].endswith("0 added, 0 updated, 18 unchanged, 2 rejected.")
    assert dump(seeded) == before
    assert json.loads(run("territories", "show", "Pau", "-f", "json").stdout)["name"] == "Ville de Pau"


def test_update_refreshes_only_what_came_from_wikidata(run, seeded, tmp_path):
    run("import", "--wikidata", str(ANSWER), "--skip-invalid", "--rejects", str(tmp_path / "r.jsonl"))
    changed = json.loads(ANSWER.read_text(encoding="utf-8"))
    for row in changed["results"]["bindings"]:
        if row["item"]["value"].endswith(("Q999000013", "Q999000001")):
            row["start"]["value"] = "1965-05-01T00:00:00Z"
    (tmp_path / "changed.json").write_text(json.dumps(changed), encoding="utf-8")
    result = run("import", "--wikidata", str(tmp_path / "changed.json"), "--update", "--skip-invalid",
                 "--rejects", str(tmp_path / "r2.jsonl"))
    assert result.stderr.splitlines()[-1].endswith("0 added, 2 updated, 16 unchanged, 2 rejected.")
    assert json.loads(run("show", "moisville-monatsdorf", "-f", "json").stdout)["signed_on"] == "1965-05"
    assert json.loads(run("show", "pau-thetford-mines", "-f", "json").stdout)["signed_on"] is None


def test_the_service_csv_download_is_read_too(run, seeded, tmp_path):
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=json.loads(ANSWER.read_text())["head"]["vars"])
    writer.writeheader()
    for row in ROWS:
        writer.writerow({k: v["value"] for k, v in row.items()})
    (tmp_path / "answer.csv").write_text(out.getvalue(), encoding="utf-8")
    result = run("import", "--wikidata", str(tmp_path / "answer.csv"), "--dry-run", "--skip-invalid")
    assert "importing it would give 17 added, 0 updated, 0 unchanged, 1 merged, 2 rejected" in result.stderr


@pytest.mark.parametrize("text,message", [
    ("<!DOCTYPE html><html><body>Service unavailable</body></html>", "an HTML page, not query results"),
    ('{"head": {"vars": ["item"]}, "results": {"bindings": [{"item": {"type": "u', "cut short?"),
    ('{"rows": []}', "not SPARQL JSON results"),
])
def test_bad_answers_in_a_file_are_one_line(run, seeded, tmp_path, text, message):
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    before = dump(seeded)
    result = run("import", "--wikidata", str(tmp_path / "bad.json"))
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1
    assert dump(seeded) == before


# --- fetch against a local server -----------------------------------------------------------------

class Service:
    """A stand-in for the query service on 127.0.0.1: answers from the fixture, or what a test plans."""

    def __init__(self):
        self.plan: list = []  # (status, headers, body) to give first, in order; then real answers
        self.queries: list[str] = []
        self.release = threading.Event()
        service = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                query = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())["query"][0]
                service.queries.append(query)
                assert self.headers["User-Agent"].startswith("twinning/")
                status, headers, body = service.plan.pop(0) if service.plan else (200, {}, service.answer(query))
                if status == "hang":
                    service.release.wait(10)
                    return
                self.send_response(status)
                for key, value in {"Content-Type": "application/sparql-results+json", **headers}.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, query: str) -> str:
        rows = ROWS
        codes = re.search(r"VALUES \?itemCountryCode \{ ([^}]*) \}", query)
        if codes:
            wanted = re.findall(r'"([A-Z]{2})"', codes.group(1))
            rows = [r for r in rows if r.get("itemCountryCode", {}).get("value") in wanted]
        limit = re.search(r"LIMIT (\d+)(?: OFFSET (\d+))?", query)
        if limit:
            start = int(limit.group(2) or 0)
            rows = rows[start:start + int(limit.group(1))]
        return json.dumps({"head": {"vars": []}, "results": {"bindings": rows}})

    def stop(self):
        self.release.set()
        self.server.shutdown()


@pytest.fixture
def service(monkeypatch):
    monkeypatch.setenv("TWINNING_BACKOFF", "0")
    monkeypatch.setattr(fetch, "PAGE", 12)
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    running = Service()
    yield running
    running.stop()


def test_fetch_pages_and_imports(run, seeded, service):
    result = run("wikidata", "fetch", "--endpoint", service.url)
    assert result.exit_code == 0, result.stderr
    assert [re.search(r"LIMIT (\d+)(?: OFFSET (\d+))?", q).groups() for q in service.queries] == [
        ("12", None), ("12", "12"), ("12", "24")]
    assert result.stderr.splitlines()[-1] == (f"Fetched {len(ROWS)} rows from {service.url}: 17 added, 0 updated, "
                                              "0 unchanged, 1 merged, 2 rejected.")
    assert "1 × Q… is twinned with itself on Wikidata" in result.stderr.replace("Q999000017", "Q…")


def test_fetch_asks_one_country_at_a_time(run, seeded, service):
    result = run("wikidata", "fetch", "-c", "FR", "-c", "Canada", "--endpoint", service.url)
    assert result.exit_code == 0, result.stderr
    assert [re.findall(r'VALUES \?itemCountryCode \{ "(..)" \}', q) for q in service.queries] == [["FR"], ["CA"]]


def test_fetch_waits_as_told_and_tries_again(run, seeded, service):
    service.plan = [(429, {"Retry-After": "0"}, "slow down"), (503, {}, "busy"), (503, {}, "busy")]
    result = run("wikidata", "fetch", "-c", "FR", "--endpoint", service.url)
    assert result.exit_code == 0, result.stderr
    assert len(service.queries) == 4


@pytest.mark.parametrize("plan,message", [
    ([("hang", {}, "")] * 5, "did not answer within"),
    ([(200, {"Content-Type": "text/html"}, "<html><body>Error</body></html>")], "an HTML page, not query results"),
    ([(200, {}, '{"head": {}, "results": {"bindings": [{"item": ')], "cut short?"),
    ([(503, {}, "busy")] * 5, "kept answering HTTP 503 after 5 tries"),
])
def test_fetch_failures_are_one_line_and_write_nothing(run, seeded, service, plan, message):
    service.plan = list(plan)
    before = dump(seeded)
    result = run("wikidata", "fetch", "-c", "FR", "--endpoint", service.url)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr and result.stderr.count("\n") == 1
    assert dump(seeded) == before


def test_an_unreachable_service_is_one_line(run, seeded):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run("wikidata", "fetch", "--endpoint", f"http://127.0.0.1:{port}/sparql")
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: cannot reach http://127.0.0.1:{port}/sparql")
    assert count(seeded) == 5


# --- giving back ------------------------------------------------------------------------------------

def test_quickstatements_round_trip():
    built = [r for _, r, _ in results.records([{k: v["value"] for k, v in b.items()} for b in ROWS],
                                               datetime.date(2026, 11, 29)) if isinstance(r, dict)]
    ours = []
    for record in built:
        if record["status"] == "signed":
            ours.append({**record, "sources": [{"file": "communique.txt", "url": "https://example.org/communique"}]})
    text = "\n".join(quickstatements.lines(ours)[0])
    assert "\tS854\t\"https://example.org/communique\"" in text
    back = quickstatements.parse(text)
    expected = set()
    for record in ours:
        a, b = (p["wikidata"] for p in record["parties"])
        expected |= {(a, b, record.get("signed_on")), (b, a, record.get("signed_on"))}
    assert set(back) == expected and len(back) == 2 * len(ours)
    assert quickstatements.time_value("2024") == "+2024-00-00T00:00:00Z/9"
    assert quickstatements.time_value("2024-04") == "+2024-04-00T00:00:00Z/10"
    assert quickstatements.time_value("2024-04-09") == "+2024-04-09T00:00:00Z/11"


def test_export_quickstatements_skips_what_wikidata_has(run, seeded, make_record):
    record = make_record(slug="rennes-ville-quebec", kind="twinning", signed_on="2024-04-09")
    record["parties"][0].update(name="Ville de Rennes", kind="ville", wikidata="Q999000101")
    record["parties"][1]["wikidata"] = "Q999000102"
    record["sources"][0]["url"] = "https://example.org/rennes"
    assert run("import", "-", input=json.dumps([record])).exit_code == 0
    result = run("export", "-f", "quickstatements")
    assert result.stdout.splitlines() == [
        'Q999000101\tP190\tQ999000102\tP580\t+2024-04-09T00:00:00Z/11\tS854\t"https://example.org/rennes"',
        'Q999000102\tP190\tQ999000101\tP580\t+2024-04-09T00:00:00Z/11\tS854\t"https://example.org/rennes"']
    assert result.stderr == "1 agreement(s) for Wikidata as QuickStatements\n"


def test_ids_are_shown_exported_and_round_trip(run, seeded, tmp_path):
    run("import", "--wikidata", str(ANSWER), "--skip-invalid", "--rejects", str(tmp_path / "r.jsonl"))
    assert json.loads(run("territories", "show", "Pau", "-f", "json").stdout)["wikidata"] == "Q999000001"
    assert "Wikidata Q999000001" in run("territories", "show", "Pau", "-f", "table").stdout
    assert "Q999000001" in run("export", "--table", "parties", "-f", "csv").stdout
    run("export", "-f", "csv", "-o", str(tmp_path / "all.csv"))
    fresh = tmp_path / "fresh.db"
    run("init", "--empty", "--db", str(fresh))
    assert run("import", str(tmp_path / "all.csv"), "--db", str(fresh)).exit_code == 0
    pau = json.loads(run("show", "pau-thetford-mines", "-f", "json", "--db", str(fresh)).stdout)
    assert [p["wikidata"] for p in pau["parties"]] == ["Q999000001", "Q999000002"]
