-- Events the loader refused (unknown type or a payload that breaks its schema), kept with the reason so they
-- can be inspected and replayed once the schema or the producer is fixed. Never read by facts or marts.
CREATE TABLE IF NOT EXISTS wholesail.dead_letters
(
    event_id    String,
    reason      String,
    raw         String,
    received_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (event_id, reason);
