-- Statements of the dedup asset: candidate lookup through stored LSH bands, component closure, persistence.

-- name: dedup_lock
-- Partitions run side by side (two papers of one date); dedup of one waits for the other so that copies of
-- a story arriving in both papers at once still meet.
SELECT pg_advisory_xact_lock(hashtext('ganpo.dedup'));

-- name: dedup_candidates
SELECT DISTINCT b.article_id
FROM dedup_bands b
JOIN unnest(%(bands)s::smallint[], %(buckets)s::bigint[]) AS q(band, bucket)
  ON b.band = q.band AND b.bucket = q.bucket
UNION
SELECT article_id FROM dedup_signatures WHERE exact_hash = ANY(%(exact_hashes)s)
UNION
SELECT article_id FROM dedup_signatures WHERE article_id = ANY(%(article_ids)s);

-- name: dedup_component
-- Every article connected to the seeds through stored edges (copies and "distinct" relations alike).
WITH RECURSIVE component(id) AS (
    SELECT unnest(%(seeds)s::bigint[])
    UNION
    SELECT CASE WHEN e.a = c.id THEN e.b ELSE e.a END
    FROM dedup_edges e JOIN component c ON e.a = c.id OR e.b = c.id
)
SELECT id FROM component;

-- name: dedup_signature_rows
SELECT article_id, signature, exact_hash, n_shingles, body_len, published, paper, origin, params
FROM dedup_signatures WHERE article_id = ANY(%(ids)s);

-- name: dedup_edge_rows
SELECT a, b, similarity, method, containment, figures_aligned, figures_differing
FROM dedup_edges WHERE a = ANY(%(ids)s) AND b = ANY(%(ids)s);

-- name: article_texts
SELECT id, clean_text FROM articles WHERE id = ANY(%(ids)s);

-- name: upsert_dedup_signature
INSERT INTO dedup_signatures (
    article_id, signature, exact_hash, n_shingles, body_len, published, paper, origin, params, dagster_run_id)
VALUES (%(article_id)s, %(signature)s, %(exact_hash)s, %(n_shingles)s, %(body_len)s, %(published)s, %(paper)s,
        %(origin)s, %(params)s, %(dagster_run_id)s)
ON CONFLICT (article_id) DO UPDATE SET
    signature = EXCLUDED.signature, exact_hash = EXCLUDED.exact_hash, n_shingles = EXCLUDED.n_shingles,
    body_len = EXCLUDED.body_len, published = EXCLUDED.published, paper = EXCLUDED.paper,
    origin = EXCLUDED.origin, params = EXCLUDED.params, dagster_run_id = EXCLUDED.dagster_run_id;

-- name: delete_dedup_bands
DELETE FROM dedup_bands WHERE article_id = %(article_id)s;

-- name: insert_dedup_band
INSERT INTO dedup_bands (article_id, band, bucket) VALUES (%(article_id)s, %(band)s, %(bucket)s);

-- name: delete_article_edges
-- An article whose text changed: its old edges and conflicts no longer hold.
DELETE FROM dedup_edges WHERE a = ANY(%(ids)s) OR b = ANY(%(ids)s);

-- name: delete_article_conflicts
DELETE FROM figure_conflicts WHERE article_a = ANY(%(ids)s) OR article_b = ANY(%(ids)s);

-- name: upsert_dedup_edge
INSERT INTO dedup_edges (a, b, similarity, method, containment, figures_aligned, figures_differing, dagster_run_id)
VALUES (%(a)s, %(b)s, %(similarity)s, %(method)s, %(containment)s, %(figures_aligned)s, %(figures_differing)s,
        %(dagster_run_id)s)
ON CONFLICT (a, b) DO UPDATE SET
    similarity = EXCLUDED.similarity, method = EXCLUDED.method, containment = EXCLUDED.containment,
    figures_aligned = EXCLUDED.figures_aligned, figures_differing = EXCLUDED.figures_differing,
    dagster_run_id = EXCLUDED.dagster_run_id;

-- name: upsert_figure_conflict
INSERT INTO figure_conflicts (
    article_a, article_b, text_a, text_b, start_a, end_a, start_b, end_b, value_a, value_b, context,
    counted_article_id, dagster_run_id)
VALUES (%(article_a)s, %(article_b)s, %(text_a)s, %(text_b)s, %(start_a)s, %(end_a)s, %(start_b)s, %(end_b)s,
        %(value_a)s, %(value_b)s, %(context)s, %(counted_article_id)s, %(dagster_run_id)s)
ON CONFLICT (article_a, article_b, start_a) DO UPDATE SET
    text_b = EXCLUDED.text_b, start_b = EXCLUDED.start_b, end_b = EXCLUDED.end_b, value_a = EXCLUDED.value_a,
    value_b = EXCLUDED.value_b, context = EXCLUDED.context, counted_article_id = EXCLUDED.counted_article_id,
    dagster_run_id = EXCLUDED.dagster_run_id;

-- name: upsert_article_cluster
INSERT INTO article_clusters (
    article_id, cluster_id, canonical_article_id, similarity, method, matched_article_id, cluster_size,
    dagster_run_id, updated_at)
VALUES (%(id)s, %(cluster)s, %(canonical)s, %(similarity)s, %(method)s, %(matched)s, %(size)s,
        %(dagster_run_id)s, now())
ON CONFLICT (article_id) DO UPDATE SET
    cluster_id = EXCLUDED.cluster_id, canonical_article_id = EXCLUDED.canonical_article_id,
    similarity = EXCLUDED.similarity, method = EXCLUDED.method, matched_article_id = EXCLUDED.matched_article_id,
    cluster_size = EXCLUDED.cluster_size, dagster_run_id = EXCLUDED.dagster_run_id, updated_at = now();

-- name: partition_clusters
SELECT count(*) AS articles, count(*) FILTER (WHERE c.canonical_article_id = c.article_id) AS canonical,
       count(*) FILTER (WHERE c.method <> 'unique') AS duplicates
FROM articles a JOIN article_clusters c ON c.article_id = a.id
WHERE a.paper = %(paper)s AND a.edition_date = %(edition_date)s;
