"""The confidence extract gives each field means something: over the real articles of
../shared/press-dev, what it is sure of (≥ 0.8) is right at least 9 times in 10."""

import json
import re
import unicodedata
from pathlib import Path

import pytest

from twinning_cli.extract import extract

PRESS = Path(__file__).resolve().parents[2] / "shared" / "press-dev"
HIGH = 0.8
# The annotations name the instrument in French; its kind is the noun that heads it.
KINDS = [("protocole de jumelage", "twinning"), ("protocole d'amitié", "twinning"), ("charte d'amitié", "twinning"),
         ("jumelage", "twinning"), ("contrat de réciprocité", "reciprocity-contract"),
         ("protocole", "cooperation-protocol"), ("déclaration commune", "joint-declaration"),
         ("feuille de route", "roadmap"), ("plan d'action", "roadmap")]


def _kind(named: str) -> str:
    return next((kind for words, kind in KINDS if named.lower().startswith(words)), "partnership-agreement")


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"^(?:la |le |l )?(?:ville|commune|municipalite|mrc|region|departement|metropole|"
                  r"communaute (?:urbaine|de communes|d agglomeration)|conseil \w+)(?: de la | de l | du | des | de | d )?",
                  "", " ".join(re.sub(r"[-'’]", " ", name).split()))
    return name


def _findings():
    gold = json.loads((PRESS / "gold.json").read_text(encoding="utf-8"))
    for entry in gold:
        draft = extract((PRESS / entry["file"]).read_text(encoding="utf-8"), source=entry["file"])
        names = {_fold(p["name"]) for p in entry["parties"]} | {_fold(a) for p in entry["parties"]
                                                                for a in p.get("also", [])}
        status = {"in_progress": "exploratory", "renewed": "signed"}.get(entry["status"], entry["status"])
        for finding in draft.findings:
            if finding.field == "parties":
                right = _fold(finding.value.rsplit(" (", 1)[0]) in names
            elif finding.field == "kind":
                right = finding.value == _kind(entry["agreement_kind"])
            elif finding.field == "status":
                right = finding.value == status
            elif finding.field == "signed_on":
                right = finding.value == entry["signed_on"]
            else:
                continue
            yield finding.field, finding.confidence, right


@pytest.mark.skipif(not PRESS.is_dir(), reason="the development articles (../shared/press-dev) are not here")
def test_what_extract_is_sure_of_is_right_nine_times_in_ten():
    found = list(_findings())
    sure = [right for _, confidence, right in found if confidence >= HIGH]
    assert len(sure) >= len(found) // 2, "too few findings are given a high confidence to mean anything"
    assert sum(sure) / len(sure) >= 0.9
    for field in ("parties", "kind", "status", "signed_on"):
        field_sure = [right for name, confidence, right in found if name == field and confidence >= HIGH]
        assert field_sure and sum(field_sure) / len(field_sure) >= 0.9, field
