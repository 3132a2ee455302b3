"""What a load into an empty register has written, asked without asking the register.

A record's pair, its slug and each party's territory are looked up in the register before they
are written; into a register that was empty, what is there is only what this load wrote. A Bloom
filter of those keys (rbloom) answers "certainly not there" in a tenth of a microsecond, in
about 10 bits a key, where the look-up it spares takes 10–100 µs and more as the register
outgrows the page cache. It never says "not there" of a key that is: only its rare "perhaps"
goes on to the register, whose answer decides.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

CAPACITY = 100_000  # keys in a first filter at the error rate below (120 kB); then one twice as large
ERROR_RATE = 0.01


class Seen:
    """Keys added, with no false "no": `key in seen` False means it was never added."""

    def __init__(self, capacity: int = CAPACITY, done: Callable[[], float | None] | None = None):
        """`done`: the share of a load's input read so far, for keys that come a few to each record
        (slugs, pairs), so that a filter made when the first is full is as large as the rest of the
        input needs (1,000,000 records: one of 900,000 keys after the first, where doubling made
        200,000, 400,000 and 800,000: 1.2 MB a filter instead of 1.8)."""
        from rbloom import Bloom

        self._make = Bloom
        self.capacity = capacity
        self.filters = [Bloom(capacity, ERROR_RATE)]
        self.count = 0  # keys in the last filter
        self.total = 0  # keys in all
        self.done = done

    def add(self, key: Hashable) -> None:
        if self.count >= self.capacity:  # past its capacity a filter says "perhaps" ever more often
            self.capacity = self._next_capacity()
            self.filters.append(self._make(self.capacity, ERROR_RATE))
            self.count = 0
        self.filters[-1].add(key)
        self.count += 1
        self.total += 1

    def _next_capacity(self) -> int:
        """Twice the last filter's; or the keys the rest of the input should bring, if more."""
        share = self.done() if self.done else None
        rest = int(self.total / min(share, 1.0)) - self.total if share else 0
        return max(self.capacity * 2, rest)

    def __contains__(self, key: Hashable) -> bool:
        for f in self.filters:  # a loop, not any() of a generator: 0.25 against 0.58 us with four filters
            if key in f:
                return True
        return False
