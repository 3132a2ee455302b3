"""twinning network: each format parsed by its own library, and the graph it gives compared with
the one networkx builds from the same rows."""

import io
import json
import shutil
import sqlite3
import subprocess

import networkx as nx
import pydot
import pytest

from twinning_cli import queries
from twinning_cli.filters import Filters

pytestmark = pytest.mark.usefixtures("seeded")


def _party(name, country="FR", **more):
    return {"name": name, "kind": "ville", "country": country, **more}


@pytest.fixture
def crowded(register_with, make_record):
    """Agreements of three and four parties sharing pairs, one undated, names holding markup,
    quotes and letters beyond ASCII: what the seed's pairs do not exercise."""
    records = [
        make_record(slug="c-three", title="Trois & <un>", signed_on="2020",
                    parties=[_party("Aéa"), _party('Bé "b"', "CA", lat=46.5, lng=-71.25), _party("Cé")]),
        make_record(slug="a-four", title="Quatre", signed_on=None, status="proposed", events=[], valid_from=None,
                    parties=[_party("Cé"), _party("Aéa"), _party("Dé", "DE"), _party('Bé "b"', "CA")]),
        make_record(slug="b-two", title="Deux", signed_on="1964", parties=[_party("Dé", "DE"), _party("Cé")]),
    ]
    return register_with(records)


def _oracle(path, filters=Filters(), among=None) -> nx.MultiGraph:
    """The graph as networkx builds it from the register's rows (as this command once did)."""
    conn = sqlite3.connect(path)
    nodes, links = queries.graph_rows(conn, filters, among)
    graph = nx.MultiGraph()
    for tid, name, kind, country, subdivision, lat, lng in nodes:
        attrs = {"name": name, "kind": kind, "country": country, "subdivision": subdivision, "lat": lat, "lng": lng}
        graph.add_node(f"t{tid}", **{k: v for k, v in attrs.items() if v is not None})
    by_agreement: dict[str, list] = {}
    for slug, title, kind, status, year, domains, tid in links:
        by_agreement.setdefault(slug, [(title, kind, status, year, domains)]).append(f"t{tid}")
    for slug, ((title, kind, status, year, domains), *parties) in by_agreement.items():
        attrs = {"agreement": slug, "title": title, "kind": kind, "status": status, "domains": domains or ""}
        if year is not None:
            attrs["year"] = year
        for i, first in enumerate(parties):
            for second in parties[i + 1:]:
                graph.add_edge(first, second, key=slug, **attrs)
    return graph


def _edges(graph) -> list:
    return sorted((min(u, v), max(u, v), k, sorted(d.items())) for u, v, k, d in graph.edges(keys=True, data=True))


def test_every_format_gives_the_graph_networkx_builds(run, crowded):
    oracle = _oracle(crowded)
    assert oracle.number_of_nodes() == 4 and oracle.number_of_edges() == 3 + 6 + 1
    text = run("network", "-f", "json").stdout
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"  # json.dumps' own layout
    for graph in (nx.node_link_graph(json.loads(text), edges="links"),
                  nx.read_graphml(io.StringIO(run("network", "-f", "graphml").stdout), force_multigraph=True)):
        assert list(graph.nodes(data=True)) == list(oracle.nodes(data=True))
        assert _edges(graph) == _edges(oracle)
    dot = pydot.graph_from_dot_data(run("network", "-f", "dot").stdout)[0]
    assert [n.get_name() for n in dot.get_nodes()] == list(oracle.nodes)
    drawn = sorted((min(e.get_source(), e.get_destination()), max(e.get_source(), e.get_destination()),
                    e.get_label().strip('"').split("\\n")[0]) for e in dot.get_edges())
    assert drawn == [(u, v, k) for u, v, k, _ in _edges(oracle)]
    labels = {e.get_label() for e in dot.get_edges()}
    assert labels == {'"a-four\\nProtocole de coopération"', '"b-two\\nProtocole de coopération, 1964"',
                      '"c-three\\nProtocole de coopération, 2020"'}  # no year: no trailing comma
    mermaid = run("network", "-f", "mermaid").stdout.splitlines()
    assert len([line for line in mermaid if "|" in line]) == 10
    near = nx.node_link_graph(json.loads(run("network", "--from", "Dé", "--depth", "1", "-f", "json").stdout),
                              edges="links")
    conn = sqlite3.connect(crowded)
    among = {row[0] for row in conn.execute("SELECT id FROM territories")}
    assert _edges(near) == _edges(_oracle(crowded, among=among))


def test_edges_follow_the_agreements_and_their_parties_order(run, crowded):
    links = json.loads(run("network", "-f", "json").stdout)["links"]
    names = {n["id"]: n["name"] for n in json.loads(run("network", "-f", "json").stdout)["nodes"]}
    assert [(link["key"], names[link["source"]], names[link["target"]]) for link in links][:4] == [
        ("a-four", "Cé", "Aéa"), ("a-four", "Cé", "Dé"), ("a-four", "Cé", 'Bé "b"'), ("a-four", "Aéa", "Dé")]


def test_json_node_link(run):
    data = json.loads(run("network").stdout)
    graph = nx.node_link_graph(data, edges="links")
    assert graph.number_of_nodes() == 9
    assert graph.number_of_edges() == 5
    quebec = next(n for n, d in graph.nodes(data=True) if d["name"] == "Ville de Québec")
    assert graph.degree(quebec) == 2
    edge = next(d for _, _, d in graph.edges(data=True) if d["agreement"] == "rennes-quebec")
    assert (edge["kind"], edge["status"], edge["year"]) == ("cooperation-protocol", "signed", 2024)
    assert edge["domains"] == "economy; higher-education-research; culture; heritage"


def test_graphml_reads_back_with_networkx(run, tmp_path):
    (tmp_path / "g.graphml").write_text(run("network", "-f", "graphml").stdout, encoding="utf-8")
    graph = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert graph.number_of_nodes() == 9 and graph.number_of_edges() == 5
    assert {d["name"] for _, d in graph.nodes(data=True)} >= {"Ville de Pau", "MRC des Laurentides"}


def test_dot_parses_with_pydot(run):
    graphs = pydot.graph_from_dot_data(run("network", "-f", "dot").stdout)
    assert len(graphs) == 1
    dot = graphs[0]
    assert len(dot.get_nodes()) == 9 and len(dot.get_edges()) == 5
    labels = [e.get_label() for e in dot.get_edges()]
    assert any("rennes-quebec" in label for label in labels)
    dashed = [e for e in dot.get_edges() if e.get_style() == "dashed"]
    assert len(dashed) == 2  # proposed and exploratory


def test_mermaid_shape(run):
    lines = run("network", "-f", "mermaid").stdout.splitlines()
    assert lines[0] == "graph LR"
    nodes = [line for line in lines if line.strip().endswith(")\"]")]
    links = [line for line in lines if "|" in line]
    assert len(nodes) == 9 and len(links) == 5
    assert all(line.startswith("    t") for line in lines[1:])
    assert any('-.-|"pau-thetford-mines: twinning"|' in line for line in links)


def test_from_and_depth(run):
    near = nx.node_link_graph(json.loads(run("network", "--from", "Rennes", "--depth", "1").stdout), edges="links")
    assert {d["name"] for _, d in near.nodes(data=True)} == {"Rennes Métropole", "Ville de Québec"}
    far = nx.node_link_graph(json.loads(run("network", "--from", "Rennes", "--depth", "2").stdout), edges="links")
    assert {d["name"] for _, d in far.nodes(data=True)} == {"Rennes Métropole", "Ville de Québec",
                                                             "Nantes Métropole"}


def test_tree_on_a_terminal(run):
    out = run("network", "-f", "table").stdout
    assert out.splitlines()[0] == "Ville de Québec (CA)"
    assert "rennes-quebec · Protocole de coopération · Signé · 2024" in out


def test_unknown_graph_format(run):
    result = run("network", "-f", "csv")
    assert result.exit_code == 2
    assert "valid: table, dot, graphml, mermaid, json" in result.stderr


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_graphviz_draws_the_dot(run):
    drawn = subprocess.run(["dot", "-Tsvg"], input=run("network", "-f", "dot").stdout, text=True,
                           capture_output=True, check=True)
    assert drawn.stdout.count("<g id=\"node") == 9


def test_the_formats_need_neither_networkx_nor_pydot(seeded):
    """`pip install .` brings neither (the tests read the formats back with them): every format
    is written with both made unimportable."""
    import sys

    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('networkx', 'pydot'): raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "from twinning_cli.__main__ import main\n"
            "main()\n")
    for fmt in ("json", "graphml", "dot", "mermaid"):
        done = subprocess.run([sys.executable, "-c", code, "network", "--db", str(seeded), "-f", fmt],
                              capture_output=True, text=True)
        assert (done.returncode, done.stderr) == (0, ""), fmt
        assert "t1" in done.stdout


def test_graphml_declares_the_attributes_its_edges_have(run, crowded):
    """GraphML declares its keys before the elements: a year key only where an edge has a year,
    no edge key at all where there is no edge."""
    undated = run("network", "-f", "graphml", "--status", "proposed").stdout
    assert 'attr.name="agreement"' in undated and 'attr.name="year"' not in undated
    assert _edges(nx.read_graphml(io.StringIO(undated), force_multigraph=True)) == _edges(
        _oracle(crowded, Filters(statuses=("proposed",))))
    assert 'attr.name="year" attr.type="long"' in run("network", "-f", "graphml").stdout
    empty = run("network", "-f", "graphml", "--year", "1800").stdout
    assert "<key" not in empty and '<graph edgedefault="undirected" />' in empty
