"""Records that cross the seam between dedup and its callers (the CLI, the Dagster asset, Postgres).

Everything here is a frozen dataclass of plain values so the lead can write it to Postgres row by row:
``SignatureRecord`` → ``dedup_signatures``, ``Edge`` → ``dedup_edges``, ``Assignment`` → ``dedup_clusters``,
``FigureConflict`` → ``figure_conflicts``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "ArticleId",
    "Assignment",
    "Document",
    "Edge",
    "FigureConflict",
    "SignatureRecord",
    "id_key",
    "iso_date",
]

#: Article ids are ``articles.id`` (bigint) in the pipeline; the CLI also accepts strings.
ArticleId = int | str
Method = Literal["exact", "near", "unique"]


def id_key(article_id: ArticleId) -> tuple[int, int | str]:
    """Total order over mixed int/str ids: integers (numerically) before strings (lexically).

    Used wherever a tie must be broken deterministically (smallest id, cluster id).
    """
    if isinstance(article_id, int):
        return (0, article_id)
    return (1, str(article_id))


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from a date, datetime or ISO-like string; ``None`` when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()[:10]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class Document:
    """One article as dedup sees it.

    ``origin`` is ``'epaper'`` or ``'web'`` (``articles.origin``); ``None`` (e.g. from the CLI) ranks after
    both in the canonical rule. ``published`` is the edition date.
    """

    id: ArticleId
    text: str
    published: str | dt.date | None = None
    paper: str | None = None
    origin: str | None = None


@dataclass(frozen=True)
class SignatureRecord:
    """What the index needs to be rebuilt without re-reading text: one row per article.

    ``signature`` is ``num_perm`` little-endian uint32 (``minhash.signature_to_bytes``). ``params`` is the
    ``DedupParams.fingerprint()`` the signature was made with; rows with another fingerprint are stale
    and must be re-signed from text.
    """

    article_id: ArticleId
    signature: bytes
    exact_hash: str
    n_shingles: int
    body_len: int
    published: str | None
    paper: str | None
    origin: str | None
    params: str


@dataclass(frozen=True)
class Edge:
    """A verified relation between two articles (``a`` < ``b`` in ``id_key`` order).

    ``exact``/``near``: one story. ``distinct``: the texts passed the text check but the figure check
    said different stories (a template bulletin of another month): a cannot-link constraint that keeps
    the two apart even when a third article resembles both (see ``cluster.py``). Edges are pairwise facts,
    so clusters are a function of the set of articles, not of arrival order.
    ``figures_aligned``/``figures_differing`` record the figure check.
    """

    a: ArticleId
    b: ArticleId
    similarity: float
    method: Literal["exact", "near", "distinct"]
    containment: float = 1.0
    figures_aligned: int = 0
    figures_differing: int = 0


@dataclass(frozen=True)
class Assignment:
    """One article's cluster membership (one ``dedup_clusters`` row, one CLI output line).

    ``cluster`` is the smallest member id (``id_key`` order): it stays put when a later, better copy
    becomes canonical, and changes only when two clusters merge. ``canonical`` follows the canonical rule
    (``canonical.py``). ``similarity``/``method``/``matched`` describe the article's strongest edge
    (exact beats near, then higher Jaccard, then smaller id); a singleton has method ``'unique'``,
    similarity 1.0 and no match.
    """

    id: ArticleId
    cluster: ArticleId
    canonical: ArticleId
    similarity: float
    method: Method
    matched: ArticleId | None = None
    size: int = 1

    def to_json(self) -> dict[str, Any]:
        """The CLI line: ``{"id", "cluster", "canonical"}``."""
        return {"id": self.id, "cluster": self.cluster, "canonical": self.canonical}


@dataclass(frozen=True)
class FigureConflict:
    """Two copies of one story that disagree on a figure (a correction): one ``figure_conflicts`` row.

    ``a`` is the earlier edition, ``b`` the later one; ``counted_article_id`` is whose value counts
    downstream (the later edition; on the same date, the canonical one of the two). Offsets index each
    article's original text (``articles.clean_text``), end exclusive, like the indicator rows.
    """

    article_a: ArticleId
    article_b: ArticleId
    text_a: str
    text_b: str
    start_a: int
    end_a: int
    start_b: int
    end_b: int
    value_a: float | None
    value_b: float | None
    context: str
    counted_article_id: ArticleId
