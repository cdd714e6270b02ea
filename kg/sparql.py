"""SPARQL text and results for ``kg query``: named queries, parameters, update detection, formatting.

Every prefix of :data:`kg.vocab.QUERY_PREFIXES` (``kg:``, ``rdfs:``, ``art:`` for articles, ``ent:``
for entities …) is predeclared: a query that uses one without a ``PREFIX`` line gets it added on
its first line (:func:`with_prefixes`; error positions are given in the text as written).

Parameters bind variables of a query (``--param subject="John Kirby"``) by putting a ``VALUES``
block at the start of its outermost ``WHERE`` group: plain SPARQL 1.1, so it works on the embedded
store and on any remote endpoint, and a query run without parameters simply leaves the variable
free. The block goes on the line of the ``{``, so the parser's line numbers stay those of the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import QUERIES_DIR
from kg.vocab import QUERY_PREFIXES as PREFIXES

FORMATS = ("table", "csv", "tsv", "json")
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
# Pieces of SPARQL text that may contain braces, '#' or keywords without being code.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*"
    r"|[?$][A-Za-z_]\w*"
    r"|[A-Za-z_][\w-]*"
    r"|\{|[^\s]",
)
_ERROR_AT = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


class QueryError(ValueError):
    """A query that cannot be run as given (bad syntax, unknown name, bad parameter, refused update)."""

    #: what ``kg query`` exits with (bad usage)
    exit_code = 2


class QuerySyntaxError(QueryError):
    """The parser rejected the query; ``line``/``column`` are 1-based when the parser gave them."""

    def __init__(self, message: str, query: str, line: int | None = None, column: int | None = None):
        self.parser_message = message
        self.query = query
        self.line = line
        self.column = column
        super().__init__(self.pretty())

    @classmethod
    def from_parser(cls, exc: SyntaxError, query: str) -> QuerySyntaxError:
        text = str(exc.args[0] if exc.args else exc)
        m = _ERROR_AT.search(text)
        if m:
            return cls(m.group(3).strip(), query, int(m.group(1)), int(m.group(2)))
        return cls(text, query)

    def pretty(self) -> str:
        """``line L, column C: message`` and the offending line with a caret under the position."""
        if self.line is None:
            return f"SPARQL syntax error: {self.parser_message}"
        lines = self.query.split("\n")
        head = f"SPARQL syntax error at line {self.line}, column {self.column}: {self.parser_message}"
        if 1 <= self.line <= len(lines):
            src = lines[self.line - 1].replace("\t", " ")
            caret = " " * max(0, (self.column or 1) - 1) + "^"
            return f"{head}\n  {src}\n  {caret}"
        return head


class UpdateRefused(QueryError):
    """A SPARQL Update given where only queries are allowed."""


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, str]:
    """Name → first comment line (the description) of every ``queries/*.rq``."""
    out = {}
    for path in sorted(folder.glob("*.rq")):
        first = next((ln.lstrip("# ").strip() for ln in path.read_text(encoding="utf-8").splitlines()
                      if ln.startswith("#")), "")
        out[path.stem] = first
    return out


def load_named(name: str, folder: Path = QUERIES_DIR) -> str:
    """The text of ``queries/<name>.rq`` (``name`` may carry the ``.rq``)."""
    stem = name[:-3] if name.endswith(".rq") else name
    path = folder / f"{stem}.rq"
    if not re.fullmatch(r"[\w.-]+", stem) or not path.is_file():
        known = ", ".join(named_queries(folder)) or "none"
        raise QueryError(f"no named query {name!r} in {folder} (known: {known})")
    return path.read_text(encoding="utf-8")


def _tokens(text: str):
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok.startswith("#"):
            continue
        yield m.start(), m.end(), tok


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update (its first keyword after PREFIX/BASE is an update verb)."""
    in_prologue = False  # inside PREFIX/BASE, up to and including its IRI
    for _, _, tok in _tokens(text):
        word = tok.upper()
        if word in ("PREFIX", "BASE"):
            in_prologue = True
            continue
        if in_prologue:
            in_prologue = not tok.startswith("<")
            continue
        return word in _UPDATE_WORDS
    return False


def param_term(value: str) -> str:
    """A command-line value as a SPARQL term: ``<iri>``, ``prefix:name`` (known prefixes), an
    http(s) IRI, an integer or decimal, a quoted literal (``"x"@en``), else a plain string."""
    v = value.strip()
    if re.fullmatch(r"<[^<>\"{}|^`\\\x00-\x20]+>", v):
        return _iri(v[1:-1])
    if re.fullmatch(r"https?://[^<>\"{}|^`\\\x00-\x20]+", v):
        return _iri(v)
    m = re.fullmatch(r"([A-Za-z][\w-]*):([^\s<>\"{}|^`\\]*)", v)
    if m and m.group(1) in PREFIXES:
        return _iri(f"{PREFIXES[m.group(1)]}{m.group(2)}")
    if re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", v):  # SPARQL numbers are ASCII digits ("౦" is a string)
        return v
    m = re.fullmatch(r'"((?:[^"\\\n]|\\.)*)"(@[A-Za-z]+(-[A-Za-z0-9]+)*|\^\^<[^<>"{}|^`\\\x00-\x20]+>)?', v)
    if m:  # the user's escapes are read here and written again by us: no \u reaches another parser
        return _literal(_unescape(m.group(1))) + (m.group(2) or "")
    return _literal(value)


def _iri(iri: str) -> str:
    """``<iri>`` for an absolute IRI with valid percent-escapes; a relative or malformed one ("<0>", "%zz") is
    refused here, with a message, rather than by the store's parser as a syntax error in a query we wrote."""
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"not an absolute IRI: <{iri}> ({exc})") from None
    return f"<{iri}>"


def _literal(text: str) -> str:
    """A SPARQL string literal that never contains ``\\u``/``\\U`` escapes: SPARQL 1.1 §19.2 lets a
    parser expand those *before* parsing (rdflib does), so ``\\u0022`` would close the string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(body: str) -> str:
    def one(m: re.Match) -> str:
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        if e in _ESCAPES:
            return _ESCAPES[e]
        raise QueryError(f"bad escape \\{e} in a --param literal")

    try:
        return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", one, body)
    except (ValueError, OverflowError):
        raise QueryError("bad \\U escape in a --param literal") from None


def parse_params(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``VAR=VALUE`` strings (``--param``) → {VAR: VALUE}; ``ValueError`` names a malformed one."""
    bound: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"{item!r} is not VAR=VALUE")
        bound[name.strip().lstrip("?$")] = value
    return bound


def bind(text: str, params: dict[str, str]) -> str:
    """``text`` with ``VALUES ?name { term }`` for each parameter at the start of the outer WHERE."""
    if not params:
        return text
    variables = set(re.findall(r"[?$]([A-Za-z_]\w*)", _strip_literals(text)))
    for name in params:
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
        if name not in variables:
            known = ", ".join(f"?{v}" for v in sorted(variables)) or "none"
            raise QueryError(f"the query has no variable ?{name} to bind (its variables: {known})")
    brace = _where_brace(text)
    values = " ".join(f"VALUES ?{k} {{ {param_term(v)} }}" for k, v in params.items())
    return f"{text[:brace + 1]} {values} {text[brace + 1:]}"


_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)


def with_prefixes(text: str) -> tuple[str, int]:
    """``text`` with a ``PREFIX`` declaration for each of our prefixes it does not declare itself, all
    on its first line; and how many characters were put before the first line."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(_strip_literals(text).replace(" :", ":"))}
    head = "".join(f"PREFIX {k}: <{v}> " for k, v in PREFIXES.items() if k not in declared)
    return head + text, len(head)


def _strip_literals(text: str) -> str:
    return " ".join(tok for _, _, tok in _tokens(text) if not tok.startswith(('"', "'", "<")))


def _where_brace(text: str) -> int:
    """Offset of the ``{`` that opens the outermost WHERE group."""
    first_brace = None
    form = None
    after_where = False
    for start, _, tok in _tokens(text):
        word = tok.upper()
        if form is None and word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
            form = word
        if word == "WHERE":
            after_where = True
        elif tok == "{":
            if after_where:
                return start
            if first_brace is None:
                first_brace = start
                if form in ("SELECT", "ASK"):
                    return start
    raise QueryError("cannot bind parameters: the query has no WHERE clause")


_ARTICLE_GRAPH = re.compile(r"GRAPH\s+\?article\s*\{", re.IGNORECASE)


def within(text: str, since: str | None = None, until: str | None = None) -> str:
    """``text`` keeping only the articles dated within [since, until] (``YYYY-MM-DD``): a test of the
    article's ``dcterms:date`` in every ``GRAPH ?article { … }`` block (all named queries read the
    articles so); undated articles are left out."""
    if not since and not until:
        return text
    from kg.store.window import date_filter

    if not _ARTICLE_GRAPH.search(text):
        raise QueryError("--since/--until work on queries that read GRAPH ?article { … } (every named query does)")
    return _ARTICLE_GRAPH.sub(lambda m: m.group(0) + " " + date_filter("article", since, until) + " ", text)


def prepare(text: str, params: dict[str, str] | None = None, *, allow_update: bool = False,
            allow_service: bool = False) -> str:
    """Bind parameters, refuse an update unless allowed, and refuse what :func:`kg.guard.check_query`
    refuses (too deeply nested, SERVICE unless allowed); returns the text to run."""
    from kg.guard import QueryRefused, check_query

    if not text.strip():
        raise QueryError("empty query")
    try:
        check_query(text, allow_service=allow_service)
    except QueryRefused as e:
        raise QueryError(str(e)) from None
    if is_update(text):
        if not allow_update:
            raise UpdateRefused("this is a SPARQL Update, which changes the store; pass --update to run it")
        if params:
            raise QueryError("--param works with queries, not updates")
        return text
    return bind(text, params or {})


# -- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortener:
    """Writes IRIs compactly for people: ``kgr:entity/john_kirby`` style prefixes, longest first."""

    prefixes: tuple[tuple[str, str], ...] = tuple(sorted(((v, k) for k, v in PREFIXES.items()),
                                                         key=lambda p: -len(p[0])))

    def __call__(self, term: object) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            for ns, prefix in self.prefixes:
                if term.value.startswith(ns) and len(term.value) > len(ns):
                    return f"{prefix}:{term.value[len(ns):]}"
            return f"<{term.value}>"
        if isinstance(term, ox.Literal):
            return term.value
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        return str(term)


def format_result(result: object, fmt: str = "table", *, max_width: int = 80) -> str:
    """A query result as text: ``table`` (aligned, long cells cut at ``max_width``; 0 = no limit),
    ``csv``/``tsv`` (SPARQL 1.1 CSV/TSV results), ``json`` (SPARQL 1.1 results JSON).
    CONSTRUCT/DESCRIBE results are Turtle for ``table``, N-Triples for csv/tsv, JSON-LD for json."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": value})
        return "true" if value else "false"
    if isinstance(result, ox.QueryTriples):
        triples = list(result)
        rdf_fmt = {"table": ox.RdfFormat.TURTLE, "json": ox.RdfFormat.JSON_LD}.get(fmt, ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=rdf_fmt, prefixes=PREFIXES if fmt == "table" else None
                            ).decode("utf-8").rstrip("\n")
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"not a query result: {type(result).__name__}")
    if fmt in ("csv", "tsv", "json"):
        results_fmt = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                       "json": ox.QueryResultsFormat.JSON}[fmt]
        return result.serialize(format=results_fmt).decode("utf-8").rstrip("\r\n")
    names = [v.value for v in result.variables]
    short = Shortener()
    rows = [[_cell(short(sol[n]), max_width) for n in names] for sol in result]
    return table(names, rows)


def _cell(text: str, max_width: int) -> str:
    text = " ".join(text.split())
    if max_width and len(text) > max_width:
        return text[: max_width - 1] + "…"
    return text


def table(header: list[str], rows: list[list[str]]) -> str:
    """A plain aligned text table with a rule under the header and a row count."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    return "\n".join([line, rule, *body, count])


def run(store: object, text: str, *, fmt: str = "table", params: dict[str, str] | None = None,
        update: bool = False, max_width: int = 80, allow_service: bool = False, since: str | None = None,
        until: str | None = None) -> str:
    """Prepare and run ``text`` on a store, returning formatted text (``"update done"`` for updates).

    Raises :class:`QuerySyntaxError` (with the parser's message and position), :class:`UpdateRefused`,
    or :class:`QueryError`.
    """
    from kg.params import UnknownName, resolve_params

    if params:
        try:
            params = resolve_params(store, params)  # names in the analyst's words → the labels queried
        except UnknownName as e:
            raise QueryError(str(e)) from None
    sparql = within(prepare(text, params, allow_update=update, allow_service=allow_service), since, until)
    full, shift = with_prefixes(sparql)
    try:
        if not isinstance(getattr(store, "ox", None), ox.Store) and not is_update(sparql) \
                and "SERVICE" not in _strip_literals(sparql).upper():
            # a remote endpoint answers bad syntax with an HTTP error: parse here first (on an empty
            # in-memory store) so every store reports the same message, position and exit code
            ox.Store().query(full)
        if is_update(sparql):
            before = len(store)  # type: ignore[arg-type]
            store.update(full)  # type: ignore[attr-defined]
            after = len(store)  # type: ignore[arg-type]
            return f"update done: {after - before:+d} quads ({after} in store)"
        result = store.query(full)  # type: ignore[attr-defined]
        return format_result(result, fmt, max_width=max_width)
    except SyntaxError as e:
        err = QuerySyntaxError.from_parser(e, full)
        column = err.column - shift if err.line == 1 and err.column is not None else err.column
        raise QuerySyntaxError(err.parser_message, sparql, err.line, max(1, column) if column else column) from None


def execute(location: str, text: str, *, params: dict[str, str] | None = None, fmt: str = "table",
            update: bool = False, max_width: int = 80, timeout_s: float | None = None,
            allow_service: bool = False, since: str | None = None, until: str | None = None) -> str:
    """What ``kg query`` does: check and bind ``text`` here, then open the store and run it in a
    child process that is killed after ``timeout_s`` (``None``: ``KG_QUERY_TIMEOUT_S`` or 30 s;
    0: never), so that neither a runaway query nor a crash of the engine can hang or kill us."""
    from kg import guard

    within(prepare(text, params, allow_update=update, allow_service=allow_service), since, until)  # before the store
    limit = guard.timeout_default() if timeout_s is None else (timeout_s or None)
    try:
        out, note = guard.run_isolated(_execute, location, text, params, fmt, update, max_width, allow_service,
                                       since, until, timeout_s=limit, what="update" if update else "query")
    except guard.IsolatedError as e:
        raise _rebuild(e) from None
    if note:
        import sys

        print(f"warning: {note}", file=sys.stderr)
    return out


def _execute(location: str, text: str, params, fmt: str, update: bool, max_width: int,  # noqa: PLR0913
             allow_service: bool, since: str | None, until: str | None) -> tuple[str, str]:
    """The child's side of :func:`execute`: the formatted result, and a note for the user when the store
    was written before the merged graph existed (queries without GRAPH would miss those articles)."""
    from kg.store import open_store
    from kg.store.base import merged_incomplete, missing_from_merged

    with open_store(location, read_only=not update) as store:
        out = run(store, text, fmt=fmt, params=params, update=update, max_width=max_width,
                  allow_service=allow_service, since=since, until=until)
        note = ""
        if not update and merged_incomplete(store):
            missing = len(missing_from_merged(store))
            if missing:
                note = (f"{missing} articles of this store are not in its merged graph (the default graph, which "
                        "queries without GRAPH see): it was built by an older kg; run `kg build` once to add them")
        return out, note


def _rebuild(e) -> Exception:  # noqa: ANN001
    """The child's exception as the same kind of kg error here (for the CLI's exit codes)."""
    from kg import store as st

    kinds = e.kind.split("/")
    for cls in (st.StoreLocked, st.StoreMissing, QueryError, st.StoreError):
        if cls.__name__ in kinds:
            return cls(e.message)
    return StoreFailure(e.message)


class StoreFailure(RuntimeError):
    """Any other failure of the store or endpoint while running a query (one line, exit 1)."""
