"""`twinning show` for a reader: one agreement laid out with Rich.

Every value from the data goes through Text(terminal_safe(...)), so a title
holding '[bold]' or an escape sequence prints as it is written.
"""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import vocabulary
from .i18n import N_
from .i18n import _ as tr
from .i18n import count, french
from .render import console, on_screen, terminal_safe


def _t(value: object, style: str = "") -> Text:
    return Text(terminal_safe(value), style=style)


def _date(date: str | None, end: str | None = None, inferred: bool = False) -> Text:
    text = _t(on_screen(date) if date else "—")
    if end:
        text.append(f" → {terminal_safe(on_screen(end) if end != '…' else end)}")
    if inferred:
        text.append(" " + tr("(inferred)"), style="italic yellow")
    return text


def _section(title: str, columns: list[str], rows: list[list[object]]) -> Table | None:
    if not rows:
        return None
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  header_style="dim", expand=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else _t(cell) for cell in row))
    return table


def draw(record: dict) -> None:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row(tr("slug"), _t(record["slug"]))
    facts.add_row(tr("kind"), _t(f"{vocabulary.label('kind', record['kind'])} ({record['kind']})"))
    facts.add_row(tr("status"), _t(f"{vocabulary.label('status', record['status'])} ({record['status']})"))
    signed = _date(record["signed_on"], inferred=record["signed_on_inferred"])
    if record["signed_on_note"]:
        signed.append("\n" + terminal_safe(record["signed_on_note"]), style="dim")
    facts.add_row(tr("signed"), signed)
    if record["valid_from"] or record["valid_until"]:
        facts.add_row(tr("valid"), _date(record["valid_from"], record["valid_until"] or "…"))
    facts.add_row(tr("domains"), _t(", ".join(vocabulary.label("domain", d) for d in record["domains"])))
    if record["topics"]:
        facts.add_row(tr("topics"), _t(", ".join(record["topics"])))
    if record["summary"]:
        facts.add_row(tr("summary"), _t(record["summary"]))

    parts = [
        facts,
        _section(tr("Parties"), [tr("name"), tr("kind"), tr("country"), tr("acting for it")],
                 [[p["name"], p["kind"], " ".join(filter(None, [p["country"], p["subdivision"]])),
                   p["acting_body"] or ""] for p in record["parties"]]),
        _section(tr("People"), [tr("name"), tr("role"), tr("party"), tr("signed")],
                 [[p["name"], p["role"] or "", p["party"] or "", tr("yes") if p["signed"] else ""]
                  for p in record["people"]]),
        _section(tr("Stakeholders"), [tr("name"), tr("kind"), tr("role")],
                 [[s["name"], s["kind"] or "", s["role"] or ""] for s in record["stakeholders"]]),
        _section(tr("Funding"), [tr("programme"), tr("backers")],
                 [[f["programme"], "; ".join(f["backers"])] for f in record["funding"]]),
        _section(tr("Timeline"), [tr("date"), tr("place"), tr("what happened")],
                 [[_date(e["date"], e["end"], e["date_inferred"]), e["place"] or "", e["description"]]
                  for e in record["events"]]),
        _section(tr("Sources"), [tr("file"), tr("publisher"), tr("published"), tr("dateline")],
                 [[s["file"], s["publisher"] or "", on_screen(s["published_on"]) if s["published_on"] else "",
                   s["dateline"] or ""] for s in record["sources"]]),
    ]
    if record["note"]:
        parts.append(Group(Text(tr("Note"), style="bold"), _t(record["note"], "dim")))
    console().print(Panel(Group(*(p for p in parts if p is not None)), title=_t(record["title"], "bold"),
                          title_align="left", box=box.ROUNDED))


SHOWN = 15  # agreements and partners a territory's card shows; the rest are counted


def draw_territory(data: dict) -> None:
    """`twinning territories show`: a territory, its agreements, partners, people, domains."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row(tr("kind"), _t(data["kind"]))
    facts.add_row(tr("country"), _t(" ".join(filter(None, [data["country"], data["subdivision"]]))))
    if data["lat"] is not None:
        facts.add_row(tr("location"), _t(f"{data['lat']}, {data['lng']}"))
    ids = [f"Wikidata {data['wikidata']}" if data.get("wikidata") else "",
           f"GeoNames {data['geonames']}" if data.get("geonames") else ""]
    if any(ids):
        facts.add_row(tr("ids"), _t(" · ".join(filter(None, ids))))
    partners = data["partners"]
    facts.add_row(tr("partners"), _t(", ".join(partners[:SHOWN]) + (
        tr(" … and {count} more").format(count=count(len(partners) - SHOWN)) if len(partners) > SHOWN else "")))
    facts.add_row(tr("domains"), _t(", ".join(f"{vocabulary.label('domain', d)} ({n})"
                                              for d, n in data["domains"].items())))
    parts = [
        facts,
        _section(tr("Agreements"), [tr("date"), tr("slug"), tr("kind"), tr("status"), tr("parties")],
                 [[on_screen(a["date"]) if a["date"] else "—", a["slug"], vocabulary.label("kind", a["kind"]),
                   vocabulary.label("status", a["status"]), a["parties"].replace("; ", " ↔ ")]
                  for a in data["agreements"][:SHOWN]]),
        _section(tr("People"), [tr("name"), tr("role"), tr("agreement"), tr("signed")],
                 [[p["name"], p["role"] or "", p["agreement"], tr("yes") if p["signed"] else ""]
                  for p in data["people"]]),
    ]
    if len(data["agreements"]) > SHOWN:
        parts.insert(2, Text(tr("… and {count} more agreements: --format csv lists them all").format(
            count=count(len(data["agreements"]) - SHOWN)), style="italic yellow"))
    console().print(Panel(Group(*(p for p in parts if p is not None)), title=_t(data["name"], "bold"),
                          title_align="left", box=box.ROUNDED))


# The fields of a draft, named in the review.
FIELDS = (N_("parties"), N_("kind"), N_("status"), N_("signed_on"), N_("domains"))


def _missing(item: str) -> str:
    """What a draft lacks, in the interface's language ('country of X' keeps its name)."""
    if item.startswith("country of "):
        return tr("country of {name}").format(name=item[len("country of "):])
    return tr(item)


def draw_review(draft) -> None:
    """`twinning extract` on a terminal: each field, its confidence and the sentence it came from."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", expand=False)
    table.add_column(tr("field"), no_wrap=True)
    table.add_column(tr("value"))
    table.add_column(tr("conf."), justify="right", no_wrap=True)
    table.add_column(tr("evidence"), style="dim")
    for finding in draft.findings:
        evidence = terminal_safe(finding.evidence or "")
        value = finding.value
        if finding.field in ("kind", "status") and value and french():  # 'Jumelage (twinning)', as show does
            value = f"{vocabulary.label(finding.field, value)} ({value})"
        table.add_row(_t(tr(finding.field)), _t(value if value is not None else "—"),
                      f"{finding.confidence:.0%}", Text(evidence[:160] + ("…" if len(evidence) > 160 else "")))
    parts = [table]
    if draft.missing:
        parts.append(Group(Text(tr("Not found"), style="bold yellow"),
                           *(_t(f"• {_missing(item)}") for item in draft.missing)))
    record = draft.record
    title = tr("Draft: {title} ({slug})").format(title=record["title"], slug=record["slug"])
    console().print(Panel(Group(*parts), title=_t(title, "bold"), title_align="left", box=box.ROUNDED))
