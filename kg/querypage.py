"""The query page ``kg serve`` shows at ``/`` (instead of Oxigraph's, which loads its editor from a CDN):
one self-contained HTML page, offline, that predeclares our prefixes (``kg:``, ``rdfs:``, ``art:`` …,
added to a query that uses one without declaring it, as ``kg query`` does), offers the named queries
of ``queries/*.rq``, and shows the results of ``/query`` as a table. Queries go through the same
guard as every other request (:mod:`kg.front`)."""

from __future__ import annotations

import html
import json

from kg.sparql import load_named, named_queries
from kg.vocab import QUERY_PREFIXES

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg: SPARQL query</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>
body{font:14px system-ui,sans-serif;margin:1.2em;color:#222}
textarea{width:100%;height:16em;font:13px ui-monospace,monospace;box-sizing:border-box}
table{border-collapse:collapse;margin-top:.8em;font-size:13px}
td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top;max-width:40em}
th{background:#f3f3f3} #status{margin:.5em 0;color:#555} #status.error{color:#b00;white-space:pre-wrap}
code{background:#f3f3f3;padding:0 .2em} .bar{display:flex;gap:.6em;align-items:center;margin:.5em 0}
</style></head><body>
<h1>SPARQL query</h1>
<p>The default graph is the merged graph (every distinct triple of all articles once): <code>COUNT</code>
without <code>GRAPH</code> counts right; <code>GRAPH ?article { … }</code> says which article says what.
Predeclared prefixes: __PREFIXES__.</p>
<div class="bar"><label>Named query <select id="named"><option value="">(your own)</option>__OPTIONS__</select></label>
<button id="run" type="button">Run</button> <span id="hint"></span></div>
<textarea id="query" spellcheck="false">SELECT ?accuser ?accused (COUNT(*) AS ?support)
WHERE { ?st a kg:Accusation ; kg:subject ?a ; kg:object ?b .
        ?a rdfs:label ?accuser . ?b rdfs:label ?accused }
GROUP BY ?accuser ?accused ORDER BY DESC(?support)</textarea>
<div id="status"></div><div id="results"></div>
<script id="kg-data" type="application/json">__DATA__</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var q = document.getElementById("query"), status = document.getElementById("status");
  var out = document.getElementById("results");
  document.getElementById("named").addEventListener("change", function (e) {
    var n = data.named[e.target.value];
    if (n) { q.value = n.text; document.getElementById("hint").textContent = n.description; }
  });
  function withPrefixes(text) {
    var declared = {}, re = /PREFIX\\s+([A-Za-z][\\w.-]*)?\\s*:/gi, m;
    while ((m = re.exec(text)) !== null) { declared[m[1] || ""] = true; }
    var head = "";
    Object.keys(data.prefixes).forEach(function (p) {
      if (!declared[p]) { head += "PREFIX " + p + ": <" + data.prefixes[p] + "> "; }
    });
    return head + text;
  }
  function short(v) {
    if (v.type !== "uri") { return v.value; }
    var best = null;
    Object.keys(data.prefixes).forEach(function (p) {
      var ns = data.prefixes[p];
      if (v.value.indexOf(ns) === 0 && v.value.length > ns.length && (!best || ns.length > best[1].length)) {
        best = [p, ns];
      }
    });
    return best ? best[0] + ":" + v.value.slice(best[1].length) : "<" + v.value + ">";
  }
  function cell(row, text) { var td = document.createElement(row ? "td" : "th"); td.textContent = text; return td; }
  function run() {
    status.className = ""; status.textContent = "running…"; out.textContent = "";
    var t0 = performance.now();
    fetch("query", {method: "POST", headers: {"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/sparql-results+json"},
                    body: "query=" + encodeURIComponent(withPrefixes(q.value))})
      .then(function (r) { return r.text().then(function (body) { return [r, body]; }); })
      .then(function (rb) {
        if (!rb[0].ok) { throw new Error(rb[1] || rb[0].statusText); }
        var res = JSON.parse(rb[1]);
        if (typeof res.boolean === "boolean") { status.textContent = String(res.boolean); return; }
        var vars = res.head.vars, rows = res.results.bindings, table = document.createElement("table");
        var tr = document.createElement("tr");
        vars.forEach(function (v) { tr.appendChild(cell(false, v)); });
        table.appendChild(tr);
        rows.forEach(function (b) {
          var r = document.createElement("tr");
          vars.forEach(function (v) { r.appendChild(cell(true, b[v] ? short(b[v]) : "")); });
          table.appendChild(r);
        });
        out.appendChild(table);
        status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + " in " +
          Math.round(performance.now() - t0) + " ms";
      })
      .catch(function (e) { status.className = "error"; status.textContent = String(e.message || e); });
  }
  document.getElementById("run").addEventListener("click", run);
  q.addEventListener("keydown", function (e) { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { run(); } });
  document.body.dataset.kgReady = "1";
})();
</script></body></html>
"""


def page() -> bytes:
    """The page, with the named queries and the prefixes inlined (no request leaves the server)."""
    named = {name: {"description": desc, "text": load_named(name)} for name, desc in named_queries().items()}
    data = json.dumps({"prefixes": QUERY_PREFIXES, "named": named}, ensure_ascii=False)
    data = data.replace("<", "\\u003c")  # no "</script>" inside the JSON block
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}</option>' for n in named)
    prefixes = " ".join(f"<code>{html.escape(p)}:</code>" for p in QUERY_PREFIXES)
    return (_PAGE.replace("__PREFIXES__", prefixes).replace("__OPTIONS__", options)
            .replace("__DATA__", data)).encode("utf-8")
