{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='(seller_company_id, product_id, viewed_at, view_id)', partition_by='toYYYYMM(viewed_at)') }}
-- Grain: one row per recorded product page view (product.viewed): a signed-in retailer opening a published
-- product's page, at most once per retailer and product every 30 minutes (the marketplace throttles reloads
-- before it writes the event). Sorted by manufacturer first: its questions (views of its products) read one range.
-- The sorting key ends in the event id, so a re-delivered event collapses under FINAL.
SELECT
    event_id                                                               AS view_id,
    JSONExtractString(payload, 'productId')                                AS product_id,
    JSONExtractString(payload, 'sellerCompanyId')                          AS seller_company_id,
    JSONExtractString(payload, 'buyerCompanyId')                           AS buyer_company_id,
    JSONExtractString(payload, 'userId')                                   AS user_id,
    parseDateTime64BestEffort(JSONExtractString(payload, 'viewedAt'), 3, 'UTC') AS viewed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'product.viewed' AND version = 1
