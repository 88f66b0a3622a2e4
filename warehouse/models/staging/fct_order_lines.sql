{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='(order_id, line_no)', partition_by='toYYYYMM(placed_at)') }}
-- Grain: one row per order line. USD values come from the event (converted once, by the marketplace's
-- money module, at the rate of the moment); older events without them are converted here at their fx_rate.
-- Commission per line is the line's share of the order's commission (largest remainder, so lines add up to the
-- order exactly in its currency); its USD value is converted here, half away from zero like the money module,
-- so lines may differ from the order's USD commission by rounding: order-level figures come from fct_orders.
SELECT
    JSONExtractString(payload, 'orderId')                                  AS order_id,
    toUInt16(JSONExtractUInt(line, 'lineNo'))                              AS line_no,
    JSONExtractString(line, 'productId')                                   AS product_id,
    JSONExtractString(line, 'sku')                                         AS sku,
    JSONExtractString(payload, 'buyerCompanyId')                           AS buyer_company_id,
    JSONExtractString(payload, 'sellerCompanyId')                          AS seller_company_id,
    CAST(JSONExtractString(payload, 'currency') AS LowCardinality(String)) AS currency,
    toUInt32(JSONExtractUInt(line, 'quantity'))                            AS quantity,
    JSONExtractInt(line, 'unitPriceMinor')                                 AS unit_price_minor,
    JSONExtractInt(line, 'lineTotalMinor')                                 AS line_total_minor,
    ifNull(
        JSONExtract(line, 'lineTotalUsdMinor', 'Nullable(Int64)'),
        toInt64(round(toFloat64(JSONExtractInt(line, 'lineTotalMinor')) * toFloat64OrZero(JSONExtractString(payload, 'fxRate'))))
    )                                                                      AS line_total_usd_minor,
    JSONExtractInt(line, 'commissionMinor')                                AS commission_minor,
    toUInt32(JSONExtractUInt(line, 'commissionRateBps'))                   AS commission_rate_bps,
    toInt64(round(toDecimal128(commission_minor, 0) * toDecimal128(JSONExtractString(payload, 'fxRate'), 12), 0)) AS commission_usd_minor,
    parseDateTime64BestEffort(JSONExtractString(payload, 'placedAt'), 3, 'UTC') AS placed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line
WHERE type = 'order.placed' AND version = 1
