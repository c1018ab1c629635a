-- Article dedup: stored signatures (so a partition compares only its new articles with the index),
-- clusters with their canonical article, and figure conflicts between copies of one story.

CREATE TABLE article_signatures (
    article_id      bigint      PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    exact_hash      text        NOT NULL,
    signature       bytea       NOT NULL,
    dedup_version   text        NOT NULL,
    dagster_run_id  text        NOT NULL
);
CREATE INDEX article_signatures_exact ON article_signatures (exact_hash);

CREATE TABLE article_clusters (
    article_id            bigint           PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    cluster_id            bigint           NOT NULL,
    canonical_article_id  bigint           NOT NULL,
    similarity            double precision NOT NULL,
    method                text             NOT NULL,
    dedup_version         text             NOT NULL,
    dagster_run_id        text             NOT NULL,
    updated_at            timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX article_clusters_cluster ON article_clusters (cluster_id);

-- Two copies of one story that disagree on a figure (a correction): both values, the spans, and which
-- copy's value is counted downstream (the later edition's).
CREATE TABLE figure_conflicts (
    id                  bigserial        PRIMARY KEY,
    cluster_id          bigint           NOT NULL,
    article_id          bigint           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    other_article_id    bigint           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    span_text           text             NOT NULL,
    other_span_text     text             NOT NULL,
    value_base          double precision,
    other_value_base    double precision,
    start_offset        integer          NOT NULL,
    end_offset          integer          NOT NULL,
    other_start_offset  integer          NOT NULL,
    other_end_offset    integer          NOT NULL,
    counted_article_id  bigint           NOT NULL,
    dagster_run_id      text             NOT NULL,
    UNIQUE (article_id, other_article_id, start_offset)
);
