-- First schema: crawl runs, raw pages, articles, indicators.
-- Dagster's run, event-log and schedule storage lives in the same database, in a schema of its own.
CREATE SCHEMA IF NOT EXISTS dagster;

-- Every row records the Dagster run that wrote it (dagster_run_id); lineage follows the foreign keys
-- indicator → article → raw page → crawl run.

CREATE TABLE crawl_runs (
    id               bigserial PRIMARY KEY,
    paper            text        NOT NULL CHECK (paper IN ('shangrao', 'gannan')),
    edition_date     date        NOT NULL,
    source           text        NOT NULL CHECK (source IN ('live', 'replica')),
    status           text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    error            text,
    requests         integer     NOT NULL DEFAULT 0,
    responses_2xx    integer     NOT NULL DEFAULT 0,
    responses_3xx    integer     NOT NULL DEFAULT 0,
    responses_4xx    integer     NOT NULL DEFAULT 0,
    responses_5xx    integer     NOT NULL DEFAULT 0,
    not_modified     integer     NOT NULL DEFAULT 0,
    pages_new        integer     NOT NULL DEFAULT 0,
    pages_changed    integer     NOT NULL DEFAULT 0,
    pages_unchanged  integer     NOT NULL DEFAULT 0,
    pages_failed     integer     NOT NULL DEFAULT 0,
    drift_events     integer     NOT NULL DEFAULT 0,
    bytes_received   bigint      NOT NULL DEFAULT 0,
    archive_path     text,
    dagster_run_id   text        NOT NULL
);
CREATE INDEX crawl_runs_partition ON crawl_runs (paper, edition_date);

-- One row per URL seen for a partition: the page's latest good body and its fetch state, so that re-runs
-- can send conditional requests and skip unchanged pages. A failed fetch is a row too, with its reason.
CREATE TABLE raw_pages (
    id                 bigserial PRIMARY KEY,
    url                text        NOT NULL,
    paper              text        NOT NULL CHECK (paper IN ('shangrao', 'gannan')),
    edition_date       date        NOT NULL,
    profile            text,
    page_kind          text        NOT NULL,
    meta               jsonb       NOT NULL DEFAULT '{}'::jsonb,
    fetched_at         timestamptz,
    http_status        integer,
    headers            jsonb,
    etag               text,
    last_modified      text,
    content_hash       text,
    body               bytea,
    archive_path       text,
    archive_offset     bigint,
    fetch_error        text,
    parse_error        text,
    last_checked_at    timestamptz NOT NULL DEFAULT now(),
    source             text        NOT NULL CHECK (source IN ('live', 'replica')),
    crawl_run_id       bigint      NOT NULL REFERENCES crawl_runs (id),
    last_crawl_run_id  bigint      NOT NULL REFERENCES crawl_runs (id),
    dagster_run_id     text        NOT NULL,
    UNIQUE (paper, edition_date, url)
);

CREATE TABLE drift_events (
    id              bigserial PRIMARY KEY,
    crawl_run_id    bigint      NOT NULL REFERENCES crawl_runs (id),
    paper           text        NOT NULL,
    edition_date    date        NOT NULL,
    url             text        NOT NULL,
    profile         text        NOT NULL,
    selector        text        NOT NULL,
    detail          text,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    dagster_run_id  text        NOT NULL
);
CREATE INDEX drift_events_partition ON drift_events (paper, edition_date);

CREATE TABLE articles (
    id              bigserial PRIMARY KEY,
    paper           text        NOT NULL CHECK (paper IN ('shangrao', 'gannan')),
    edition_date    date        NOT NULL,
    url             text        NOT NULL,
    origin          text        NOT NULL CHECK (origin IN ('epaper', 'web')),
    profile         text        NOT NULL,
    raw_page_id     bigint      NOT NULL REFERENCES raw_pages (id),
    raw_page_ids    bigint[]    NOT NULL,
    title           text        NOT NULL,
    pretitle        text,
    subtitle        text,
    byline          text,
    layout_no       text,
    layout_name     text,
    captions        text[]      NOT NULL DEFAULT '{}',
    source_line     text,
    published_at    text,
    founder_meta    jsonb,
    clean_text      text        NOT NULL,
    text_hash       text        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('live', 'replica')),
    dagster_run_id  text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (paper, edition_date, url)
);
CREATE INDEX articles_text_hash ON articles (text_hash);

-- Offsets (start_offset, end_offset, sentence_start, sentence_end) index articles.clean_text.
CREATE TABLE indicators (
    id                 bigserial PRIMARY KEY,
    article_id         bigint      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    paper              text        NOT NULL,
    edition_date       date        NOT NULL,
    start_offset       integer     NOT NULL,
    end_offset         integer     NOT NULL,
    span_text          text        NOT NULL,
    value              double precision NOT NULL,
    unit               text        NOT NULL,
    value_base         double precision NOT NULL,
    base_unit          text        NOT NULL,
    kind               text        NOT NULL,
    metric             text,
    subject            text,
    period             text,
    yoy_pct            double precision,
    qualifier          text CHECK (qualifier IN ('approx', 'over', 'under')),
    target             boolean     NOT NULL DEFAULT false,
    sentence           text        NOT NULL,
    sentence_start     integer     NOT NULL,
    sentence_end       integer     NOT NULL,
    extractor_version  text        NOT NULL,
    source             text        NOT NULL CHECK (source IN ('live', 'replica')),
    dagster_run_id     text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (start_offset >= sentence_start AND end_offset <= sentence_end)
);
CREATE INDEX indicators_partition ON indicators (paper, edition_date);
CREATE INDEX indicators_article ON indicators (article_id);
