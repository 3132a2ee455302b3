"""Datasette's metadata for the register, written from the project's own vocabulary."""

from __future__ import annotations

from .. import __version__, vocabulary

LICENSE = "Each agreement cites its sources; facts from Wikidata are CC0."


def build(database: str) -> dict:
    kinds = ", ".join(f"{t.label} ({t.slug})" for t in vocabulary.KINDS)
    statuses = ", ".join(f"{t.label} ({t.slug})" for t in vocabulary.STATUSES)
    return {
        "title": "Registre des accords de coopération entre territoires",
        "description": "Jumelages, conventions de coopération décentralisée, protocoles, déclarations communes "
                       "et contrats de réciprocité, chaque fait avec sa source. Publié par twinning "
                       f"{__version__}, en lecture seule.",
        "license": "Sources cited per agreement",
        "source": "twinning register",
        "databases": {database: {
            "tables": {
                "agreement_list": {
                    "title": "Accords",
                    "description": "Un accord par ligne : parties, nature, statut, date, domaines, pays. La recherche "
                                   "trouve « quebec » dans Québec ; l'identifiant mène à la page de l'accord.",
                    "sort_desc": "date",
                    "fts_table": "agreements_fts",
                    "fts_pk": "id",
                    "facets": ["nature", "statut", {"array": "domaines"}, {"array": "pays"}, "année"],
                    "columns": {
                        "nature": f"Nature de l'instrument : {kinds}",
                        "statut": f"Statut : {statuses}",
                        "date": "Signature, sinon dernier événement (AAAA, AAAA-MM ou AAAA-MM-JJ)",
                    },
                },
                "agreements": {
                    "title": "Accords (table complète)",
                    "description": "Toutes les colonnes ; record tient les listes de l'accord en JSON "
                                   "(parties, personnes, événements, sources… ; l'accord entier : "
                                   "twinning show --format json).",
                    "sort_desc": "date",
                },
                "territories": {
                    "title": "Territoires",
                    "description": "Chaque territoire partie à un accord, avec le nombre de ses accords.",
                    "sort_desc": "agreements",
                    "label_column": "name",
                    "facets": ["country", "kind"],
                },
                "territory_map": {
                    "title": "Carte des territoires",
                    "description": "Les territoires dont on connaît les coordonnées ; un clic mène au territoire "
                                   "et à ses accords.",
                },
                "kinds": {"title": "Natures d'accord", "label_column": "label"},
                "statuses": {"title": "Statuts", "label_column": "label"},
                "domain_labels": {"title": "Domaines", "label_column": "label"},
                **{name: {"hidden": True} for name in (
                    "agreements_fts", "agreements_fts_config", "agreements_fts_data", "agreements_fts_docsize",
                    "agreements_fts_idx", "domain_counts", "register_notes", "territory_aliases")},
            },
            "queries": {
                "accords_par_domaine": {
                    "title": "Les accords d'un domaine",
                    "description": "Par son identifiant (culture, economy, tourism…) ou son libellé.",
                    "sql": "SELECT a.slug, a.title, a.parties, a.kind, a.status, a.date FROM agreements a "
                           "JOIN agreement_domains d ON d.agreement = a.id JOIN domain_labels l ON l.slug = d.domain "
                           "WHERE d.domain = :domaine OR l.label = :domaine ORDER BY a.date DESC",
                },
                "partenaires_d_un_territoire": {
                    "title": "Les partenaires d'un territoire",
                    "description": "Une partie de son nom suffit (Québec, Rennes).",
                    "sql": "SELECT DISTINCT t2.name AS partenaire, t2.country AS pays, a.slug, a.kind, a.date "
                           "FROM territories t1 JOIN agreement_parties p1 ON p1.territory_id = t1.id "
                           "JOIN agreement_parties p2 ON p2.agreement = p1.agreement AND p2.territory_id != t1.id "
                           "JOIN territories t2 ON t2.id = p2.territory_id JOIN agreements a ON a.id = p1.agreement "
                           "WHERE t1.name LIKE '%' || :territoire || '%' ORDER BY a.date DESC LIMIT 500",
                },
                "accords_entre_deux_pays": {
                    "title": "Les accords entre deux pays",
                    "description": "Codes ISO à deux lettres : FR et CA.",
                    "sql": "SELECT DISTINCT a.slug, a.title, a.parties, a.kind, a.status, a.date FROM agreements a "
                           "JOIN agreement_parties x ON x.agreement = a.id JOIN territories t ON t.id = x.territory_id "
                           "JOIN agreement_parties y ON y.agreement = a.id AND y.position != x.position "
                           "JOIN territories u ON u.id = y.territory_id "
                           "WHERE t.country = upper(:pays_a) AND u.country = upper(:pays_b) ORDER BY a.date DESC",
                },
            },
        }},
        "plugins": {"datasette-cluster-map": {"latitude_column": "latitude", "longitude_column": "longitude"}},
    }
