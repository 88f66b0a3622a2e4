-- Grain: one row per order, its current state. Derived inside ClickHouse from raw order events by a
-- materialized view. ReplacingMergeTree(version) keeps the latest state per order_id, and a re-delivered
-- event writes an identical row that collapses with the first, so FINAL never counts an order twice.
CREATE TABLE IF NOT EXISTS wholesail.fact_orders
(
    order_id            UUID,
    buyer_company_id    String,
    seller_company_id   String,
    status              LowCardinality(String),
    currency            LowCardinality(String),
    subtotal_minor      Int64,
    subtotal_usd_minor  Int64,
    fx_rate             Decimal(18, 8),
    line_count          UInt32,
    units               UInt64,
    placed_at           DateTime64(3, 'UTC'),
    row_version         UInt64
)
ENGINE = ReplacingMergeTree(row_version)
PARTITION BY toYYYYMM(placed_at)
ORDER BY order_id;

CREATE MATERIALIZED VIEW IF NOT EXISTS wholesail.fact_orders_from_placed TO wholesail.fact_orders AS
SELECT
    toUUID(JSONExtractString(payload, 'orderId'))                   AS order_id,
    JSONExtractString(payload, 'buyerCompanyId')                    AS buyer_company_id,
    JSONExtractString(payload, 'sellerCompanyId')                   AS seller_company_id,
    JSONExtractString(payload, 'status')                            AS status,
    JSONExtractString(payload, 'currency')                          AS currency,
    JSONExtractInt(payload, 'subtotalMinor')                        AS subtotal_minor,
    JSONExtractInt(payload, 'subtotalUsdMinor')                     AS subtotal_usd_minor,
    toDecimal64(JSONExtractString(payload, 'fxRate'), 8)            AS fx_rate,
    length(JSONExtractArrayRaw(payload, 'lines'))                   AS line_count,
    arraySum(arrayMap(l -> JSONExtractUInt(l, 'quantity'), JSONExtractArrayRaw(payload, 'lines'))) AS units,
    parseDateTime64BestEffort(JSONExtractString(payload, 'placedAt'), 3, 'UTC') AS placed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                   AS row_version
FROM wholesail.events_raw
WHERE type = 'order.placed' AND version = 1;
