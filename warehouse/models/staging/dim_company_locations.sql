{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='company_id') }}
-- Grain: one row per company that has a registered address with coordinates, at its latest one
-- (company.profile_updated). Maps prefer these exact points to the city centre of dim_cities.
SELECT
    JSONExtractString(payload, 'companyId')                                AS company_id,
    JSONExtractString(payload, 'country')                                  AS country,
    JSONExtractString(payload, 'region')                                   AS region,
    JSONExtractString(payload, 'city')                                     AS city,
    JSONExtractFloat(payload, 'latitude')                                  AS latitude,
    JSONExtractFloat(payload, 'longitude')                                 AS longitude,
    occurred_at                                                            AS located_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'company.profile_updated' AND version = 1
  AND JSONType(payload, 'latitude') IN ('Double', 'Int64', 'UInt64')
