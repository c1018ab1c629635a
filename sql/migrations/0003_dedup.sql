-- Article dedup, kept incrementally: each article's MinHash signature and LSH band buckets (so a partition
-- looks up candidates for its new articles only, never re-comparing all pairs), the verified edges between
-- articles, the clusters with their canonical article, and figure conflicts between copies of one story.

CREATE TABLE dedup_signatures (
    article_id      bigint      PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature       bytea       NOT NULL,
    exact_hash      text        NOT NULL,
    n_shingles      integer     NOT NULL,
    body_len        integer     NOT NULL,
    published       date,
    paper           text,
    origin          text,
    params          text        NOT NULL,
    dagster_run_id  text        NOT NULL
);
CREATE INDEX dedup_signatures_exact ON dedup_signatures (exact_hash);

-- One row per LSH band of a signature: articles sharing a (band, bucket) are near-duplicate candidates.
CREATE TABLE dedup_bands (
    article_id  bigint   NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    band        smallint NOT NULL,
    bucket      bigint   NOT NULL,
    PRIMARY KEY (article_id, band)
);
CREATE INDEX dedup_bands_bucket ON dedup_bands (band, bucket);

-- Verified relations (a < b): exact or near copies of one story, or "distinct" (text alike, figures differ).
CREATE TABLE dedup_edges (
    a                  bigint           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    b                  bigint           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    similarity         double precision NOT NULL,
    method             text             NOT NULL CHECK (method IN ('exact', 'near', 'distinct')),
    containment        double precision NOT NULL,
    figures_aligned    integer          NOT NULL,
    figures_differing  integer          NOT NULL,
    dagster_run_id     text             NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX dedup_edges_b ON dedup_edges (b);

CREATE TABLE article_clusters (
    article_id            bigint           PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    cluster_id            bigint           NOT NULL,
    canonical_article_id  bigint           NOT NULL,
    similarity            double precision NOT NULL,
    method                text             NOT NULL CHECK (method IN ('unique', 'exact', 'near')),
    matched_article_id    bigint,
    cluster_size          integer          NOT NULL,
    dagster_run_id        text             NOT NULL,
    updated_at            timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX article_clusters_cluster ON article_clusters (cluster_id);

-- Two copies of one story that disagree on a figure (a correction): both values, both spans (offsets index
-- each article's clean_text), and whose value is counted downstream (the later edition's).
CREATE TABLE figure_conflicts (
    id                  bigserial        PRIMARY KEY,
    article_a           bigint           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    article_b           bigint           NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text_a              text             NOT NULL,
    text_b              text             NOT NULL,
    start_a             integer          NOT NULL,
    end_a               integer          NOT NULL,
    start_b             integer          NOT NULL,
    end_b               integer          NOT NULL,
    value_a             double precision,
    value_b             double precision,
    context             text             NOT NULL,
    counted_article_id  bigint           NOT NULL,
    dagster_run_id      text             NOT NULL,
    UNIQUE (article_a, article_b, start_a)
);
