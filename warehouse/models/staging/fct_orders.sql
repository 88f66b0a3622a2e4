{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='order_id', partition_by='toYYYYMM(placed_at)') }}
-- Grain: one row per order, its latest state. A re-delivered event writes an identical row that collapses
-- with the first under FINAL; a later status event (higher row_version) replaces the state.
SELECT
    JSONExtractString(payload, 'orderId')                                  AS order_id,
    JSONExtractString(payload, 'buyerCompanyId')                           AS buyer_company_id,
    JSONExtractString(payload, 'sellerCompanyId')                          AS seller_company_id,
    CAST(JSONExtractString(payload, 'status') AS LowCardinality(String))   AS status,
    CAST(JSONExtractString(payload, 'currency') AS LowCardinality(String)) AS currency,
    JSONExtractInt(payload, 'subtotalMinor')                               AS subtotal_minor,
    JSONExtractInt(payload, 'subtotalUsdMinor')                            AS subtotal_usd_minor,
    toDecimal64(JSONExtractString(payload, 'fxRate'), 8)                   AS fx_rate,
    toUInt32(length(JSONExtractArrayRaw(payload, 'lines')))                AS line_count,
    toUInt64(arraySum(arrayMap(l -> JSONExtractUInt(l, 'quantity'), JSONExtractArrayRaw(payload, 'lines')))) AS units,
    parseDateTime64BestEffort(JSONExtractString(payload, 'placedAt'), 3, 'UTC') AS placed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'order.placed' AND version = 1
