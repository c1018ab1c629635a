"""The Indicator record and its contract serialisation."""

from __future__ import annotations

from typing import Any, NamedTuple

CONTRACT_FIELDS: tuple[str, ...] = (
    "start",
    "end",
    "text",
    "value",
    "unit",
    "value_base",
    "base_unit",
    "kind",
    "metric",
    "subject",
    "period",
    "yoy_pct",
    "qualifier",
    "target",
    "sentence",
)


class Indicator(NamedTuple):
    """One figure: its span in the text, its value in base units and what the text says it measures.

    A named tuple: immutable and cheap to build (extract makes one per figure)."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    value_base: float
    base_unit: str
    kind: str
    metric: str | None
    subject: str | None
    period: str | None
    yoy_pct: float | None
    qualifier: str | None
    target: bool
    sentence: str
    sentence_start: int
    sentence_end: int

    def to_contract(self) -> dict[str, Any]:
        """The output-contract fields, in contract order."""
        return {name: _plain(getattr(self, name)) for name in CONTRACT_FIELDS}


def _plain(v: Any) -> Any:
    """Integers stay integers in JSON (3, not 3.0)."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
        return int(v)
    return v
