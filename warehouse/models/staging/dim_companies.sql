{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='company_id') }}
-- Grain: one row per company (manufacturers, retailers, the platform), its latest registered profile.
SELECT
    JSONExtractString(payload, 'companyId')                                AS company_id,
    CAST(JSONExtractString(payload, 'kind') AS LowCardinality(String))     AS kind,
    JSONExtractString(payload, 'name')                                     AS name,
    CAST(JSONExtractString(payload, 'country') AS LowCardinality(String))  AS country,
    JSONExtractString(payload, 'city')                                     AS city,
    occurred_at                                                            AS registered_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'company.registered' AND version = 1
