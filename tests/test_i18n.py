"""The interface in French: the catalog, the choice of language, help, messages, and machine
formats that stay the same in every language."""

import os
import re
import subprocess
import sys

import pytest

from twinning_cli.i18n import catalog

ENGLISH = ["Usage", "Error", "Options:", "Commands:", "Show this message", "agreement", "inferred", "People",
           "Timeline", "did you mean", "unknown domain", "valid:", "narrow with filters", "more", "healthy",
           "partners", "location", "what happened", "Created the register"]


def test_every_message_has_a_french_translation_with_the_same_placeholders():
    assert catalog.problems() == []


def test_the_compiled_catalog_is_the_one_of_the_po_file():
    assert catalog.MO.read_bytes() == catalog.compiled(), "run python scripts/i18n.py"


def _twinning(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "TWINNING_LANG")}
    environment.update(env, COLUMNS="100")
    return subprocess.run([sys.executable, "-m", "twinning_cli", *args], capture_output=True, text=True,
                          env=environment)


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"]])
def test_help_follows_the_locale(args):
    french = _twinning(*args, LANG="fr_FR.UTF-8")
    assert french.returncode == 0 and french.stdout.startswith("Utilisation : twinning")
    assert "Afficher ce message et quitter." in french.stdout
    english = _twinning(*args, LANG="C.UTF-8")
    assert english.returncode == 0 and english.stdout.startswith("Usage: twinning")
    assert "Show this message and exit." in english.stdout


def test_twinning_lang_and_lang_choose_over_the_locale():
    assert _twinning("--help", TWINNING_LANG="fr", LANG="C.UTF-8").stdout.startswith("Utilisation")
    assert _twinning("--lang", "en", "--help", LANG="fr_FR.UTF-8").stdout.startswith("Usage")
    assert _twinning("list", "--help", "--lang", "fr").stdout.startswith("Utilisation")


def test_an_unknown_domain_in_french_on_the_fast_path_and_through_typer(run):
    for result in (_twinning("list", "--domain", "turism", TWINNING_LANG="fr"),
                   _twinning("--lang", "fr", "list", "--domain", "turism", "--limit", "2", "--sort", "slug")):
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith("Erreur : domaine inconnu : 'turism' (vouliez-vous dire 'tourism' ?)")
    english = run("list", "--domain", "turism")
    assert english.exit_code == 2 and english.stderr.startswith("Error: unknown domain 'turism'")


def test_click_s_own_errors_in_french(run):
    result = run("--lang", "fr", "list", "--nope")
    assert result.exit_code == 2
    usage, hint = result.stderr.splitlines()[:2]  # CliRunner names the program 'root'
    assert usage.startswith("Utilisation : ") and usage.endswith(" list [OPTIONS]")
    assert hint.startswith("Essayez '") and hint.endswith(" list -h' pour l'aide.")
    assert "Erreur : Option inconnue : --nope" in result.stderr


def test_a_language_twinning_does_not_speak_is_a_usage_error(run):
    result = run("--lang", "de", "list")
    assert result.exit_code == 2 and "'de' is not a language of twinning; valid: en, fr" in result.stderr


@pytest.mark.parametrize("args", [["show", "rennes-quebec", "-f", "table"], ["list", "-f", "table"],
                                  ["list", "--limit", "1", "-f", "table"], ["list", "--search", "zzz", "-f", "table"],
                                  ["territories", "show", "Ville de Québec", "-f", "table"], ["stats", "-f", "table"],
                                  ["timeline", "-f", "table"], ["territories", "-f", "table"], ["doctor"],
                                  ["network", "-f", "table"]])
def test_french_screens_have_no_english_left(run, args):
    result = run("--lang", "fr", *args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    for word in ENGLISH:
        assert word not in result.stdout + result.stderr, word


def test_the_review_of_a_draft_in_french(run):
    from pathlib import Path

    article = Path(__file__).with_name("articles") / "04-signature-annoncee.txt"
    result = run("--lang", "fr", "extract", str(article), "-f", "table", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Brouillon : " in result.stdout and "preuve" in result.stdout and "statut" in result.stdout
    assert "Jumelage (twinning)" in result.stdout and "Proposé (proposed)" in result.stdout
    for word in ("Draft:", "evidence", "Not found", "field"):
        assert word not in result.stdout


def test_an_import_says_what_it_did_in_french(run, tmp_path, seed_records):
    import json

    (tmp_path / "one.json").write_text(json.dumps(seed_records[:1]), encoding="utf-8")
    result = run("--lang", "fr", "import", str(tmp_path / "one.json"))
    assert result.exit_code == 0
    assert result.stderr.endswith("0 ajouté(s), 0 mis à jour, 1 inchangé(s).\n")


def test_dates_on_screen_in_french(run):
    card = run("--lang", "fr", "show", "rennes-quebec", "-f", "table", env={"COLUMNS": "100"}).stdout
    assert "9 avril 2024" in card
    card = run("--lang", "fr", "show", "perpignan-laurentides", "-f", "table", env={"COLUMNS": "100"}).stdout
    assert "27 octobre 2023 (déduit)" in card


@pytest.mark.parametrize("command", [["list"], ["export"], ["stats", "--by", "domain"], ["timeline"], ["territories"],
                                     ["domains"], ["show", "rennes-quebec"]])
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_machine_formats_are_the_same_in_every_language(run, command, fmt):
    english = run("--lang", "en", *command, "-f", fmt)
    french = run("--lang", "fr", *command, "-f", fmt)
    assert english.exit_code == french.exit_code == 0
    assert french.stdout == english.stdout and english.stdout


def test_counts_on_screen_use_french_grouping():
    from twinning_cli import i18n

    i18n.choose("fr")
    try:
        assert re.fullmatch(r"20\u202f390", i18n.count(20390))
    finally:
        i18n.choose(None)
    assert i18n.count(20390) == "20,390"


@pytest.mark.parametrize("args, french, code", [
    (["show", "zzzz"], "Erreur : aucun accord ne correspond à 'zzzz'", 1),
    (["import", "nope.json"], "Erreur : aucun fichier nope.json", 1),
    (["list", "--since", "2024-13"], "Erreur : --since: '2024-13' n'est pas une vraie date : le mois va de 1 à 12", 2),
    (["list", "--country", "Narnia"], "Erreur : pays inconnu : 'Narnia'", 2),
    (["territories", "show", "Zzyzx"], "Erreur : aucun territoire ne correspond à 'Zzyzx'", 1),
])
def test_error_paths_in_french_keep_their_exit_codes(run, args, french, code):
    english = run(*args)
    result = run("--lang", "fr", *args)
    assert english.exit_code == result.exit_code == code
    assert result.stderr.startswith(french), result.stderr
    for word in ENGLISH:
        assert word not in result.stderr, word


def test_a_record_s_problems_in_french(run, tmp_path):
    bad = [{"slug": "a-b", "title": "T", "kind": "twinning", "status": "signed", "extra": 1,
            "parties": [{"name": "A", "kind": "ville", "country": "ZZ"}, {"name": "B", "kind": "ville", "country": "FR"}],
            "sources": [{"file": "x"}]}]
    import json

    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    result = run("--lang", "fr", "validate", str(tmp_path / "bad.json"))
    assert result.exit_code == 1
    assert "fiche 1 (a-b): parties.0.country: 'ZZ' n'est ni un nom de pays ni un code de pays ISO 3166-1 alpha-2" in result.stderr
    assert "extra: Champ non prévu" in result.stderr


def test_french_groups_thousands_in_an_import_s_summary(run, tmp_path):
    rows = ["city1,country1,city2,country2"] + [f"Ville{i},France,Town{i},Canada" for i in range(1200)]
    (tmp_path / "pairs.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("--lang", "fr", "import", str(tmp_path / "pairs.csv"), "--pairs")
    assert result.exit_code == 0, result.stderr
    assert "1\u202f200 ajouté(s)" in result.stderr
