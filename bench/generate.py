"""Synthetic registers for the benchmark: realistic in shape, deterministic from a seed.

A pool of territories (French and Québec names with accents, a few hubs that take
part in many agreements), 2–4 parties per agreement, 1–5 domains, dates from 1950
to today, events, people, stakeholders, funding and a source each.

    python bench/generate.py 10000 > register-10k.jsonl
    python bench/generate.py 10000 --flat > flat-10k.jsonl   # the same, one flat row each

The flat form (what `twinning export --format csv` writes per agreement) is what
the benchmark gives sqlite-utils to insert into a single table.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata

DOMAINS = ["economy", "tourism", "culture", "heritage", "francophonie", "higher-education-research",
           "youth-education", "digital", "health", "climate-environment", "energy-transition",
           "agriculture-food", "mobility", "social", "governance", "mining", "sport", "water"]
KINDS = ["twinning", "partnership-agreement", "cooperation-protocol", "joint-declaration",
         "reciprocity-contract", "roadmap"]
STARTS = ["Saint-Étienne", "Sainte-Anne", "Val-d'Or", "Mont-Laurier", "Port-Cartier", "Beaupré", "Château",
          "Fontaine", "Rivière", "Lac-Mégantic", "Trois-Pistoles", "Bois", "Pré", "Côte", "Île", "Chênes",
          "Forêt", "Étang", "Orée", "Mâcon", "Évry", "Sées", "Vézelay", "Sept-Îles", "Gaspé"]
ENDS = ["", "-sur-Mer", "-les-Bains", "-en-Provence", "-du-Lac", "-des-Monts", "-de-Bretagne", "-la-Forêt",
        "-Nord", "-Sud", "-sur-Loire", "-en-Beauce", "-des-Érables", "-le-Château"]
FR_REGIONS = ["FR-BRE", "FR-OCC", "FR-PDL", "FR-NAQ", "FR-ARA", "FR-GES", "FR-HDF", "FR-IDF", "FR-NOR",
              "FR-PAC", "FR-BFC", "FR-CVL", "FR-20R"]
KINDS_FR = ["ville", "métropole", "agglomération", "communauté de communes", "pays/PETR", "région",
            "département"]
KINDS_CA = ["ville", "municipalité", "MRC", "agglomération"]
TOPICS = ["numérique", "cybersécurité", "chimie verte", "résidus miniers", "tourisme durable",
          "industries créatives", "télétravail", "économie sociale", "forêt", "énergies renouvelables",
          "mobilité douce", "patrimoine bâti", "jeunesse", "francophonie économique"]
FIRST = ["Amélie", "Benoît", "Chloé", "Denis", "Élise", "François", "Gaëlle", "Hélène", "Jérôme", "Léa",
         "Maëlle", "Noël", "Océane", "Pénélope", "Rémi", "Sébastien", "Thérèse", "Zoé"]
LAST = ["Bédard", "Côté", "Gagnon", "Lefèvre", "Ménard", "Pelletier", "Bérubé", "Lévesque", "Dupré", "Hébert",
        "Théberge", "Fréchette", "Gélinas", "Jolicœur"]
ORGS = ["Chambre de commerce", "Université", "Cégep", "Agence de développement", "Office de tourisme",
        "Pôle de compétitivité", "Centre de recherche"]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


def date_between(rng: random.Random, first: int, last: int) -> str:
    year, month, day = rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"])


def pool(rng: random.Random, size: int) -> list[dict]:
    places, seen = [], set()
    hubs = [{"name": "Ville de Québec", "kind": "ville", "country": "CA", "subdivision": "CA-QC"},
            {"name": "Nantes Métropole", "kind": "métropole", "country": "FR", "subdivision": "FR-PDL"},
            {"name": "Rennes Métropole", "kind": "métropole", "country": "FR", "subdivision": "FR-BRE"},
            {"name": "Ville de Montréal", "kind": "ville", "country": "CA", "subdivision": "CA-QC"}]
    places.extend(hubs)
    while len(places) < size:
        number = rng.randint(2, 99 if size < 50_000 else 9_999)
        name = rng.choice(STARTS) + rng.choice(ENDS) + (f" {number}" if rng.random() < 0.5 else "")
        country = rng.choice(["FR", "CA"])
        if (name, country) in seen:
            continue
        seen.add((name, country))
        places.append({"name": name, "country": country,
                       "kind": rng.choice(KINDS_FR if country == "FR" else KINDS_CA),
                       "subdivision": rng.choice(FR_REGIONS) if country == "FR" else "CA-QC"})
    return places


def agreements(n: int, seed: int = 2026):
    rng = random.Random(seed)
    places = pool(rng, max(50, n // 3))
    hubs = places[:4]
    pairs: set[tuple] = set()
    for i in range(n):
        kind = rng.choice(KINDS)
        while True:
            count = rng.choice([2, 2, 2, 3, 4])
            chosen = ([rng.choice(hubs)] if rng.random() < 0.15 else []) + rng.sample(places, count)
            parties = list({p["name"] + p["country"]: p for p in chosen}.values())[:count]
            key = (kind, tuple(sorted(p["name"] + p["country"] for p in parties)))
            if len(parties) >= 2 and key not in pairs:
                pairs.add(key)
                break
        status = rng.choices(["signed", "exploratory", "proposed", "ended"], [70, 12, 10, 8])[0]
        signed_on = date_between(rng, 1950, 2025) if status in ("signed", "ended") else None
        events = sorted(({"date": date_between(rng, 1950, 2025), "place": rng.choice(parties)["name"],
                          "description": rng.choice(["Mission exploratoire", "Délégation officielle",
                                                     "Signature", "Vote du conseil", "Sommet"]) + "."}
                         for _ in range(rng.randint(1, 3))), key=lambda e: e["date"])
        names = [p["name"] for p in parties]
        yield {
            "slug": f"{slugify(names[0])}-{slugify(names[1])}-{i}",
            "title": f"{'Jumelage' if kind == 'twinning' else 'Accord'} entre {names[0]} et {names[1]}",
            "kind": kind, "status": status, "signed_on": signed_on,
            "parties": [{**p, "acting_body": None, "lat": None, "lng": None} for p in parties],
            "domains": rng.sample(DOMAINS, rng.randint(1, 5)),
            "topics": rng.sample(TOPICS, rng.randint(0, 3)),
            "people": [{"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": "maire",
                        "party": rng.choice(names), "signed": rng.random() < 0.5} for _ in range(rng.randint(0, 3))],
            "stakeholders": [{"name": f"{rng.choice(ORGS)} de {rng.choice(names)}", "kind": None, "role": None}
                             for _ in range(rng.randint(0, 2))],
            "funding": [{"programme": "Fonds franco-québécois pour la coopération décentralisée (FFQCD)",
                         "backers": []}] if rng.random() < 0.2 else [],
            "events": events,
            "sources": [{"file": f"communique-{i}.txt", "publisher": names[0],
                         "published_on": events[-1]["date"]}],
            "summary": f"Coopération entre {' et '.join(names)} dans les domaines retenus.",
        }


def main() -> None:
    n = int(sys.argv[1])
    out = sys.stdout
    if "--flat" in sys.argv:
        from twinning_cli.flatten import COLUMNS, flatten
        from twinning_cli.model import Agreement

        for record in agreements(n):
            canonical = Agreement.model_validate(record).model_dump(mode="json")
            out.write(json.dumps(dict(zip(COLUMNS, flatten(canonical))), ensure_ascii=False) + "\n")
        return
    for record in agreements(n):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
