"""The canonical article of a cluster: an explicit, stable rule.

1. origin ``'epaper'`` before ``'web'`` before unknown: 赣南日报's own e-paper copy is the paper of
   record; its newskj web copy is a repost that may be trimmed or retitled;
2. the earliest edition date (a re-run or a later reprint is not the original); unknown dates last;
3. the longer body (normalised length: a copy that lost a paragraph or its captions is the weaker one);
4. the smallest id (``id_key`` order), so that ties never depend on input order.

Indicators are counted once per cluster, from the canonical article (corrections aside, see
``FigureConflict``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import ArticleId, id_key

__all__ = ["DocMeta", "canonical_key", "pick_canonical"]

_ORIGIN_RANK = {"epaper": 0, "web": 1}


@dataclass(frozen=True)
class DocMeta:
    """The per-article facts the canonical rule and the figure check need (kept in the index)."""

    id: ArticleId
    published: str | None
    origin: str | None
    body_len: int
    paper: str | None = None


def canonical_key(meta: DocMeta) -> tuple:
    """Sort key: the smallest key is the canonical article."""
    return (
        _ORIGIN_RANK.get(meta.origin or "", 2),
        meta.published is None,
        meta.published or "",
        -meta.body_len,
        id_key(meta.id),
    )


def pick_canonical(members: Iterable[DocMeta]) -> DocMeta:
    """The canonical member of a cluster."""
    return min(members, key=canonical_key)
