import csv
import io
import json

import pytest


def slugs(result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [row["slug"] for row in csv.DictReader(io.StringIO(result.stdout))]


def test_list_defaults_to_csv_when_piped_newest_first(run):
    result = run("list")
    assert result.stdout.splitlines()[0] == "slug,parties,kind,status,date,domains"
    assert slugs(result) == ["nantes-quebec", "rennes-quebec", "perpignan-laurentides",
                             "pau-thetford-mines", "toulouse-portes-de-gascogne"]
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row == {"slug": "nantes-quebec", "parties": "Nantes Métropole; Ville de Québec",
                   "kind": "joint-declaration", "status": "signed", "date": "2024-05",
                   "domains": "culture; francophonie; economy"}


@pytest.mark.parametrize("word", ["culture", "Culture", "Culture et industries créatives", "culturel"])
def test_domain_accepts_slug_label_and_common_word(run, word):
    assert slugs(run("list", "--domain", word, "--sort", "slug")) == [
        "nantes-quebec", "perpignan-laurentides", "rennes-quebec", "toulouse-portes-de-gascogne"]


@pytest.mark.parametrize("word", ["patrimoine", "PATRIMOINE", "heritage"])
def test_domain_is_case_and_accent_insensitive(run, word):
    assert slugs(run("list", "-d", word)) == ["rennes-quebec"]


def test_domain_universites_means_higher_education(run):
    assert slugs(run("list", "--domain", "universités")) == ["rennes-quebec"]


def test_repeated_domain_means_any(run):
    assert slugs(run("list", "-d", "mining", "-d", "francophonie", "--sort", "slug")) == [
        "nantes-quebec", "pau-thetford-mines"]


def test_filters_combine_with_and(run):
    assert slugs(run("list", "-d", "culture", "--country", "CA")) == [
        "nantes-quebec", "rennes-quebec", "perpignan-laurentides"]
    assert slugs(run("list", "-d", "culture", "--country", "CA", "--year", "2024")) == [
        "nantes-quebec", "rennes-quebec"]


def test_unknown_domain_is_usage_error_listing_valid_ones(run):
    result = run("list", "--domain", "cuisine")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: unknown domain 'cuisine'")
    assert "valid: economy, tourism, culture" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_unknown_domain_suggests_the_closest(run):
    result = run("list", "-d", "turism")
    assert result.exit_code == 2
    assert "did you mean 'tourism'?" in result.stderr


def test_year_of_unsigned_agreement_is_its_latest_event(run):
    assert slugs(run("list", "--year", "2022")) == ["pau-thetford-mines"]
    assert slugs(run("list", "--year", "2017")) == ["toulouse-portes-de-gascogne"]


def test_since_and_until_take_partial_dates(run):
    assert slugs(run("list", "--since", "2024-05")) == ["nantes-quebec"]
    assert slugs(run("list", "--until", "2024-04")) == [
        "rennes-quebec", "perpignan-laurentides", "pau-thetford-mines", "toulouse-portes-de-gascogne"]
    assert slugs(run("list", "--since", "2023", "--until", "2023")) == ["perpignan-laurentides"]


def test_bad_date_is_usage_error(run):
    result = run("list", "--since", "2024-13")
    assert result.exit_code == 2
    assert "--since: '2024-13' is not a real date" in result.stderr


@pytest.mark.parametrize("country", ["FR", "fr", "France", "FRA"])
def test_country_by_code_or_name(run, country):
    assert len(slugs(run("list", "--country", country))) == 5


def test_country_canada_in_french(run):
    assert slugs(run("list", "-c", "Canada", "--sort", "slug")) == slugs(run("list", "-c", "CA", "--sort", "slug"))
    assert len(slugs(run("list", "-c", "Canada"))) == 4


def test_unknown_country_is_usage_error(run):
    result = run("list", "--country", "Atlantis")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown country 'Atlantis': give an ISO code (FR, CA) or a country name\n"


@pytest.mark.parametrize("value, hint", [
    ("Korea", "North Korea (KP) or South Korea (KR)"),  # a name two countries share: both, to choose
    ("Virgin Islands", "British Virgin Islands (VG) or U.S. Virgin Islands (VI)"),
    ("Frnace", "France (FR)"),  # a slip of the keys
    ("Allemange", "Germany (DE)"),
])
def test_an_unknown_country_names_those_it_may_mean(run, value, hint):
    result = run("list", "--country", value)
    assert result.exit_code == 2
    assert result.stderr == (f"Error: unknown country {value!r}: give an ISO code (FR, CA) or a country name "
                             f"(did you mean {hint}?)\n")


def test_the_hint_in_french(run, monkeypatch):
    monkeypatch.setenv("TWINNING_LANG", "fr")
    result = run("list", "--between", "Corée", "France")
    assert result.exit_code == 2
    assert result.stderr.endswith("(vouliez-vous dire Corée du Nord (KP) ou Corée du Sud (KR) ?)\n"), result.stderr


def test_territory_is_part_of_a_name_accent_insensitive(run):
    assert slugs(run("list", "--territory", "quebec", "--sort", "slug")) == ["nantes-quebec", "rennes-quebec"]
    assert slugs(run("list", "-t", "MEDITERRANEE")) == ["perpignan-laurentides"]
    assert slugs(run("list", "-t", "100%")) == []


def test_status_and_kind_accept_slug_or_french_label(run):
    assert slugs(run("list", "--status", "proposé")) == ["toulouse-portes-de-gascogne"]
    assert slugs(run("list", "--status", "exploratory")) == ["pau-thetford-mines"]
    assert slugs(run("list", "--kind", "jumelage")) == ["pau-thetford-mines"]
    assert slugs(run("list", "--kind", "Protocole de coopération")) == ["rennes-quebec"]


def test_search_ignores_diacritics(run):
    assert slugs(run("list", "--search", "quebec", "--sort", "slug")) == ["nantes-quebec", "rennes-quebec"]
    assert slugs(run("list", "--search", "QUÉBEC", "--sort", "slug")) == ["nantes-quebec", "rennes-quebec"]
    assert slugs(run("list", "--search", "cybersécurité")) == ["rennes-quebec"]
    assert slugs(run("list", "--search", "residus miniers")) == ["pau-thetford-mines"]


def test_search_text_is_never_fts_syntax(run):
    result = run("list", "--search", 'NEAR( "quebec OR *')
    assert result.exit_code == 0, result.stderr


def test_sort_slug_and_limit(run):
    assert slugs(run("list", "--sort", "slug", "--limit", "2")) == ["nantes-quebec", "pau-thetford-mines"]
    result = run("list", "--sort", "size")
    assert result.exit_code == 2
    assert "unknown sort 'size'; valid: date, -date, slug, -slug" in result.stderr
    assert slugs(run("list", "--sort", "-slug", "--limit", "1")) == ["toulouse-portes-de-gascogne"]
    assert slugs(run("list", "--sort", "-date", "--limit", "1")) == ["toulouse-portes-de-gascogne"]


def test_json_is_the_record_shape(run, seed_records):
    result = run("list", "--format", "json", "--sort", "slug")
    data = json.loads(result.stdout)
    assert [r["slug"] for r in data] == sorted(r["slug"] for r in seed_records)
    by_slug = {r["slug"]: r for r in seed_records}
    assert all(r == by_slug[r["slug"]] for r in data)


def test_jsonl_one_record_a_line(run):
    lines = run("list", "-f", "jsonl", "-d", "mining").stdout.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["slug"] == "pau-thetford-mines"


def test_tsv_and_markdown(run):
    tsv = run("list", "-f", "tsv", "-d", "mining").stdout.splitlines()
    assert tsv[0] == "slug\tparties\tkind\tstatus\tdate\tdomains"
    assert tsv[1].split("\t")[0] == "pau-thetford-mines"
    md = run("list", "-f", "markdown", "-d", "mining").stdout.splitlines()
    assert md[0] == "| slug | parties | kind | status | date | domains |"
    assert md[1] == "|---|---|---|---|---|---|"
    assert md[2].startswith("| pau-thetford-mines | Ville de Pau; Ville de Thetford Mines | twinning |")


def test_table_format_uses_french_labels_and_no_escape_codes(run):
    result = run("list", "-f", "table", "-d", "mining")
    assert "pau-thetford-mines" in result.stdout
    assert "Ville de Pau ↔ Ville de Thetford Mines" in result.stdout
    assert "Jumelage · Exploratoire" in result.stdout
    assert "\x1b[" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_unknown_format_is_usage_error(run):
    result = run("list", "--format", "xml")
    assert result.exit_code == 2
    assert "unknown format 'xml'; valid: table, csv, tsv, json, jsonl, markdown" in result.stderr


def test_no_match_prints_header_only(run):
    result = run("list", "--year", "1999")
    assert result.exit_code == 0
    assert result.stdout == "slug,parties,kind,status,date,domains\n"
