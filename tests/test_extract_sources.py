"""twinning extract on many articles at once and on web pages, served from 127.0.0.1."""

import http.server
import json
import threading
from pathlib import Path

import pytest

ARTICLES = Path(__file__).with_name("articles")
PAGE = (Path(__file__).with_name("pages") / "jumelage.html").read_bytes()


class Site:
    """A web site on 127.0.0.1 answering each path from `pages` ((status, content type, body)),
    in order for a path given a list; every request is recorded."""

    def __init__(self):
        self.pages: dict[str, object] = {}
        self.asked: list[str] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                site.asked.append(self.path)
                answer = site.pages.get(self.path, (404, "text/plain", b"not here"))
                if isinstance(answer, list):
                    answer = answer.pop(0) if len(answer) > 1 else answer[0]
                status, kind, body = answer
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("TWINNING_BACKOFF", "0")
    monkeypatch.setenv("TWINNING_TIMEOUT", "5")
    running = Site()
    yield running
    running.server.shutdown()


def test_a_folder_gives_one_draft_a_line(run, tmp_path):
    folder = tmp_path / "press"
    folder.mkdir()
    for name in ("04-signature-annoncee.txt", "08-agglomeration-mrc.txt"):
        (folder / name).write_bytes((ARTICLES / name).read_bytes())
    (folder / "notes.csv").write_text("not an article", encoding="utf-8")  # only text and HTML files are read
    result = run("extract", str(folder), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    drafts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["sources"][0]["file"] for d in drafts] == ["04-signature-annoncee.txt", "08-agglomeration-mrc.txt"]
    assert [d["status"] for d in drafts] == ["proposed", "signed"]


def test_an_article_with_nothing_is_skipped_and_said(run, tmp_path):
    (tmp_path / "rien.txt").write_text("Rien à signaler aujourd'hui.", encoding="utf-8")
    result = run("extract", str(ARTICLES / "03-renouvellement.txt"), str(tmp_path / "rien.txt"), "-f", "json")
    assert result.exit_code == 1
    assert [d["sources"][0]["file"] for d in json.loads(result.stdout)] == ["03-renouvellement.txt"]
    assert result.stderr.splitlines() == [
        f"Skipped {tmp_path / 'rien.txt'}: no agreement found: no party, instrument, domain, nor any signing, "
        "proposal or exploration named",
        "Error: 1 of 2 article(s) gave no draft (said above)"]


def test_several_drafts_are_added_all_or_none(run, seeded, tmp_path):
    before = run("list", "-f", "csv").stdout
    (tmp_path / "a.txt").write_text("La Ville de Pau a signé une convention.", encoding="utf-8")  # one party
    result = run("extract", str(ARTICLES / "08-agglomeration-mrc.txt"), str(tmp_path / "a.txt"), "--add", "--yes")
    assert result.exit_code == 1 and "nothing written" in result.stderr
    assert run("list", "-f", "csv").stdout == before
    result = run("extract", str(ARTICLES / "08-agglomeration-mrc.txt"), str(ARTICLES / "04-signature-annoncee.txt"),
                 "--add", "--yes", "--out", str(tmp_path / "drafts.jsonl"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "Added 2, updated 0, unchanged 0 of 2 drafts."
    assert len((tmp_path / "drafts.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_a_web_page_gives_its_main_text_its_date_and_its_address(run, site):
    site.pages["/actualites/jumelage"] = (200, "text/html; charset=utf-8", PAGE)
    result = run("extract", f"{site.url}/actualites/jumelage", "-f", "json")
    assert result.exit_code == 0, result.stderr
    draft = json.loads(result.stdout)
    assert [(p["name"], p["country"]) for p in draft["parties"]] == [("Ville de Saint-Lô", "FR"),
                                                                    ("Ville de Rimouski", "CA")]
    assert (draft["kind"], draft["status"], draft["signed_on"]) == ("twinning", "signed", "2025-06-13")
    assert "the date of the text" in draft["signed_on_note"]  # 'hier' counted from the page's date
    assert draft["sources"][0]["url"] == f"{site.url}/actualites/jumelage"
    assert "Granville" not in result.stdout  # the page's menus and asides are not the article


def test_a_saved_page_is_read_as_the_web_page_it_is(run, tmp_path):
    (tmp_path / "page.html").write_bytes(PAGE)
    draft = json.loads(run("extract", str(tmp_path / "page.html"), "-f", "json").stdout)
    assert draft["sources"][0]["published_on"] == "2025-06-14" and draft["sources"][0]["url"] is None


def test_a_busy_server_is_asked_again(run, site):
    site.pages["/p"] = [(503, "text/plain", b"busy"), (200, "text/html", PAGE)]
    result = run("extract", f"{site.url}/p", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert site.asked == ["/p", "/p"]


@pytest.mark.parametrize("answer, message", [
    ((404, "text/html", b"gone"), "refused the request: HTTP 404"),
    ((503, "text/plain", b"busy"), "kept answering HTTP 503 after 5 tries; try again later"),
    ((200, "application/pdf", b"%PDF-1.4"), "is application/pdf, not a web page or a text"),
])
def test_what_a_server_gives_wrong_is_one_line(run, site, answer, message):
    site.pages["/p"] = answer
    result = run("extract", f"{site.url}/p")
    assert result.exit_code == 1 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and line.endswith(message)


def test_an_unreachable_address_is_one_line(run, site):
    site.server.shutdown()
    site.server.server_close()
    result = run("extract", f"{site.url}/p")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: cannot reach {site.url}/p") and line.endswith("(offline?)")


def test_a_missing_file_or_empty_folder_is_one_line(run, tmp_path):
    assert run("extract", str(tmp_path / "nope.txt")).stderr == f"Error: no such file: {tmp_path / 'nope.txt'}\n"
    (tmp_path / "empty").mkdir()
    result = run("extract", str(tmp_path / "empty"))
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: no article in {tmp_path / 'empty'}")
