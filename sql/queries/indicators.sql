-- Statements of the indicators asset.

-- name: delete_partition_indicators
DELETE FROM indicators WHERE paper = %(paper)s AND edition_date = %(edition_date)s;

-- name: insert_indicator
INSERT INTO indicators (
    article_id, paper, edition_date, start_offset, end_offset, span_text, value, unit, value_base,
    base_unit, kind, metric, metric_id, subject, period, yoy_pct, qualifier, target, sentence, sentence_start,
    sentence_end, extractor_version, source, dagster_run_id)
VALUES (
    %(article_id)s, %(paper)s, %(edition_date)s, %(start)s, %(end)s, %(text)s, %(value)s, %(unit)s,
    %(value_base)s, %(base_unit)s, %(kind)s, %(metric)s, %(metric_id)s, %(subject)s, %(period)s, %(yoy_pct)s,
    %(qualifier)s, %(target)s, %(sentence)s, %(sentence_start)s, %(sentence_end)s, %(extractor_version)s,
    %(source)s, %(dagster_run_id)s);

-- name: upsert_metric
INSERT INTO metrics (metric_id, name, base_unit, synonyms)
VALUES (%(metric_id)s, %(name)s, %(base_unit)s, %(synonyms)s)
ON CONFLICT (metric_id) DO UPDATE SET
    name = EXCLUDED.name, base_unit = EXCLUDED.base_unit, synonyms = EXCLUDED.synonyms, updated_at = now()
WHERE (metrics.name, metrics.base_unit, metrics.synonyms)
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.base_unit, EXCLUDED.synonyms);

-- name: delete_partition_extraction_failures
DELETE FROM extraction_failures WHERE paper = %(paper)s AND edition_date = %(edition_date)s;

-- name: insert_extraction_failure
INSERT INTO extraction_failures (article_id, paper, edition_date, error, extractor_version, dagster_run_id)
VALUES (%(article_id)s, %(paper)s, %(edition_date)s, %(error)s, %(extractor_version)s, %(dagster_run_id)s);
