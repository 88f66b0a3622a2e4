{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='company_id') }}
-- Grain: one row per manufacturer that has been scored, at its latest trust score and badge (company.trust_scored,
-- emitted only when the score or badge changes; the formula is marketplace/companies/trust-score.ts).
SELECT
    JSONExtractString(payload, 'companyId')                                AS company_id,
    toUInt8(JSONExtractInt(payload, 'score'))                              AS trust_score,
    CAST(JSONExtractString(payload, 'badge') AS LowCardinality(String))    AS trust_badge,
    occurred_at                                                            AS scored_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'company.trust_scored' AND version = 1
