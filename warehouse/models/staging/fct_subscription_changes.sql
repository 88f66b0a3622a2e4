{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='(company_id, changed_at, event_id)') }}
-- Grain: one row per subscription change (subscription.changed), so MRR can be read as of any date;
-- fct_subscriptions keeps only each company's latest state.
SELECT
    JSONExtractString(payload, 'companyId')                                AS company_id,
    occurred_at                                                            AS changed_at,
    event_id                                                               AS event_id,
    JSONExtractString(payload, 'subscriptionId')                           AS subscription_id,
    CAST(JSONExtractString(payload, 'status') AS LowCardinality(String))   AS status,
    CAST(JSONExtractString(payload, 'plan') AS LowCardinality(String))     AS plan,
    CAST(JSONExtractString(payload, 'previousPlan') AS LowCardinality(String)) AS previous_plan,
    JSONExtractInt(payload, 'mrrUsdMinor')                                 AS mrr_usd_minor,
    JSONExtractInt(payload, 'planMrrUsdMinor')                             AS plan_mrr_usd_minor,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'subscription.changed' AND version = 1
