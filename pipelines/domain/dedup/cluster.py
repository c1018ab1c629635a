"""From verified edges to clusters: union in a fixed order, never joining a cannot-link pair.

Plain connected components chain: an edited copy C of story A that lost its figures looks like a copy of
A *and* of next month's bulletin B (same template, no figures left to tell), so A and B would end up in
one cluster although their own comparison said "different figures". Pairs the figure check rejected are
therefore kept as cannot-link constraints, and edges are merged strongest first (exact, then higher
Jaccard, then smaller ids); a merge that would put a cannot-link pair together is skipped.

The order depends only on the edges, never on arrival, so the result is a pure function of the set of
articles: adding in two batches gives the clusters of one batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import ArticleId, Edge, id_key

__all__ = ["constrained_clusters", "edge_order"]


def edge_order(edge: Edge) -> tuple:
    """Strongest first: exact, then higher similarity, then ids."""
    return (edge.method != "exact", -edge.similarity, id_key(edge.a), id_key(edge.b))


def constrained_clusters(
    ids: Iterable[ArticleId],
    edges: Iterable[Edge],
    cannot: Mapping[ArticleId, set[ArticleId]] | None = None,
) -> dict[ArticleId, ArticleId]:
    """Map every id to its cluster id: the smallest member (``id_key`` order) of its cluster."""
    cannot = cannot or {}
    members: dict[ArticleId, set[ArticleId]] = {i: {i} for i in ids}
    root: dict[ArticleId, ArticleId] = {i: i for i in members}
    for edge in sorted(edges, key=edge_order):
        if edge.a not in root or edge.b not in root:
            continue
        ra, rb = root[edge.a], root[edge.b]
        if ra == rb:
            continue
        small, large = (ra, rb) if len(members[ra]) <= len(members[rb]) else (rb, ra)
        if any(other in members[large] for x in members[small] for other in cannot.get(x, ())):
            continue
        for x in members[small]:
            root[x] = large
        members[large] |= members.pop(small)
    return {i: min(members[root[i]], key=id_key) for i in root}
