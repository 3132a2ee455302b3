"""The record model: what it accepts and how it names what it refuses."""

import json

import pytest

from twinning_cli.errors import DataError
from twinning_cli.validate import parse_records


def problems(records) -> str:
    with pytest.raises(DataError) as caught:
        parse_records(records, origin="seed")
    return str(caught.value)


def test_seed_is_valid(seed_records):
    assert len(parse_records(seed_records, origin="seed")) == 5


def test_invalid_record_names_record_and_field(make_record):
    bad = make_record()
    bad["parties"][1]["country"] = "QC"
    report = problems([bad])
    assert report.splitlines() == [
        "seed: 1 problem(s)",
        "record 1 (rennes-quebec): parties.1.country: 'QC' is not a country name or ISO 3166-1 alpha-2 code",
    ]


def test_unknown_key_is_rejected(make_record):
    assert "record 1 (rennes-quebec): colour: Extra inputs are not permitted" in problems([make_record(colour="red")])


def test_domain_outside_vocabulary_suggests(make_record):
    report = problems([make_record(domains=["economy", "turism"])])
    assert "domains.1: unknown domain 'turism' (did you mean 'tourism'?)" in report


def test_words_of_the_command_line_are_taken_in_files_too(make_record):
    from twinning_cli.model import Agreement

    record = Agreement.model_validate(make_record(domains=["économie", "tourisme"], kind="protocole",
                                                  status="signé"))
    assert (record.domains, record.kind, record.status) == (["economy", "tourism"], "cooperation-protocol",
                                                            "signed")


def test_impossible_date(make_record):
    assert "signed_on: '2024-02-30' is not a real date" in problems([make_record(signed_on="2024-02-30")])


def test_period_end_before_start(make_record):
    report = problems([make_record(valid_from="2025", valid_until="2024")])
    assert "valid_until 2024 is before valid_from 2025" in report


def test_party_listed_twice(make_record):
    record = make_record()
    record["parties"][1] = dict(record["parties"][0])
    assert "party 'Rennes Métropole' (FR) is listed twice" in problems([record])


@pytest.mark.parametrize("second, twice", [
    ({"subdivision": "CH-AG"}, False),  # 'Lengnau, Bern' twinned with 'Lengnau, Aargau'
    ({"lat": 47.52, "lng": 8.33}, False),  # points 80 km apart: two towns, as the register keeps them
    ({"lat": 47.19, "lng": 7.38}, True),  # a kilometre apart: one town
    ({"subdivision": "CH-BE"}, True),
    ({}, True),  # nothing known of the second that disagrees
])
def test_two_parties_of_one_name_are_one_only_where_nothing_known_disagrees(make_record, second, twice):
    record = make_record()
    first = {"name": "Lengnau", "kind": "ville", "country": "CH", "subdivision": "CH-BE", "lat": 47.18, "lng": 7.37}
    record["parties"] = [first, {"name": "Lengnau", "kind": "ville", "country": "CH", **second}]
    if twice:
        assert "party 'Lengnau' (CH) is listed twice" in problems([record])
    else:
        assert len(parse_records([record], origin="seed")) == 1


def test_one_party_is_not_an_agreement(make_record):
    record = make_record()
    record["parties"] = record["parties"][:1]
    assert "parties: List should have at least 2 items" in problems([record])


def test_subdivision_must_be_in_country(make_record):
    record = make_record()
    record["parties"][0]["subdivision"] = "CA-QC"
    assert "subdivision CA-QC is not in country FR" in problems([record])


def test_inferred_date_needs_a_note(make_record):
    assert "an inferred signed_on needs a signed_on_note" in problems([make_record(signed_on_inferred=True)])


def test_unsigned_status_has_no_signature_date(make_record):
    assert "status proposed cannot have a signed_on date" in problems([make_record(status="proposed")])


def test_duplicate_slug_and_reversed_pair_in_one_file(make_record):
    first = make_record()
    twin = make_record()
    reversed_pair = make_record(slug="quebec-rennes")
    reversed_pair["parties"] = list(reversed(reversed_pair["parties"]))
    report = problems([first, twin, reversed_pair])
    assert "record 2 (rennes-quebec): slug: duplicate slug: already record 1" in report
    assert "record 3 (quebec-rennes): parties: same parties and kind as rennes-quebec" in report


def test_report_shows_first_twenty_and_counts_the_rest(make_record):
    records = [make_record(slug=f"bad-{i}", kind="nope") for i in range(25)]
    lines = problems(records).splitlines()
    assert lines[0] == "seed: 25 problem(s)"
    assert len(lines) == 22
    assert lines[-1] == "… and 5 more problems"


def test_the_stored_shape_is_the_models():
    """shape.py gives compact stored records back whole without pydantic: its templates must be
    the model's fields, in order, with the same defaults."""
    from pydantic_core import PydanticUndefined

    from twinning_cli import model, shape

    def template(cls) -> dict:
        return {name: (shape._REQUIRED if f.default is PydanticUndefined and f.default_factory is None
                       else f.default_factory() if f.default_factory else f.default)
                for name, f in cls.model_fields.items()}

    assert template(model.Agreement) == shape.AGREEMENT
    for field, cls in (("parties", model.Party), ("people", model.Person), ("stakeholders", model.Stakeholder),
                       ("funding", model.Funding), ("events", model.Event), ("sources", model.Source)):
        assert template(cls) == shape.NESTED[field], field
        assert list(template(cls)) == list(shape.NESTED[field])
    assert list(template(model.Agreement)) == list(shape.AGREEMENT)
    # whole() of a row writes its keys out: the model's, in order, each scalar from its own column
    row = [f"<{name}>" for name in shape.SCALARS] + ['{"parties": [["Pau", "ville", "FR"]], "funding": [["P"]]}']
    row[shape.SCALARS.index("signed_on_inferred")] = 1
    whole = shape.whole(row)
    assert list(whole) == list(shape.AGREEMENT)
    assert {name: whole[name] for name in shape.SCALARS} == {
        **{name: f"<{name}>" for name in shape.SCALARS}, "signed_on_inferred": True}
    assert whole["funding"] == [{"programme": "P", "backers": []}] and whole["people"] == []


def test_records_are_stored_compact_and_read_whole(run, seeded, seed_records):
    from dbcheck import scalar

    stored = scalar(seeded, "SELECT record FROM agreements WHERE slug = 'pau-thetford-mines'")
    assert '"signed_on":null' not in stored and '"wikidata"' not in stored
    assert json.loads(run("show", "pau-thetford-mines", "-f", "json").stdout) == next(
        r for r in seed_records if r["slug"] == "pau-thetford-mines")
