-- Statements behind `ganpo run`'s summary and `ganpo db status`.

-- name: partition_summary
SELECT
    coalesce(c.pages_new + c.pages_changed, 0)  AS pages_fetched,
    coalesce(c.pages_unchanged, 0)              AS pages_unchanged,
    coalesce(c.pages_failed, 0)                 AS pages_failed,
    (SELECT count(*) FROM articles a WHERE a.paper = %(paper)s AND a.edition_date = %(edition_date)s)
                                                AS articles,
    (SELECT count(*) FROM indicators i WHERE i.paper = %(paper)s AND i.edition_date = %(edition_date)s)
                                                AS indicators
FROM (SELECT 1) AS one
LEFT JOIN LATERAL (
    SELECT * FROM crawl_runs
    WHERE paper = %(paper)s AND edition_date = %(edition_date)s
    ORDER BY id DESC LIMIT 1
) c ON true;

-- name: table_counts
SELECT 'crawl_runs' AS name, count(*) FROM crawl_runs
UNION ALL SELECT 'raw_pages', count(*) FROM raw_pages
UNION ALL SELECT 'articles', count(*) FROM articles
UNION ALL SELECT 'indicators', count(*) FROM indicators;
