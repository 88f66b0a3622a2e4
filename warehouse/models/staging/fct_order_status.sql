{{ config(materialized='materialized_view', engine='ReplacingMergeTree(status_version)', order_by='order_id') }}
-- Grain: one row per order that changed status after it was created, at its latest status (order.status_changed).
-- The version is the change's time, then the step's place in the lifecycle: the state machine only moves
-- forward, so two changes in the same millisecond still resolve to the later step, whatever order they arrive
-- in. Orders that never got past pending_payment (expired, abandoned) have rows here but none in fct_orders.
SELECT
    JSONExtractString(payload, 'orderId')                                  AS order_id,
    CAST(JSONExtractString(payload, 'to') AS LowCardinality(String))       AS status,
    CAST(JSONExtractString(payload, 'from') AS LowCardinality(String))     AS previous_status,
    parseDateTime64BestEffort(JSONExtractString(payload, 'at'), 3, 'UTC')  AS status_changed_at,
    JSONExtractString(payload, 'reason')                                   AS reason,
    JSONExtractString(payload, 'carrier')                                  AS carrier,
    toUInt64(toUnixTimestamp64Milli(status_changed_at)) * 16
        + indexOf(['pending_payment', 'placed', 'accepted', 'processing', 'shipped', 'delivered', 'completed',
                   'rejected', 'cancelled', 'expired'], status)            AS status_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'order.status_changed' AND version = 1
