-- Statements of the articles asset.

-- name: article_pages
SELECT id, url, profile, page_kind, meta, body, headers, source
FROM raw_pages
WHERE paper = %(paper)s AND edition_date = %(edition_date)s
  AND page_kind IN ('article', 'article_part') AND body IS NOT NULL
ORDER BY url;

-- name: upsert_article
-- Keyed by (paper, edition_date, url) so an article keeps its id when its partition is re-run.
INSERT INTO articles (
    paper, edition_date, url, origin, profile, raw_page_id, raw_page_ids, title, pretitle, subtitle, byline,
    layout_no, layout_name, captions, source_line, published_at, founder_meta, clean_text, text_hash,
    source, dagster_run_id, updated_at)
VALUES (
    %(paper)s, %(edition_date)s, %(url)s, %(origin)s, %(profile)s, %(raw_page_id)s, %(raw_page_ids)s,
    %(title)s, %(pretitle)s, %(subtitle)s, %(byline)s, %(layout_no)s, %(layout_name)s, %(captions)s,
    %(source_line)s, %(published_at)s, %(founder_meta)s, %(clean_text)s, %(text_hash)s, %(source)s,
    %(dagster_run_id)s, now())
ON CONFLICT (paper, edition_date, url) DO UPDATE SET
    origin = EXCLUDED.origin, profile = EXCLUDED.profile, raw_page_id = EXCLUDED.raw_page_id,
    raw_page_ids = EXCLUDED.raw_page_ids, title = EXCLUDED.title, pretitle = EXCLUDED.pretitle,
    subtitle = EXCLUDED.subtitle, byline = EXCLUDED.byline, layout_no = EXCLUDED.layout_no,
    layout_name = EXCLUDED.layout_name, captions = EXCLUDED.captions, source_line = EXCLUDED.source_line,
    published_at = EXCLUDED.published_at, founder_meta = EXCLUDED.founder_meta,
    clean_text = EXCLUDED.clean_text, text_hash = EXCLUDED.text_hash, source = EXCLUDED.source,
    dagster_run_id = EXCLUDED.dagster_run_id, updated_at = now()
RETURNING id;

-- name: delete_stale_articles
DELETE FROM articles
WHERE paper = %(paper)s AND edition_date = %(edition_date)s AND NOT (url = ANY(%(urls)s));

-- name: partition_articles
SELECT id, url, title, clean_text, origin, paper, edition_date, source
FROM articles WHERE paper = %(paper)s AND edition_date = %(edition_date)s ORDER BY id;

-- name: set_parse_error
UPDATE raw_pages SET parse_error = %(parse_error)s WHERE id = %(id)s;
