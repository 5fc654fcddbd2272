"""The merge rule on its own: clocks, and the decision for one record, whose outcome must not
depend on the order the versions arrive in."""

from __future__ import annotations

import itertools
import random
import uuid

import pytest

from civicdesk.exchange.merge import decide
from civicdesk.exchange.versions import Version
from civicdesk.models import ExchangeConflict
from civicdesk.storage.sync import Clock, Order

RECORD = uuid.UUID(int=1)


def test_a_clock_counts_changes_per_laptop() -> None:
    clock = Clock().bump("a", "2026-01-01T00:00:00.000000Z").bump("a", "2026-01-02T00:00:00Z")
    assert clock.counters == {"a": 2} and clock.by == "a"
    assert Clock.parse(clock.dump()) == clock
    assert Clock.parse("") == Clock() and Clock().dump() == ""
    other = clock.bump("b", "2026-01-03T00:00:00Z")
    assert other.compare(clock) is Order.NEWER and clock.compare(other) is Order.OLDER
    beside = clock.bump("c", "2026-01-04T00:00:00Z")
    assert other.compare(beside) is Order.CONCURRENT
    merged = other.merge(beside)
    assert merged.counters == {"a": 2, "b": 1, "c": 1}
    assert merged.compare(other) is Order.NEWER and merged.compare(beside) is Order.NEWER
    assert merged == beside.merge(other)


@pytest.mark.parametrize("text", ["[]", '{"v": {"a": 0}}', '{"v": {"a": "1"}}', "{"])
def test_a_clock_that_makes_no_sense_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Clock.parse(text)


def _version(clock: Clock, content: str | None) -> Version:
    if content is None:
        return Version("person", RECORD, None, None, clock, "deleted")
    values = {"phone": content}
    return Version("person", RECORD, values, values, clock, f"digest-{content}")


def _histories(rng: random.Random) -> list[Version]:
    """Versions of one record made on three laptops that edit it, delete it now and then, and
    pass newer versions to each other: every version anyone made."""
    laptops = ["a", "b", "c"]
    current = {name: _version(Clock().bump("a", "t00"), "0") for name in laptops}
    made = [current["a"]]
    for step in range(1, 9):
        name = rng.choice(laptops)
        if rng.random() < 0.3:
            source = current[rng.choice(laptops)]
            if source.clock.compare(current[name].clock) is Order.NEWER:
                current[name] = source
            continue
        content = None if rng.random() < 0.15 else rng.choice("12")
        clock = current[name].clock.bump(name, f"t{step:02d}")
        current[name] = _version(clock, content)
        made.append(current[name])
    return made


def _deliver(versions: list[Version]) -> tuple[object, ...]:
    """What a database ends up holding after receiving the versions in this order."""
    table: Version | None = None
    aside: list[tuple[ExchangeConflict, Version]] = []
    for incoming in versions:
        decision = decide(table, False, aside, incoming)
        settled = {id(c) for c in decision.settled}
        aside = [(c, v) for c, v in aside if id(c) not in settled]
        aside += [(ExchangeConflict(resolution=""), v) for v in decision.set_aside]
        if decision.target is not None:
            table = decision.target
    assert table is not None
    key = (table.clock.dump(), table.digest)
    return key, tuple(sorted((v.clock.dump(), v.digest) for _c, v in aside))


@pytest.mark.parametrize("seed", range(40))
def test_any_order_of_arrival_gives_the_same_result(seed: int) -> None:
    rng = random.Random(seed)
    versions = _histories(rng)
    orders = list(itertools.permutations(versions))
    if len(orders) > 60:
        orders = rng.sample(orders, 60)
    results = {_deliver(list(order)) for order in orders}
    assert len(results) == 1, results


def test_a_version_seen_before_changes_nothing() -> None:
    old = _version(Clock().bump("a", "t1"), "1")
    new = _version(old.clock.bump("a", "t2"), "2")
    assert decide(new, False, [], old).target is None
    assert decide(new, False, [], new).target is None
    assert decide(old, False, [], new).target is new


def test_a_locked_record_is_never_replaced() -> None:
    old = _version(Clock().bump("a", "t1"), "1")
    new = _version(old.clock.bump("a", "t2"), "2")
    decision = decide(old, True, [], new)
    assert decision.target is None and decision.locked
    assert decision.set_aside == [new]
