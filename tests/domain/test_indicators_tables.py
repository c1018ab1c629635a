"""Hand-kept speed-ups of the rule tables, checked against the tables they are derived from."""

from __future__ import annotations

import re._constants as sre  # (the regex parser's own view of a pattern: what can match first)
import re._parser as sre_parse

from pipelines.domain.indicators.periods import _WORD_FIRST, WORD_RULES


def _first_chars(items: sre_parse.SubPattern | list) -> tuple[set[str], bool]:
    """The characters a parsed pattern can start with, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            return out | {chr(av)}, False
        if op is sre.IN:
            for o, a in av:
                assert o in (sre.LITERAL, sre.RANGE), (o, a)  # (no class like \d starts a word rule)
                out |= {chr(a)} if o is sre.LITERAL else {chr(c) for c in range(a[0], a[1] + 1)}
            return out, False
        if op is sre.SUBPATTERN:
            first, nullable = _first_chars(av[3])
        elif op is sre.BRANCH:
            firsts = [_first_chars(alt) for alt in av[1]]
            first, nullable = set().union(*(f for f, _ in firsts)), any(n for _, n in firsts)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            first, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue
        else:
            raise AssertionError(f"no rule for {op}")
        out |= first
        if not nullable:
            return out, False
    return out, True


def test_word_rules_start_only_with_the_characters_the_period_scan_tries():
    # PERIOD_RE tries the word rules only at the characters of _WORD_FIRST: a rule starting with another one
    # (端午假期 before 端 was added) would silently never match
    for pattern, kind in WORD_RULES:
        first, nullable = _first_chars(sre_parse.parse(pattern))
        assert not nullable, kind
        assert first <= set(_WORD_FIRST), (kind, sorted(first - set(_WORD_FIRST)))
