"""Article deduplication (issue #6, figures part of #9): pure domain code, no Dagster or database.

Public API
----------
``cluster_documents(docs) -> list[Assignment]``
    One-shot clustering of a batch (what ``ganpo dedup FILE.jsonl`` prints, one line per input).
``dedup_documents(docs) -> AddResult``
    The same, with edges, conflicts and signature records.
``DedupIndex``
    The incremental index the Dagster asset keeps: ``DedupIndex.from_rows(signature_rows, edge_rows)``,
    then ``index.add(new_docs, text_loader)`` → ``AddResult`` to persist.
``signature_buckets(signature_bytes)``
    ``(band, bucket)`` rows for a stored LSH table: articles sharing one are candidates, so the asset can
    find the candidates of a partition in SQL and build the index from those rows only.
``documents_from_jsonl`` / ``cluster_jsonl``
    The CLI's reading and printing, so that CLI and asset run the same code.

Records: ``Document``, ``SignatureRecord``, ``Edge``, ``Assignment``, ``FigureConflict``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from .canonical import DocMeta, canonical_key, pick_canonical
from .figures import compare_figures, figure_text
from .index import AddResult, DedupIndex, DedupParams, TextLoader, signature_buckets
from .minhash import MinHasher, signature_from_bytes, signature_to_bytes
from .model import ArticleId, Assignment, Document, Edge, FigureConflict, SignatureRecord, id_key
from .normalise import exact_hash, normalise

__all__ = [
    "AddResult",
    "ArticleId",
    "Assignment",
    "DedupIndex",
    "DedupParams",
    "DocMeta",
    "Document",
    "Edge",
    "FigureConflict",
    "MinHasher",
    "SignatureRecord",
    "TextLoader",
    "canonical_key",
    "cluster_documents",
    "cluster_jsonl",
    "compare_figures",
    "dedup_documents",
    "documents_from_jsonl",
    "exact_hash",
    "figure_text",
    "id_key",
    "normalise",
    "pick_canonical",
    "signature_buckets",
    "signature_from_bytes",
    "signature_to_bytes",
]


def dedup_documents(docs: Sequence[Document], params: DedupParams | None = None) -> AddResult:
    """Cluster a self-contained batch with a fresh index (no stored state)."""
    return DedupIndex(params).add(docs)


def cluster_documents(docs: Sequence[Document], params: DedupParams | None = None) -> list[Assignment]:
    """One ``Assignment`` per input document, in input order (a repeated id repeats its assignment)."""
    result = dedup_documents(docs, params)
    by_id = {a.id: a for a in result.assignments}
    return [by_id[d.id] for d in docs]


def documents_from_jsonl(lines: Iterable[str]) -> list[Document]:
    """Read ``{"id", "text", "published", "paper"[, "origin"]}`` lines (blank lines skipped)."""
    docs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row: dict[str, Any] = json.loads(line)
            docs.append(
                Document(
                    id=row["id"],
                    text=row.get("text") or "",
                    published=row.get("published"),
                    paper=row.get("paper"),
                    origin=row.get("origin"),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"line {n}: {exc}") from exc
    return docs


def cluster_jsonl(lines: Iterable[str], params: DedupParams | None = None) -> list[str]:
    """The ``ganpo dedup`` contract: JSONL in, one ``{"id", "cluster", "canonical"}`` line per input out."""
    docs = documents_from_jsonl(lines)
    return [json.dumps(a.to_json(), ensure_ascii=False) for a in cluster_documents(docs, params)]
