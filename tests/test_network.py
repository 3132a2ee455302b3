"""twinning network: each format parsed by its own library."""

import json
import shutil
import subprocess

import networkx as nx
import pydot
import pytest

pytestmark = pytest.mark.usefixtures("seeded")


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
