"""The `article_clusters` asset: the partition's new articles against the stored dedup index."""

from dataclasses import asdict

import dagster as dg

from pipelines.defs.articles import articles
from pipelines.defs.partitions import PARTITIONS, partition_of
from pipelines.defs.resources import PostgresResource
from pipelines.domain.dedup import DedupIndex, Document, Edge, SignatureRecord
from pipelines.domain.dedup.index import signature_buckets
from pipelines.store import repository


@dg.asset(
    partitions_def=PARTITIONS,
    deps=[articles],
    code_version="dedup-1",
    kinds={"python", "postgres"},
    group_name="ingest",
    description="Exact and near-duplicate clusters (MinHash + LSH, verified) with their canonical article.",
)
def article_clusters(context: dg.AssetExecutionContext, postgres: PostgresResource) -> dg.MaterializeResult:
    part = partition_of(context)
    run = {"dagster_run_id": context.run.run_id}
    with postgres.connect() as conn, conn.transaction():
        repository.lock_dedup(conn)
        docs = [
            Document(a["id"], a["clean_text"], a["edition_date"], a["paper"], a["origin"])
            for a in repository.partition_articles(conn, part)
        ]
        # Sign the partition's articles first, to look up their candidates among the stored ones.
        probe = DedupIndex()
        probe.add(docs)
        signed = [probe.signature_record(d.id) for d in docs]
        neighbourhood = repository.dedup_neighbourhood(
            conn,
            [bucket for s in signed for bucket in signature_buckets(s.signature)],
            [s.exact_hash for s in signed],
            [d.id for d in docs],
        )
        stored_signatures, stored_edges = repository.dedup_rows(conn, neighbourhood)
        index = DedupIndex.from_rows(
            [SignatureRecord(**{**row, "published": _iso(row["published"])}) for row in stored_signatures],
            [Edge(**row) for row in stored_edges],
        )
        result = index.add(docs, text_loader=lambda ids: repository.article_texts(conn, ids))
        repository.save_dedup(
            conn,
            replaced=result.replaced,
            signatures=[{**asdict(s), **run} for s in result.signatures],
            buckets={s.article_id: signature_buckets(s.signature) for s in result.signatures},
            edges=[{**asdict(e), **run} for e in result.edges],
            conflicts=[{**asdict(c), **run} for c in result.conflicts],
            assignments=[{**asdict(a), **run} for a in result.assignments],
        )
        counts = repository.partition_clusters(conn, part)
    return dg.MaterializeResult(
        metadata={
            **counts,
            "stored_articles_compared": len(neighbourhood),
            "new_edges": len(result.edges),
            "figure_conflicts": len(result.conflicts),
            "sample": dg.MetadataValue.md(
                "\n".join(
                    f"- {a.id} → cluster {a.cluster}, canonical {a.canonical} ({a.method}, {a.similarity:.2f})"
                    for a in result.assignments
                    if a.method != "unique"
                )[:2000]
                or "no duplicates"
            ),
        }
    )


def _iso(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else None  # type: ignore[union-attr]
