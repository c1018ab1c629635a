-- The mart: stable, documented views for downstream teams. Re-applied whenever this file changes
-- (after the numbered migrations). Downstream reads only `mart`; the role ganpo_reader can read nothing else.

CREATE SCHEMA IF NOT EXISTS mart;

DROP VIEW IF EXISTS mart.indicator_series, mart.indicators, mart.figure_conflicts, mart.articles;

CREATE VIEW mart.articles AS
SELECT
    a.id                                         AS article_id,
    a.paper,
    a.edition_date,
    a.origin,
    a.title,
    a.pretitle,
    a.subtitle,
    a.byline,
    a.layout_no,
    a.layout_name,
    a.url,
    a.clean_text,
    coalesce(c.cluster_id, a.id)                 AS cluster_id,
    coalesce(c.canonical_article_id, a.id)       AS canonical_article_id,
    coalesce(c.canonical_article_id, a.id) = a.id AS is_canonical,
    c.method                                     AS dedup_method,
    c.similarity                                 AS dedup_similarity,
    a.source
FROM articles a
LEFT JOIN article_clusters c ON c.article_id = a.id;

COMMENT ON VIEW mart.articles IS 'Every article of both papers, with its dedup cluster; one row per occurrence.';
COMMENT ON COLUMN mart.articles.article_id IS 'Stable id of the article (articles.id).';
COMMENT ON COLUMN mart.articles.paper IS 'shangrao (上饶日报) or gannan (赣南日报).';
COMMENT ON COLUMN mart.articles.edition_date IS 'Date of the edition (Beijing time).';
COMMENT ON COLUMN mart.articles.origin IS 'epaper (the paper''s own digital edition) or web (客家新闻网 copy).';
COMMENT ON COLUMN mart.articles.title IS 'Main title (主标题).';
COMMENT ON COLUMN mart.articles.pretitle IS 'Kicker above the title (引题), if any.';
COMMENT ON COLUMN mart.articles.subtitle IS 'Subtitle (副题), if any.';
COMMENT ON COLUMN mart.articles.byline IS 'Byline as printed (本报记者 …), if any.';
COMMENT ON COLUMN mart.articles.layout_no IS 'Page (版面) number in the e-paper, if known.';
COMMENT ON COLUMN mart.articles.layout_name IS 'Page (版面) name in the e-paper, if known.';
COMMENT ON COLUMN mart.articles.url IS 'URL of the article on the live site.';
COMMENT ON COLUMN mart.articles.clean_text IS 'Body text after cleaning, one paragraph per line; indicator offsets index it.';
COMMENT ON COLUMN mart.articles.cluster_id IS 'Dedup cluster: all copies of one story share it.';
COMMENT ON COLUMN mart.articles.canonical_article_id IS 'The copy of the story that is counted downstream.';
COMMENT ON COLUMN mart.articles.is_canonical IS 'True for the counted copy of the story.';
COMMENT ON COLUMN mart.articles.dedup_method IS 'How the article joined its cluster: unique (alone), exact or near.';
COMMENT ON COLUMN mart.articles.dedup_similarity IS 'Verified text similarity (Jaccard of shingles) to its closest copy; 1 when alone.';
COMMENT ON COLUMN mart.articles.source IS 'live (the real site) or replica (the bundled local replica).';

CREATE VIEW mart.indicators AS
WITH canonical AS (
    SELECT article_id, cluster_id FROM mart.articles WHERE is_canonical
),
-- A figure the copies of one story disagree on counts with the later edition's value: the canonical copy's
-- figure is set aside and the later copy's figure at the same place is counted instead.
conflicting AS (
    SELECT f.article_a AS article_id, f.start_a AS start_offset, f.end_a AS end_offset,
           f.counted_article_id = f.article_a AS counted, f.article_b AS other_article_id
    FROM figure_conflicts f
    UNION ALL
    SELECT f.article_b, f.start_b, f.end_b, f.counted_article_id = f.article_b, f.article_a
    FROM figure_conflicts f
),
counted AS (
    SELECT i.id, c.cluster_id
    FROM indicators i JOIN canonical c ON c.article_id = i.article_id
    WHERE NOT EXISTS (
        SELECT 1 FROM conflicting x
        WHERE x.article_id = i.article_id AND NOT x.counted
          AND i.start_offset < x.end_offset AND i.end_offset > x.start_offset)
    UNION
    SELECT i.id, c.cluster_id
    FROM indicators i
    JOIN conflicting x ON x.article_id = i.article_id AND x.counted
         AND i.start_offset < x.end_offset AND i.end_offset > x.start_offset
    JOIN canonical c ON c.article_id = x.other_article_id
)
SELECT
    i.id                  AS indicator_id,
    i.metric_id,
    m.name                AS metric_name,
    i.metric              AS metric_as_written,
    i.subject,
    i.period,
    i.value,
    i.unit,
    i.value_base,
    i.base_unit,
    i.kind,
    i.yoy_pct,
    i.qualifier,
    i.target,
    i.span_text,
    i.sentence,
    i.article_id,
    i.paper,
    i.edition_date,
    k.cluster_id,
    i.extractor_version,
    i.source
FROM indicators i
JOIN counted k ON k.id = i.id
LEFT JOIN metrics m ON m.metric_id = i.metric_id;

COMMENT ON VIEW mart.indicators IS 'Economic figures of canonical articles only: each figure of a story counted once (a corrected figure with the later edition''s value).';
COMMENT ON COLUMN mart.indicators.indicator_id IS 'Id of the indicator row; `ganpo trace ID` prints its lineage.';
COMMENT ON COLUMN mart.indicators.metric_id IS 'Stable metric id from the catalogue (metrics), NULL when the metric is not catalogued.';
COMMENT ON COLUMN mart.indicators.metric_name IS 'Canonical Chinese name of the metric in the catalogue.';
COMMENT ON COLUMN mart.indicators.metric_as_written IS 'The metric as the extractor read it from the text.';
COMMENT ON COLUMN mart.indicators.subject IS 'Who or what the figure describes (上饶经开区, 全市, a company).';
COMMENT ON COLUMN mart.indicators.period IS 'YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM/YYYY-MM, YYYY-MM, asof:DATE, or NULL.';
COMMENT ON COLUMN mart.indicators.value IS 'The number as written (Chinese numerals converted).';
COMMENT ON COLUMN mart.indicators.unit IS 'The unit as written (亿元, %, 个百分点, 家, GW …).';
COMMENT ON COLUMN mart.indicators.value_base IS 'The value in base_unit (万 = 1e4, 亿 = 1e8, 万千瓦 = 0.01 GW …).';
COMMENT ON COLUMN mart.indicators.base_unit IS 'CNY, USD, percent, percentage_point, count, GW, m2, mu, km, tonne, vehicle, rank, other.';
COMMENT ON COLUMN mart.indicators.kind IS 'amount, growth, count, share, rank, capacity, area or other.';
COMMENT ON COLUMN mart.indicators.yoy_pct IS 'Year-on-year change (同比) attached to this amount, in percent, signed.';
COMMENT ON COLUMN mart.indicators.qualifier IS 'approx (约/左右), over (超/逾/余/多/以上), under (近/不足) or NULL.';
COMMENT ON COLUMN mart.indicators.target IS 'True for goals, plans, forecasts and capacities not yet reached.';
COMMENT ON COLUMN mart.indicators.span_text IS 'The exact text of the figure in the article.';
COMMENT ON COLUMN mart.indicators.sentence IS 'The sentence the figure came from.';
COMMENT ON COLUMN mart.indicators.article_id IS 'The article the figure came from: the canonical copy, or the later copy for a corrected figure.';
COMMENT ON COLUMN mart.indicators.paper IS 'Paper of the article.';
COMMENT ON COLUMN mart.indicators.edition_date IS 'Edition date of the article.';
COMMENT ON COLUMN mart.indicators.cluster_id IS 'Dedup cluster of the article (all copies of the story).';
COMMENT ON COLUMN mart.indicators.extractor_version IS 'Version of the extraction rules that produced the row.';
COMMENT ON COLUMN mart.indicators.source IS 'live or replica.';

CREATE VIEW mart.indicator_series AS
SELECT
    i.metric_id,
    min(i.metric_name)                            AS metric_name,
    i.subject,
    i.period,
    i.kind,
    i.base_unit,
    i.target,
    i.qualifier,
    count(*)                                      AS observations,
    count(DISTINCT i.value_base)                  AS distinct_values,
    (array_agg(i.value_base ORDER BY i.edition_date DESC, i.indicator_id DESC))[1] AS latest_value_base,
    max(i.edition_date)                           AS latest_edition_date,
    array_agg(i.indicator_id ORDER BY i.indicator_id) AS indicator_ids
FROM mart.indicators i
WHERE i.metric_id IS NOT NULL
-- kind keeps a growth rate and a share of one metric (both percent) in separate series; qualifier keeps a bound
-- apart from the value (营收首次突破500亿元，达到523.8亿元: two statements, not two values of one)
GROUP BY i.metric_id, i.subject, i.period, i.kind, i.base_unit, i.target, i.qualifier;

COMMENT ON VIEW mart.indicator_series IS 'One row per metric × subject × period (× kind, unit, target flag, qualifier), with every source indicator id.';
COMMENT ON COLUMN mart.indicator_series.metric_id IS 'Stable metric id from the catalogue.';
COMMENT ON COLUMN mart.indicator_series.metric_name IS 'Canonical Chinese name of the metric.';
COMMENT ON COLUMN mart.indicator_series.subject IS 'Who or what the figures describe.';
COMMENT ON COLUMN mart.indicator_series.period IS 'The period the figures refer to (see mart.indicators.period).';
COMMENT ON COLUMN mart.indicator_series.kind IS 'amount, growth, count, share, rank, capacity, area or other (see mart.indicators.kind).';
COMMENT ON COLUMN mart.indicator_series.base_unit IS 'Unit of the values.';
COMMENT ON COLUMN mart.indicator_series.target IS 'True when the series holds targets or forecasts, not actuals.';
COMMENT ON COLUMN mart.indicator_series.qualifier IS 'NULL for values as stated; approx, over or under for approximations and bounds (see mart.indicators.qualifier).';
COMMENT ON COLUMN mart.indicator_series.observations IS 'How many canonical articles reported a figure for it.';
COMMENT ON COLUMN mart.indicator_series.distinct_values IS 'How many different values were reported (more than 1 deserves a look).';
COMMENT ON COLUMN mart.indicator_series.latest_value_base IS 'The value from the latest edition that reported it.';
COMMENT ON COLUMN mart.indicator_series.latest_edition_date IS 'Edition date of that latest report.';
COMMENT ON COLUMN mart.indicator_series.indicator_ids IS 'Every mart.indicators row behind the series.';

CREATE VIEW mart.figure_conflicts AS
SELECT
    f.id                 AS conflict_id,
    c.cluster_id,
    f.article_a,
    f.article_b,
    f.text_a,
    f.text_b,
    f.value_a,
    f.value_b,
    f.context,
    f.counted_article_id
FROM figure_conflicts f
LEFT JOIN article_clusters c ON c.article_id = f.article_a;

COMMENT ON VIEW mart.figure_conflicts IS 'Copies of one story that disagree on a figure (a correction); the later edition''s value counts.';
COMMENT ON COLUMN mart.figure_conflicts.conflict_id IS 'Id of the conflict.';
COMMENT ON COLUMN mart.figure_conflicts.cluster_id IS 'The story''s dedup cluster.';
COMMENT ON COLUMN mart.figure_conflicts.article_a IS 'The earlier copy.';
COMMENT ON COLUMN mart.figure_conflicts.article_b IS 'The later copy.';
COMMENT ON COLUMN mart.figure_conflicts.text_a IS 'The figure as printed in article_a.';
COMMENT ON COLUMN mart.figure_conflicts.text_b IS 'The figure as printed in article_b.';
COMMENT ON COLUMN mart.figure_conflicts.value_a IS 'Its value in article_a.';
COMMENT ON COLUMN mart.figure_conflicts.value_b IS 'Its value in article_b.';
COMMENT ON COLUMN mart.figure_conflicts.context IS 'The text around the figure in article_a.';
COMMENT ON COLUMN mart.figure_conflicts.counted_article_id IS 'The copy whose value is counted downstream (the later edition).';

-- A read-only role for downstream tools: the mart and nothing else.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ganpo_reader') THEN
        CREATE ROLE ganpo_reader LOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA mart TO ganpo_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA mart TO ganpo_reader;
