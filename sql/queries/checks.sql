-- Statements behind the asset checks: each returns the offending rows of one partition.

-- name: check_drift_events
SELECT url, profile, selector, detail FROM drift_events
WHERE paper = %(paper)s AND edition_date = %(edition_date)s ORDER BY id;

-- name: check_failed_pages
SELECT url, coalesce(fetch_error, parse_error) AS reason FROM raw_pages
WHERE paper = %(paper)s AND edition_date = %(edition_date)s
  AND last_crawl_run_id = (SELECT max(id) FROM crawl_runs WHERE paper = %(paper)s AND edition_date = %(edition_date)s)
  AND fetch_error IS NOT NULL
ORDER BY url;

-- name: check_pages_checked
SELECT count(*) FROM raw_pages
WHERE paper = %(paper)s AND edition_date = %(edition_date)s
  AND last_crawl_run_id = (SELECT max(id) FROM crawl_runs WHERE paper = %(paper)s AND edition_date = %(edition_date)s);

-- name: check_edition_pages
-- E-paper front or layout pages with a body: the edition exists, so it should have articles. (newskj's column
-- lists answer every day, edition or not, so they say nothing.)
SELECT count(*) FROM raw_pages
WHERE paper = %(paper)s AND edition_date = %(edition_date)s AND page_kind IN ('front', 'layout')
  AND body IS NOT NULL AND http_status = 200;

-- name: check_insane_indicators
SELECT id, span_text, metric, kind, base_unit, value_base, yoy_pct FROM indicators
WHERE paper = %(paper)s AND edition_date = %(edition_date)s
  AND ((kind = 'growth' AND abs(value_base) > %(max_growth_pct)s)
       OR abs(coalesce(yoy_pct, 0)) > %(max_growth_pct)s
       OR (base_unit = 'CNY' AND value_base > %(max_cny)s)
       OR (base_unit = 'percent' AND kind = 'share' AND value_base > 100)
       OR (value_base < 0 AND kind <> 'growth'))
ORDER BY id;

-- name: check_duplicate_indicators
SELECT article_id, start_offset, end_offset, count(*) FROM indicators
WHERE paper = %(paper)s AND edition_date = %(edition_date)s
GROUP BY article_id, start_offset, end_offset, value_base HAVING count(*) > 1;

-- name: check_extraction_failures
SELECT article_id, error FROM extraction_failures
WHERE paper = %(paper)s AND edition_date = %(edition_date)s
ORDER BY article_id;
