{{ config(materialized='materialized_view', engine='AggregatingMergeTree', order_by='order_id') }}
-- Grain: one row per order that changed status after it was created: when it first reached each step of its
-- lifecycle (order.status_changed). fct_order_status keeps only the latest step; fulfilment, on-time and return
-- figures need the time of every step. The state machine only moves forward, so each step is reached at most
-- once; each event fills one column and merging keeps the earliest time per column (a re-delivered event
-- changes nothing). Read it with FINAL (or GROUP BY order_id) to see one row per order.
SELECT
    JSONExtractString(payload, 'orderId') AS order_id,
    CAST(if(JSONExtractString(payload, 'to') = 'accepted', parseDateTime64BestEffort(JSONExtractString(payload, 'at'), 3, 'UTC'), NULL)
         AS SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))))  AS accepted_at,
    CAST(if(JSONExtractString(payload, 'to') = 'shipped', parseDateTime64BestEffort(JSONExtractString(payload, 'at'), 3, 'UTC'), NULL)
         AS SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))))  AS shipped_at,
    CAST(if(JSONExtractString(payload, 'to') = 'delivered', parseDateTime64BestEffort(JSONExtractString(payload, 'at'), 3, 'UTC'), NULL)
         AS SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))))  AS delivered_at,
    CAST(if(JSONExtractString(payload, 'to') = 'completed', parseDateTime64BestEffort(JSONExtractString(payload, 'at'), 3, 'UTC'), NULL)
         AS SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))))  AS completed_at,
    -- Rejected, cancelled or expired: the order ended without shipping.
    CAST(if(JSONExtractString(payload, 'to') IN ('rejected', 'cancelled', 'expired'), parseDateTime64BestEffort(JSONExtractString(payload, 'at'), 3, 'UTC'), NULL)
         AS SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))))  AS ended_at
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'order.status_changed' AND version = 1
