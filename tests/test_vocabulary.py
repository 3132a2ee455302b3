import pytest

from twinning_cli import vocabulary


@pytest.mark.parametrize("word,slug", [
    ("économie", "economy"), ("Economy", "economy"), ("patrimoine", "heritage"),
    ("universités", "higher-education-research"), ("Numérique", "digital"),
    ("TRANSITION ÉNERGÉTIQUE", "energy-transition"), ("Eau et assainissement", "water"),
])
def test_domain_words(word, slug):
    assert vocabulary.resolve("domain", word) == slug


def test_every_alias_names_one_term():
    for terms in vocabulary.VOCABULARIES.values():
        keys = [k for t in terms for k in t.keys()]
        assert len(keys) == len(set(keys))


def test_unknown_term_lists_valid_slugs():
    with pytest.raises(vocabulary.UnknownTerm) as caught:
        vocabulary.resolve("status", "signé!!")
    assert caught.value.valid == ["exploratory", "proposed", "signed", "ended"]


def test_labels_and_fold():
    assert vocabulary.label("kind", "reciprocity-contract") == "Contrat de réciprocité"
    assert vocabulary.fold("  Québec  Métropole ") == "quebec metropole"
    assert vocabulary.slugify("Thetford Mines / Pau") == "thetford-mines-pau"


def test_a_subdivisions_parent_and_type_are_one_string_however_many_codes_name_them():
    from twinning_cli.subdivisions import _subdivisions

    ain, allier = _subdivisions()["FR-01"], _subdivisions()["FR-03"]
    assert (ain.parent, ain.type, ain.name) == ("FR-ARA", "Metropolitan department", "Ain")
    assert ain.parent is allier.parent and ain.type is allier.type


def test_the_name_caches_keep_256_names_each():
    """Bounded memory whatever the register's size: a name folded while it is in use."""
    for function in (vocabulary.fold, vocabulary.search_key, vocabulary.identity, vocabulary.slugify):
        for n in range(1000):
            function(f"Ville {n}")
        assert function.cache_info().currsize == 256


def test_the_tables_of_names_hold_one_string_a_code():
    """Country names read once, not copied, each code one string however many names it has; the
    same for the names of subdivisions."""
    from twinning_cli import countries, subdivisions

    names = countries._names()
    assert names is countries._keyed()["N"]
    assert names["france"] == "FR" and names["france"] is names["frankreich"]
    assert names["republic of korea"] == "KR"  # ISO's 'korea, republic of' read forward too
    assert subdivisions._all_subdivision_names()["bretagne"] == ("FR-BRE",)
    assert subdivisions._all_subdivision_names()["bretagne"][0] is subdivisions._other_subdivision_names()["brittany"][0]
