{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='order_id', partition_by='toYYYYMM(placed_at)') }}
-- Grain: one row per placed order, with the money fixed at placement (order.placed). A re-delivered event
-- writes an identical row that collapses with the first under FINAL. What happens after placement (status,
-- refunds) lives in fct_order_status and fct_refunds and meets these rows in fct_orders_current, so this table
-- never needs rewriting and GMV counts each order exactly once. Events from before checkout carry no tax,
-- total, commission, plan, volume tier, destination or lead time: those read as no tax, total = subtotal, no
-- commission, '' (unknown), NULL.
SELECT
    JSONExtractString(payload, 'orderId')                                  AS order_id,
    JSONExtractString(payload, 'groupId')                                  AS group_id,
    JSONExtractString(payload, 'buyerCompanyId')                           AS buyer_company_id,
    JSONExtractString(payload, 'sellerCompanyId')                          AS seller_company_id,
    CAST(JSONExtractString(payload, 'currency') AS LowCardinality(String)) AS currency,
    JSONExtractInt(payload, 'subtotalMinor')                               AS subtotal_minor,
    JSONExtractInt(payload, 'subtotalUsdMinor')                            AS subtotal_usd_minor,
    JSONExtractInt(payload, 'taxMinor')                                    AS tax_minor,
    toDecimal64(ifNull(nullIf(JSONExtractString(payload, 'taxRate'), ''), '0'), 6) AS tax_rate,
    ifNull(JSONExtract(payload, 'totalMinor', 'Nullable(Int64)'), subtotal_minor)         AS total_minor,
    ifNull(JSONExtract(payload, 'totalUsdMinor', 'Nullable(Int64)'), subtotal_usd_minor)  AS total_usd_minor,
    JSONExtractInt(payload, 'commissionMinor')                             AS commission_minor,
    JSONExtractInt(payload, 'commissionUsdMinor')                          AS commission_usd_minor,
    toUInt32(JSONExtractUInt(payload, 'commissionRateBps'))                AS commission_rate_bps,
    toDecimal64(JSONExtractString(payload, 'fxRate'), 8)                   AS fx_rate,
    CAST(JSONExtractString(payload, 'paymentMethod') AS LowCardinality(String)) AS payment_method,
    CAST(JSONExtractString(payload, 'plan') AS LowCardinality(String))     AS plan,
    -- The commission volume tier the manufacturer's month-to-date GMV had reached (1 = from $0), where it starts
    -- and the discount it gave; NULL on events from before they were carried.
    JSONExtract(payload, 'volumeTier', 'Nullable(UInt8)')                  AS volume_tier,
    JSONExtract(payload, 'volumeTierFromUsdMinor', 'Nullable(Int64)')      AS volume_tier_from_usd_minor,
    JSONExtract(payload, 'volumeDiscountBps', 'Nullable(UInt32)')          AS volume_discount_bps,
    CAST(JSONExtractString(payload, 'shipTo', 'country') AS LowCardinality(String)) AS ship_country,
    JSONExtractString(payload, 'shipTo', 'region')                         AS ship_region,
    JSONExtractString(payload, 'shipTo', 'city')                           AS ship_city,
    toUInt32(length(JSONExtractArrayRaw(payload, 'lines')))                AS line_count,
    toUInt64(arraySum(arrayMap(l -> JSONExtractUInt(l, 'quantity'), JSONExtractArrayRaw(payload, 'lines')))) AS units,
    parseDateTime64BestEffort(JSONExtractString(payload, 'placedAt'), 3, 'UTC') AS placed_at,
    -- The longest lead time of the order's products when it was placed (NULL on events that do not carry it).
    arrayMax(arrayMap(l -> JSONExtract(l, 'leadTimeDays', 'Nullable(UInt32)'), JSONExtractArrayRaw(payload, 'lines'))) AS lead_time_days,
    -- The ship-by rule of the trust score (marketplace/companies/trust-scoring.ts), so "on time" means the same
    -- in both: placed + the longest lead time (3 days where unknown) + 2 days (one to accept, one of grace).
    placed_at + toIntervalDay(ifNull(lead_time_days, 3) + 2)              AS ship_by_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'order.placed' AND version = 1
