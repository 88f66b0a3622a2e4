-- Raw layer: every domain event exactly as the outbox wrote it. The sorting key ends in event_id and the
-- engine is ReplacingMergeTree, so an event delivered twice (relay restart, Kafka redelivery, replay) is one
-- row once merged, and one row under FINAL at once: deduplication lives here, not in trust of the pipe.
CREATE TABLE IF NOT EXISTS wholesail.events_raw
(
    event_id       UUID,
    type           LowCardinality(String),
    version        UInt16,
    aggregate_type LowCardinality(String),
    aggregate_id   UUID,
    company_ids    Array(String),
    occurred_at    DateTime64(3, 'UTC'),
    actor          String,
    payload        String,
    ingested_at    DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (aggregate_type, occurred_at, event_id);
