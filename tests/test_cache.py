"""``kg.cache``: objects kept between processes come back the same, compiled expressions included."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

from kg import cache
from kg.patterns import alternation, reduce_pattern, thaw


def test_a_kept_pattern_finds_what_the_compiled_one_does() -> None:
    rx = re.compile(rf"(?<![\w.])(?:{alternation(['kim jong un', 'kim', 'vladimir putin'])})(?![\w])", re.IGNORECASE)
    back = pickle.loads(cache._dumps({"p": rx, "named": re.compile(r"(?P<a>x)(y)?", re.M)}))
    text = "Kim Jong Un bertemu Vladimir  Putin; KIM, kimchi."
    assert back["p"].pattern == rx.pattern and back["p"].flags == rx.flags
    assert [m.span() for m in back["p"].finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert back["named"].groupindex == {"a": 1} and back["named"].groups == 2


def test_code_from_another_python_is_compiled_again() -> None:
    rx = re.compile("ab+c", re.IGNORECASE)
    _, (source, flags, state) = reduce_pattern(rx)
    stale = ("another engine", *state[1:])
    assert thaw(source, flags, stale).fullmatch("ABBC")
    assert thaw(source, flags, None).fullmatch("abc")


def test_cached_builds_once_and_rebuilds_when_a_source_changes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data.txt"
    source.write_text("one")
    calls = []

    def build() -> list[str]:
        calls.append(1)
        return [source.read_text()]

    assert cache.cached("t", [source], build) == ["one"]
    assert cache.cached("t", [source], build) == ["one"] and len(calls) == 1
    source.write_text("two")
    assert cache.cached("t", [source], build) == ["two"] and len(calls) == 2
