{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='(searched_at, search_id)', partition_by='toYYYYMM(searched_at)') }}
-- Grain: one row per catalog search by a signed-in retailer (catalog.searched): keywords and/or filters, first
-- page only (paging is not a new search). `query` is what was typed, trimmed; `search_terms` is it lower-cased
-- with runs of spaces collapsed, so "Mug " and "mug" count as one search term. Search text is platform data:
-- the semantic layer shows it to platform staff only, never to manufacturers.
SELECT
    JSONExtractString(payload, 'searchId')                                 AS search_id,
    JSONExtractString(payload, 'buyerCompanyId')                           AS buyer_company_id,
    JSONExtractString(payload, 'userId')                                   AS user_id,
    JSONExtractString(payload, 'query')                                    AS query,
    lower(trimBoth(replaceRegexpAll(query, '\\s+', ' ')))                  AS search_terms,
    CAST(query != '' AS Bool)                                              AS has_keywords,
    JSONExtractRaw(payload, 'filters')                                     AS filters,
    toUInt8(length(JSONExtractKeys(payload, 'filters')))                   AS filter_count,
    JSONExtractString(payload, 'filters', 'category')                      AS category_filter,
    JSONExtractString(payload, 'filters', 'country')                       AS country_filter,
    CAST(JSONExtractString(payload, 'sort') AS LowCardinality(String))     AS sort,
    toUInt32(JSONExtractUInt(payload, 'resultCount'))                      AS result_count,
    CAST(result_count = 0 AS Bool)                                         AS zero_results,
    parseDateTime64BestEffort(JSONExtractString(payload, 'searchedAt'), 3, 'UTC') AS searched_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'catalog.searched' AND version = 1
