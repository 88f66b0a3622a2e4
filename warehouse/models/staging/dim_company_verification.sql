{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='company_id') }}
-- Grain: one row per manufacturer whose KYB case ever moved, at its latest state (company.kyb_status_changed).
-- `verified` is what publishing and the Verified badge go by: the case is approved.
SELECT
    JSONExtractString(payload, 'companyId')                                AS company_id,
    CAST(JSONExtractString(payload, 'to') AS LowCardinality(String))       AS kyb_status,
    JSONExtractString(payload, 'to') = 'approved'                          AS verified,
    occurred_at                                                            AS changed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'company.kyb_status_changed' AND version = 1
