-- Articles the extractor raised an error on. An error is recorded, never dropped: the partition's other
-- articles keep their indicators, the row is replaced with the partition's indicators on every re-run (which
-- retries the article), and the indicators asset's no_extraction_failures check fails while any row is left.

CREATE TABLE extraction_failures (
    article_id         bigint      PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    paper              text        NOT NULL,
    edition_date       date        NOT NULL,
    error              text        NOT NULL,
    extractor_version  text        NOT NULL,
    dagster_run_id     text        NOT NULL,
    failed_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX extraction_failures_partition ON extraction_failures (paper, edition_date);
