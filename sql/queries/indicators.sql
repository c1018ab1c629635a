-- Statements of the indicators asset.

-- name: delete_partition_indicators
DELETE FROM indicators WHERE paper = %(paper)s AND edition_date = %(edition_date)s;

-- name: insert_indicator
INSERT INTO indicators (
    article_id, paper, edition_date, start_offset, end_offset, span_text, value, unit, value_base,
    base_unit, kind, metric, subject, period, yoy_pct, qualifier, target, sentence, sentence_start,
    sentence_end, extractor_version, source, dagster_run_id)
VALUES (
    %(article_id)s, %(paper)s, %(edition_date)s, %(start)s, %(end)s, %(text)s, %(value)s, %(unit)s,
    %(value_base)s, %(base_unit)s, %(kind)s, %(metric)s, %(subject)s, %(period)s, %(yoy_pct)s,
    %(qualifier)s, %(target)s, %(sentence)s, %(sentence_start)s, %(sentence_end)s, %(extractor_version)s,
    %(source)s, %(dagster_run_id)s);
