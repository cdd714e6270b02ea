"""The knowledge graph as one self-contained, interactive HTML page (pyvis / vis-network).

The page works offline: the vis-network script and stylesheet bundled with the pyvis package are
inlined (pyvis itself would point at a CDN and at Bootstrap). Nodes are coloured and shaped by
entity type and sized by degree, edges are as wide as the number of articles behind them and
labelled with the relation once zoomed in or hovered; hovering shows the evidence sentences,
modality and source articles, and a click opens the article inside the page with the sentence
highlighted (its text is read from the source file when that file is still there and unchanged).
The page's controls (filters, date range, neighbour collapse, paths, PNG download) work on the
data handed to it. Every piece of text from the data is HTML-escaped: entity names and sentences
come from the news and may contain markup.
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from kg import __version__
from kg.graph import RELATION_PROPERTIES, find_entity, most_connected, neighbourhood, to_networkx
from kg.graph import names as node_names
from kg.schema import RELATIONS
from kg.store import KGStore

log = logging.getLogger(__name__)

#: From this many nodes on, physics is off and positions come from a networkx layout.
LAYOUT_THRESHOLD = 1000
#: Evidence sentences shown per edge tooltip (the rest are counted).
MAX_EVIDENCE = 8
#: Article texts read from their source files and put in the page, in characters at most; past it the
#: article view shows the sentences the graph cites.
MAX_TEXT_CHARS = 5_000_000

#: Entity type → (display name, colour, vis-network shape).
ENTITY_STYLE: dict[str, tuple[str, str, str]] = {
    "PER": ("Person", "#4e79a7", "dot"),
    "ORG": ("Organization", "#f28e2b", "square"),
    "GPE": ("State", "#e15759", "diamond"),
    "LOC": ("Location", "#76b7b2", "triangle"),
    "WEAPON": ("Weapon type", "#59a14f", "star"),
    "UNKNOWN": ("Other", "#9d9d9d", "dot"),
}
#: Relation (property local name) → (display label, colour).
RELATION_STYLE: dict[str, tuple[str, str]] = {
    spec.property: (spec.label or spec.property, spec.colour) for spec in RELATIONS.values()
} | {"suppliesTo": ("supplies to", "#17becf")}
_DASHES = {"asserted": False, "denied": [2, 6]}  # alleged / planned / potential: [8, 6]
_TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
_VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
_QID = re.compile(r"Q[0-9]+")


def render_html(
    store_or_graph: nx.MultiDiGraph | KGStore | str | Path,
    out_path: str | Path,
    *,
    focus: str | None = None,
    max_nodes: int | None = None,
    radius: int = 1,
    title: str | None = None,
) -> Path:
    """Write the graph as a self-contained HTML page and return its path.

    ``store_or_graph``: a ``kg.graph.to_networkx(..., evidence=True)`` graph (without the evidence
    the page has no sentences to show), a store, or a store location.
    ``focus``: keep only the neighbourhood (``radius`` hops) of this entity (label, key or IRI;
    raises ``kg.graph.EntityNotFound``). ``max_nodes``: keep the best connected entities only.
    """
    full = store_or_graph if isinstance(store_or_graph, nx.MultiDiGraph) \
        else to_networkx(store_or_graph, evidence=True)
    g = full
    focus_node = None
    if focus is not None:
        focus_node = find_entity(full, focus)
        g = neighbourhood(full, focus_node, radius=radius)
    if max_nodes is not None and g.number_of_nodes() > max_nodes:
        trimmed = most_connected(g, max_nodes)
        if focus_node is not None and focus_node not in trimmed:  # the focus always stays
            trimmed = g.subgraph([focus_node, *most_connected(g, max_nodes - 1).nodes]).copy()
        g = trimmed
    html_text = page(g, full=full, focus=focus_node, title=title)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html_text, encoding="utf-8")
    return out


def page(
    g: nx.MultiDiGraph, *, full: nx.MultiDiGraph | None = None, focus: str | None = None,
    title: str | None = None,
) -> str:
    """The HTML text for ``g`` (``full``: the graph it was cut from, for the subtitle).

    Nodes and edges carry structured data (names, evidence rows, an index into a shared article
    table); the page builds tooltips from it with DOM text nodes, so no string from the data is
    ever parsed as HTML, and each article's metadata is written once, not once per sentence.
    """
    full = g if full is None else full
    big = g.number_of_nodes() >= LAYOUT_THRESHOLD
    net = Network(directed=True)  # pyvis holds the node/edge dicts and the vis-network options
    positions = _layout(g) if big else {}

    def label(n: str) -> str:
        return str(g.nodes[n].get("label", n))

    for n in sorted(g.nodes):
        d = g.nodes[n]
        etype = d.get("type", "UNKNOWN") if d.get("type") in ENTITY_STYLE else "UNKNOWN"
        _, colour, shape = ENTITY_STYLE[etype]
        extra: dict[str, Any] = {}
        if n in positions:
            extra.update(x=positions[n][0], y=positions[n][1])
        if n == focus:
            extra.update(borderWidth=4, color={"background": colour, "border": "#111111"})
        wikidata = str(d.get("wikidata") or "")
        net.add_node(
            n, label=label(n), shape=shape, color=extra.pop("color", colour), type=etype,
            key=str(d.get("key", "")), labels=sorted(node_names(d)),
            wikidata=wikidata if _QID.fullmatch(wikidata) else None, articles=int(d.get("articles", 0)),
            value=g.degree(n), degree=g.degree(n), **extra,
        )

    articles: dict[str, int] = {}  # article IRI → index into data["articles"]
    article_rows: list[dict[str, Any]] = []
    meta = full.graph.get("articles", {})

    def article_index(ev: dict[str, Any]) -> int:
        iri = str(ev.get("article") or "")
        if iri not in articles:
            m = meta.get(iri, {})
            articles[iri] = len(article_rows)
            article_rows.append({
                "iri": iri, "title": ev.get("article_title") or m.get("title") or ev.get("file") or iri,
                "outlet": ev.get("outlet") or m.get("outlet"), "date": ev.get("date") or m.get("date"),
                "file": ev.get("file") or m.get("file"), "source": m.get("source_line"),
                "paths": list(m.get("paths") or []), "hash": m.get("content_hash"),
            })
        return articles[iri]

    per_edge = MAX_EVIDENCE if g.number_of_edges() <= 2000 else 3
    parallel: Counter[frozenset[str]] = Counter()
    for i, (s, o, rel, d) in enumerate(
        sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], _rel_rank(e[2])))
    ):
        nth = parallel[frozenset((s, o))]
        parallel[frozenset((s, o))] += 1
        opts: dict[str, Any] = {}
        if nth:  # a second edge between the same two entities bends away from the first
            opts["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * nth}
        support = int(d.get("support", 1))
        modality = str(d.get("modality", "asserted"))
        evidence = list(d.get("evidence", []))
        rows = []
        for ev in evidence[:per_edge]:
            notes = []
            if ev.get("title"):
                notes.append(f"title: {ev['title']}")
            if ev.get("recipient") and ev["recipient"] in g:
                notes.append(f"to {label(ev['recipient'])}")
            conf = ev.get("confidence")
            rows.append([
                _clip(str(ev.get("sentence", ""))), str(ev.get("modality", "")),
                round(float(conf), 2) if isinstance(conf, int | float) else None, article_index(ev),
                " · ".join(notes), *(ev.get(k) if isinstance(ev.get(k), int) else None
                                     for k in ("start", "end", "sentence_index")),
            ])
        dates = sorted({str(ev["date"]) for ev in evidence if ev.get("date")})
        # pyvis' Network.add_edge re-checks both ends with a linear scan; the graph guarantees them.
        net.edges.append(
            pyvis.edge.Edge(
                s, o, directed=True, id=i, label="", rlabel=RELATION_STYLE.get(rel, (rel,))[0], relation=rel,
                support=support, modality=modality, modalities=str(d.get("modalities") or modality).split("|"),
                width=_edge_width(support), dashes=_DASHES.get(modality, [8, 6]), ev=rows,
                more=max(0, len(evidence) - len(rows)), dates=dates,
                undated=any(not ev.get("date") for ev in evidence) or not evidence, **opts,
            ).options
        )

    if big:
        net.toggle_physics(False)
        net.set_edge_smooth("continuous")
        net.options.edges.smooth.enabled = False
    else:
        net.force_atlas_2based(gravity=-50, central_gravity=0.02, spring_length=100, damping=0.5, overlap=1.0)
        net.options.physics.stabilization = {"enabled": True, "iterations": 300, "fit": True}
    options = json.loads(net.options.to_json())
    options.setdefault("interaction", {}).update(
        hover=True, tooltipDelay=120, navigationButtons=False, hideEdgesOnDrag=big,
        keyboard={"enabled": True, "bindToWindow": False},
    )
    # size and label grow with the degree, so the hubs read at the fitted zoom; edge labels appear
    # once zoomed in or on hover (the page sets them), not as a pile around the hubs
    options["nodes"] = {
        "font": {"size": 14, "strokeWidth": 4, "strokeColor": "#ffffff"}, "borderWidth": 1,
        "scaling": {"min": 10, "max": 40, "label": {"enabled": True, "min": 17, "max": 26, "maxVisible": 26,
                                                    "drawThreshold": 4}},
    }
    options["edges"].update(
        arrows={"to": {"enabled": True, "scaleFactor": 0.6}}, selectionWidth=2,
        font={"size": 12, "color": "#333333", "strokeWidth": 4, "align": "middle"},
    )
    options["edges"]["color"] = {"inherit": False}
    options["layout"] = {"randomSeed": 7, "improvedLayout": not big}

    type_counts = Counter(n["type"] for n in net.nodes)
    rel_counts = Counter(e["relation"] for e in net.edges)
    connected = {e["from"] for e in net.edges} | {e["to"] for e in net.edges}
    isolated = sum(1 for n in net.nodes if n["id"] not in connected)
    types = [
        {"code": t, "name": name, "count": type_counts[t], "icon": _icon(shape, colour)}
        for t, (name, colour, shape) in ENTITY_STYLE.items() if type_counts[t]
    ]
    relations = [
        {"name": r, "label": RELATION_STYLE.get(r, (r, ""))[0], "count": rel_counts[r],
         "color": RELATION_STYLE.get(r, ("", "#555555"))[1]}
        for r in sorted(rel_counts, key=_rel_rank)
    ]
    names = sorted({str(x) for n in net.nodes for x in (n["label"], *n["labels"])}, key=str.casefold)
    n_articles = int(full.graph.get("article_count", len(full.graph.get("articles", {}))))
    heading = title or (
        f"Knowledge graph of {n_articles} news article{'s' * (n_articles != 1)}"
        if n_articles else "Knowledge graph"
    )
    subtitle = f"{g.number_of_nodes()} entities · {g.number_of_edges()} relations"
    if g is not full and (g.number_of_nodes(), g.number_of_edges()) != (full.number_of_nodes(),
                                                                       full.number_of_edges()):
        subtitle += f" (of {full.number_of_nodes()} entities · {full.number_of_edges()} relations"
        subtitle += f"; neighbourhood of {label(focus)})" if focus else "; the best connected part)"
    if big:
        subtitle += " · layout precomputed, physics off"
    _add_texts(article_rows)
    all_dates = sorted({d for e in net.edges for d in e["dates"]})
    data = {
        "nodes": net.nodes, "edges": net.edges, "articles": article_rows, "options": options, "focus": focus,
        "typeNames": {t: name for t, (name, _, _) in ENTITY_STYLE.items()},
        "typeColours": {t: colour for t, (_, colour, _) in ENTITY_STYLE.items()},
        "relationLabels": {r: lab for r, (lab, _) in RELATION_STYLE.items()},
        "relationColours": {r: colour for r, (_, colour) in RELATION_STYLE.items()},
    }

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATE_DIR), autoescape=True, undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("graph.html").render(
        title=heading, subtitle=subtitle, version=__version__, types=types, relations=relations,
        names=names, empty=g.number_of_nodes() == 0, isolated=isolated, show_isolated=not net.edges,
        date_min=all_dates[0] if all_dates else None, date_max=all_dates[-1] if all_dates else None,
        file_stem=re.sub(r"[^A-Za-z0-9._-]+", "-", heading).strip("-")[:60] or "graph",
        data_json=_script_json(data),
        vis_js=_inline_asset("vis-network.min.js"), vis_css=_inline_asset("vis-network.css"),
    )


# -- helpers ---------------------------------------------------------------------------------


def _inline_asset(name: str) -> Markup:
    """A bundled vis-network file, checked to be safe to paste inside <script>/<style>."""
    text = (_VIS_DIR / name).read_text(encoding="utf-8")
    for bad in ("</script", "</style", "<!--"):
        if bad in text.lower():
            raise RuntimeError(f"{_VIS_DIR / name} contains {bad!r}; cannot inline it safely")
    return Markup(text)


def _script_json(obj: object) -> Markup:
    """JSON that is safe inside a <script> element: no <, >, & or line separators in the text."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


def _icon(shape: str, colour: str) -> Markup:
    """A 14×14 SVG of a node shape, for the legend and the filter boxes."""
    c = html.escape(colour, quote=True)
    body = {
        "dot": f'<circle cx="7" cy="7" r="6" fill="{c}"/>',
        "square": f'<rect x="1.5" y="1.5" width="11" height="11" fill="{c}"/>',
        "diamond": f'<polygon points="7,0.5 13.5,7 7,13.5 0.5,7" fill="{c}"/>',
        "triangle": f'<polygon points="7,1 13.5,13 0.5,13" fill="{c}"/>',
        "star": '<polygon points="7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13.2 7,10.4 2.9,13.2 4.2,8.2 0.5,5.2'
                f' 5.2,5" fill="{c}"/>',
    }[shape]
    return Markup(body)


def _add_texts(rows: list[dict[str, Any]], budget: int = MAX_TEXT_CHARS) -> None:
    """Give each article row its text (``text``; None when unknown), read from a ``kg:sourcePath`` whose
    file still holds the same text (same content hash, so the evidence offsets point into it); the
    paths and hash stay out of the page."""
    from kg.ingest import IngestError, read_article

    for row in rows:
        paths, digest = row.pop("paths", []), row.pop("hash", None)
        row["text"] = None
        for path in paths if digest else []:
            try:
                art = read_article(Path(path))
            except (OSError, IngestError, ValueError):
                continue
            if art.doc_id == digest and len(art.text) <= budget:
                row["text"], budget = art.text, budget - len(art.text)
                break


def _edge_width(support: int) -> float:
    return round(min(1.5 + 2.0 * (support - 1), 12.0), 1)


def _rel_rank(rel: str) -> tuple[int, str]:
    return (RELATION_PROPERTIES.index(rel) if rel in RELATION_PROPERTIES else len(RELATION_PROPERTIES), rel)


#: Side of the square a laid-out component gets, per square root of its node count (pixels).
_SPACING = 85.0


def _layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Fixed positions for a big graph, deterministic.

    Each connected component gets a spring layout (undirected, weighted by support) in a square
    whose side grows with the square root of its size; the squares are packed in rows, biggest
    first. Laying out components apart is faster (news graphs have many small ones) and reads
    better than one spring layout of everything, which flings small components to the rim.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes))
    for s, o, d in g.edges(data=True):
        if s != o:
            w = simple.get_edge_data(s, o, {}).get("weight", 0)
            simple.add_edge(s, o, weight=w + int(d.get("support", 1)))
    log.info("computing a layout for %d nodes", simple.number_of_nodes())
    comps = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    boxes: list[tuple[float, dict[str, tuple[float, float]]]] = []
    for comp in comps:
        side = _SPACING * max(1.0, math.sqrt(len(comp)))
        if len(comp) == 1:
            unit = {comp[0]: (0.0, 0.0)}
        elif len(comp) <= 3:
            unit = {n: (float(x), float(y)) for n, (x, y) in nx.circular_layout(comp, scale=0.5).items()}
        else:
            sub = simple.subgraph(comp)
            pos = nx.spring_layout(sub, seed=7, iterations=50 if len(comp) < 3000 else 30, weight="weight",
                                   scale=0.5, center=(0.0, 0.0))
            unit = {n: (float(x), float(y)) for n, (x, y) in pos.items()}
        boxes.append((side, {n: (x * side * 0.9, y * side * 0.9) for n, (x, y) in unit.items()}))
    # shelf packing: rows about as wide as the square root of the total area
    row_width = max(boxes[0][0], math.sqrt(sum(side * side for side, _ in boxes))) if boxes else 0.0
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for side, unit in boxes:
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + side / 2, y + side / 2
        for n, (dx, dy) in unit.items():
            out[n] = (round(cx + dx, 1), round(cy + dy, 1))
        x += side
        row_height = max(row_height, side)
    return out


def _clip(text: str, limit: int = 400) -> str:
    """A sentence cut to ``limit`` characters (a broken sentence split can yield a paragraph)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
