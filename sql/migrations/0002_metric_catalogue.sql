-- The canonical metric catalogue (data: pipelines/domain/indicators/metrics.toml, synced by the indicators
-- asset) and each indicator's stable metric id, so downstream tables group by metric_id, not by wording.

CREATE TABLE metrics (
    metric_id   text        PRIMARY KEY,
    name        text        NOT NULL,
    base_unit   text        NOT NULL,
    synonyms    text[]      NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE indicators ADD COLUMN metric_id text REFERENCES metrics (metric_id);
CREATE INDEX indicators_metric ON indicators (metric_id);
