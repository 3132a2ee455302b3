"""`twinning serve`: the register as a website, read-only; checked over HTTP and in a real browser."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx", reason="httpx comes with the test extra: pip install '.[test]'")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seed plus a few hundred generated twinnings, served on a free port; stopped at the end."""
    folder = tmp_path_factory.mktemp("site")
    db = folder / "registre.db"
    env = {**os.environ, "TWINNING_DB": str(db)}
    subprocess.run([sys.executable, "-m", "twinning_cli", "init"], env=env, check=True, capture_output=True)
    lines = ["city1,country1,lat1,lng1,city2,country2,lat2,lng2"]
    lines += [f"Ville {i},France,{45 + i / 100:.3f},{2 + i / 100:.3f},Town {i},Canada,{46 + i / 100:.3f},"
              f"{-71 - i / 100:.3f}" for i in range(300)]
    (folder / "pairs.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "twinning_cli", "import", str(folder / "pairs.csv"), "--pairs"], env=env,
                   check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "twinning_cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = proc.stderr.readline()  # said once the port is bound
    assert ready.startswith("Serving "), ready + proc.stderr.read()
    threading.Thread(target=proc.stderr.read, daemon=True).start()  # a full pipe would stall the server
    yield {"url": f"http://127.0.0.1:{port}/registre", "db": db, "proc": proc, "env": env}
    proc.terminate()
    assert proc.wait(timeout=30) is not None


def test_the_agreements_page_lists_the_register(site):
    rows = httpx.get(f"{site['url']}/agreement_list.json?_shape=array&_size=max").json()
    slugs = {r["slug"] for r in rows}
    assert {"rennes-quebec", "nantes-quebec", "pau-thetford-mines", "perpignan-laurentides",
            "toulouse-portes-de-gascogne"} <= slugs and len(slugs) == 305
    rennes = next(r for r in rows if r["slug"] == "rennes-quebec")
    assert (rennes["nature"], rennes["statut"]) == ("Protocole de coopération", "Signé")


def test_facets_and_search(site):
    data = httpx.get(f"{site['url']}/agreement_list.json?_search=quebec").json()
    assert {r[1] for r in data["rows"]} == {"rennes-quebec", "nantes-quebec"}
    facets = data["facet_results"]
    assert {"nature", "statut", "domaines", "pays", "année"} <= set(facets)
    assert {v["value"] for v in facets["pays"]["results"]} == {"France", "Canada"}


def test_an_agreement_page_shows_what_show_shows(site):
    page = httpx.get(f"{site['url']}/agreements/rennes-quebec").text
    for text in ("Protocole de coopération entre Rennes Métropole et la Ville de Québec", "Nathalie Appéré",
                 "Chronologie", "Sources", "Rennes Métropole", "Enseignement supérieur et recherche"):
        assert text in page, text


def test_the_map_and_the_canned_queries(site):
    page = httpx.get(f"{site['url']}/territory_map")
    assert page.status_code == 200 and "datasette-cluster-map" in page.text
    rows = httpx.get(f"{site['url']}/territory_map.json?_shape=array&_size=200").json()
    quebec = next(r for r in rows if r["name"] == "Ville de Québec")
    link = json.loads(quebec["popup"])["link"]
    assert link.startswith("territories/")
    page = httpx.get(f"{site['url']}/{link}").text  # where a click on the map leads: the territory's agreements
    assert "Ses accords" in page and "/registre/agreements/rennes-quebec" in page and "nantes-quebec" in page
    between = httpx.get(f"{site['url']}/accords_entre_deux_pays.json?pays_a=FR&pays_b=CA&_shape=array").json()
    assert len(between) == 304
    partners = httpx.get(f"{site['url']}/partenaires_d_un_territoire.json?territoire=Rennes&_shape=array").json()
    assert {p["partenaire"] for p in partners} == {"Ville de Québec"}


def test_nothing_is_written_through_the_site(site):
    before = checksum(site["db"])
    root = site["url"].rsplit("/", 1)[0]
    for path in ("/-/create", "/registre/agreements/-/insert", "/registre/agreements/rennes-quebec/-/delete",
                 "/registre/-/query", "/registre/agreement_list"):
        response = httpx.post(f"{root}{path}", json={"row": {"slug": "x"}})
        assert response.status_code >= 400, (path, response.status_code)
    sql = "DELETE FROM agreements"
    assert httpx.get(f"{site['url']}.json", params={"sql": sql}).status_code in (400, 403)
    assert checksum(site["db"]) == before


def test_a_query_that_would_run_forever_is_cut(site):
    sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    response = httpx.get(f"{site['url']}.json", params={"sql": sql}, timeout=30)
    assert response.status_code == 400 and "SQL query took too long" in response.json()["error"]


def test_an_import_beside_the_site_is_not_blocked(site, tmp_path):
    (tmp_path / "p.csv").write_text("city1,country1,city2,country2\nBrest,France,Denver,USA\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "twinning_cli", "import", str(tmp_path / "p.csv"), "--pairs"],
                            env=site["env"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert httpx.get(f"{site['url']}/agreements/brest-denver.json").status_code == 200


def test_a_missing_register_is_one_line_before_any_server(tmp_path):
    result = subprocess.run([sys.executable, "-m", "twinning_cli", "serve", "--db", str(tmp_path / "none.db")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == (f"Error: no database at {tmp_path / 'none.db'} (run 'twinning init --db "
                             f"{tmp_path / 'none.db'}' to create one)\n")


def test_sql_is_off_on_a_shared_host_unless_asked():
    from twinning_cli.web import settings

    assert settings("127.0.0.1", False)["default_allow_sql"] is True
    assert settings("0.0.0.0", False)["default_allow_sql"] is False
    assert settings("192.0.2.7", True)["default_allow_sql"] is True
    assert settings("::1", False)["sql_time_limit_ms"] == 1000


def test_metadata_for_publishing(run, tmp_path, seeded):
    result = run("serve", "--metadata-out", str(tmp_path / "metadata.json"))
    assert result.exit_code == 0, result.stderr
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert meta["databases"]["register"]["tables"]["agreement_list"]["fts_table"] == "agreements_fts"


def test_read_commands_do_not_import_datasette(seeded):
    probe = ("import sys; from twinning_cli.fast import run; run(['list', '--format', 'csv']);"
             "print('datasette' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "TWINNING_DB": str(seeded)},
                            capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "False"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium; .ci/run does)")
def test_a_reader_in_a_real_browser(site, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright comes with the test extra")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox"] if os.geteuid() == 0 else [])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(site["url"].rsplit("/", 1)[0] + "/")
        assert "Registre des accords de coopération entre territoires" in page.inner_text("body")
        page.get_by_role("link", name="registre").first.click()
        page.get_by_role("link", name="agreement_list").first.click()
        page.fill("input[name=_search]", "quebec")
        page.press("input[name=_search]", "Enter")
        page.wait_for_load_state()
        assert "2 rows where search matches" in page.content()
        page.screenshot(path=str(tmp_path / "agreements.png"))
        page.get_by_role("link", name="rennes-quebec").click()
        page.wait_for_load_state()
        text = page.inner_text("body")
        assert "Nathalie Appéré" in text and "Protocole de coopération" in text
        page.goto(f"{site['url']}/territory_map")
        page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=15_000)
        assert page.locator(".leaflet-marker-icon, .marker-cluster").count() >= 2
        browser.close()
