"""kg.extract.memo: a helper's answer is kept for the sentence's units only, and only while the memo is open."""

import threading

from kg.extract.memo import close_memo, open_memo, per_sentence

calls: list[tuple[int, int]] = []


@per_sentence
def _helper(units: list, i: int, flag: bool = False) -> int:
    calls.append((id(units), i))
    return units[i] * (2 if flag else 1)


def test_answers_kept_for_the_open_units_only():
    calls.clear()
    units, other = [1, 2, 3], [4, 5, 6]
    open_memo(units)
    try:
        assert _helper(units, 1) == 2 and _helper(units, 1) == 2
        assert _helper(units, 1, flag=True) == 4 and _helper(units, 1, flag=True) == 4
        assert _helper(other, 1) == 5 and _helper(other, 1) == 5  # another list: asked every time
    finally:
        close_memo()
    assert calls == [(id(units), 1), (id(units), 1), (id(other), 1), (id(other), 1)]
    units[1] = 7  # closed: the units may change, and the helper is asked again
    assert _helper(units, 1) == 7


def test_threads_keep_their_own_answers():
    bad: list[str] = []

    def work(base: int) -> None:
        for n in range(300):
            units = [base + n, base + n + 1]
            open_memo(units)
            try:
                for _ in range(3):
                    if _helper(units, 1) != base + n + 1:
                        bad.append(f"{base} {n}")
            finally:
                close_memo()

    threads = [threading.Thread(target=work, args=(k * 10_000,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not bad
