import csv
import io
import json


def test_domains_lists_vocabulary_with_counts(run):
    result = run("domains")
    data = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(data) == 18
    by_slug = {d["domain"]: d for d in data}
    assert by_slug["economy"] == {"domain": "economy", "label": "Développement économique et innovation",
                                  "agreements": "5"}
    assert by_slug["culture"]["agreements"] == "4"
    assert by_slug["water"]["agreements"] == "0"


def test_domains_json(run):
    data = json.loads(run("domains", "-f", "json").stdout)
    assert data[1] == {"domain": "tourism", "label": "Tourisme", "agreements": 2}


def test_domains_markdown(run):
    lines = run("domains", "-f", "markdown").stdout.splitlines()
    assert lines[0] == "| domain | label | agreements |"
    assert "| mining | Mines et sous-sol | 1 |" in lines
