{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='(seller_company_id, placed_at, order_id, line_no)', partition_by='toYYYYMM(placed_at)') }}
-- Grain: one row per order line. USD values come from the event (converted once, by the marketplace's
-- money module, at the rate of the moment); older events without them are converted here at their fx_rate.
-- Commission per line is the line's share of the order's commission (largest remainder, so lines add up to the
-- order exactly in its currency); its USD value is converted here, half away from zero like the money module,
-- so lines may differ from the order's USD commission by rounding: order-level figures come from fct_orders.
-- Sorted by manufacturer first: a manufacturer's questions (its products, categories, margin) read one range.
-- (seller, placed_at) come from the same event as (order_id, line_no), so a re-delivered event still collapses.
-- Category and unit cost are what they were when the order was placed (checkout orders; earlier events and
-- orders placed outside checkout have neither: category '' and a NULL cost). Cost and margin are NULL where the
-- cost is unknown, and has_cost says so, so margin % can be taken over exactly the lines that have a cost:
--   cost   = quantity x unit cost (lineCostUsdMinor: converted once by the marketplace);
--   margin = line revenue - cost, at placement (cancellations and refunds are not netted here).
SELECT
    JSONExtractString(payload, 'orderId')                                  AS order_id,
    toUInt16(JSONExtractUInt(line, 'lineNo'))                              AS line_no,
    JSONExtractString(line, 'productId')                                   AS product_id,
    JSONExtractString(line, 'variantId')                                   AS variant_id,
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
    JSONExtractString(line, 'categoryId')                                  AS category_id,
    JSONExtractString(line, 'categoryPath')                                AS category_path,
    JSONExtract(line, 'categoryNamePath', 'Array(String)')                 AS category_names,
    arrayStringConcat(category_names, ' > ')                               AS category_name_path,
    category_names[-1]                                                     AS category_name,
    splitByChar('/', category_path)[1]                                     AS category_l1,
    category_names[1]                                                      AS category_l1_name,
    arrayStringConcat(arraySlice(splitByChar('/', category_path), 1, 2), '/') AS category_l2,
    category_names[least(2, length(category_names))]                       AS category_l2_name,
    JSONExtract(line, 'unitCostMinor', 'Nullable(Int64)')                  AS unit_cost_minor,
    JSONExtract(line, 'unitCostUsdMinor', 'Nullable(Int64)')               AS unit_cost_usd_minor,
    if(isNull(unit_cost_minor), NULL, toNullable(toInt64(quantity) * assumeNotNull(unit_cost_minor))) AS cost_minor,
    if(isNull(unit_cost_minor), NULL, JSONExtract(line, 'lineCostUsdMinor', 'Nullable(Int64)')) AS cost_usd_minor,
    CAST(isNotNull(cost_usd_minor) AS Bool)                                AS has_cost,
    line_total_minor - cost_minor                                          AS margin_minor,
    line_total_usd_minor - cost_usd_minor                                  AS margin_usd_minor,
    JSONExtract(line, 'leadTimeDays', 'Nullable(UInt32)')                  AS lead_time_days,
    -- The order's commission volume tier and its discount (NULL on events from before they were carried).
    JSONExtract(payload, 'volumeTier', 'Nullable(UInt8)')                  AS volume_tier,
    JSONExtract(payload, 'volumeDiscountBps', 'Nullable(UInt32)')          AS volume_discount_bps,
    parseDateTime64BestEffort(JSONExtractString(payload, 'placedAt'), 3, 'UTC') AS placed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
ARRAY JOIN JSONExtractArrayRaw(payload, 'lines') AS line
WHERE type = 'order.placed' AND version = 1
