{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='product_id') }}
-- Grain: one row per product, as listed. (Categories, variants and unit cost arrive with the catalog issue.)
SELECT
    JSONExtractString(payload, 'productId')                                AS product_id,
    JSONExtractString(payload, 'sellerCompanyId')                          AS seller_company_id,
    JSONExtractString(payload, 'sku')                                      AS sku,
    JSONExtractString(payload, 'name')                                     AS name,
    CAST(JSONExtractString(payload, 'currency') AS LowCardinality(String)) AS currency,
    JSONExtractInt(payload, 'priceMinor')                                  AS price_minor,
    occurred_at                                                            AS listed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'product.listed' AND version = 1
