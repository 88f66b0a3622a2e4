{{ config(materialized='refreshable', refresh='EVERY 60 SECOND', engine='MergeTree', order_by='(cohort_month, activity_month)') }}
-- Grain: first-order month (cohort) x month of activity. `buyers` is how many of the cohort ordered that month.
WITH firsts AS (
    SELECT buyer_company_id, toStartOfMonth(min(placed_at)) AS cohort_month
    FROM {{ ref('fct_orders') }} FINAL
    GROUP BY buyer_company_id
)
SELECT
    f.cohort_month                                  AS cohort_month,
    toStartOfMonth(o.placed_at)                     AS activity_month,
    dateDiff('month', f.cohort_month, toStartOfMonth(o.placed_at)) AS months_since_first,
    uniqExact(o.buyer_company_id)                   AS buyers,
    sum(o.subtotal_usd_minor)                       AS gmv_usd_minor
FROM {{ ref('fct_orders') }} AS o FINAL
INNER JOIN firsts AS f ON f.buyer_company_id = o.buyer_company_id
GROUP BY cohort_month, activity_month, months_since_first
