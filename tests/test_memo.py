"""quality.memo.Recent: a bounded memo that keeps the keys that recur."""
from quality.memo import Recent


def test_remember_computes_once_and_keeps_none():
    calls = []
    memo = Recent(4)

    def compute():
        calls.append(1)
        return None

    assert memo.remember("a", compute) is None
    assert memo.remember("a", compute) is None
    assert len(calls) == 1 and "a" in memo


def test_bounded_to_two_generations():
    memo = Recent(3)
    for i in range(100):
        memo.remember(i, lambda i=i: i * i)
        assert len(memo) <= 6
    assert memo.get(99) == 99 * 99
    assert memo.get(0) is None  # long gone


def test_a_key_that_recurs_survives_any_number_of_new_keys():
    memo = Recent(3)
    calls = []
    for i in range(50):
        memo.remember("hot", lambda: calls.append(1) or "value")
        memo.remember(i, lambda i=i: i)
    assert calls == [1]


def test_mapping_access():
    memo = Recent(2)
    memo["x"] = 1
    memo["x"] = 2
    assert memo["x"] == 2 and memo.get("y", "none") == "none"
    memo["y"], memo["z"] = 3, 4  # "x" moves to the older generation, still found
    assert memo["x"] == 2
    try:
        memo["missing"]
    except KeyError:
        pass
    else:
        raise AssertionError("a missing key raises KeyError")
    memo.clear()
    assert len(memo) == 0
