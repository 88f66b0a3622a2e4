{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='company_id') }}
-- Grain: one row per manufacturer that ever had a subscription, at its latest state (subscription.changed).
-- MRR is the marketplace's own figure (USD minor units a month; yearly prices divided by 12, per item), already
-- zero when the subscription is not in force, so summing mrr_usd_minor is the platform's MRR.
SELECT
    JSONExtractString(payload, 'companyId')                                AS company_id,
    JSONExtractString(payload, 'subscriptionId')                           AS subscription_id,
    CAST(JSONExtractString(payload, 'provider') AS LowCardinality(String)) AS provider,
    CAST(JSONExtractString(payload, 'status') AS LowCardinality(String))   AS status,
    CAST(JSONExtractString(payload, 'plan') AS LowCardinality(String))     AS plan,
    CAST(JSONExtractString(payload, 'previousPlan') AS LowCardinality(String)) AS previous_plan,
    CAST(JSONExtractString(payload, 'interval') AS LowCardinality(String)) AS billing_interval,
    JSONExtractBool(payload, 'cancelAtPeriodEnd')                          AS cancel_at_period_end,
    JSONExtractInt(payload, 'mrrUsdMinor')                                 AS mrr_usd_minor,
    JSONExtractInt(payload, 'planMrrUsdMinor')                             AS plan_mrr_usd_minor,
    mrr_usd_minor - plan_mrr_usd_minor                                     AS add_on_mrr_usd_minor,
    occurred_at                                                            AS changed_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'subscription.changed' AND version = 1
