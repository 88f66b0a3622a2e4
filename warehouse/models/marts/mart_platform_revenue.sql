{{ config(materialized='refreshable', refresh='EVERY 60 SECOND', engine='MergeTree', order_by='(month, seller_company_id)') }}
-- Grain: month x manufacturer. What the platform earns from each manufacturer:
--   net commission = commission on the orders placed that month less what their refunds reversed (by the
--                    order's month, as in fct_orders_current);
--   subscription   = the manufacturer's MRR in force at the end of the month (the current month: now). MRR is
--                    a monthly run rate, so a month's MRR stands for that month's subscription revenue
--                    (provider invoices, with their proration, are not in the warehouse);
--   platform net revenue = net commission + subscription.
WITH
    months AS (
        SELECT DISTINCT month_start AS month
        FROM {{ ref('dim_dates') }}
        WHERE date >= (SELECT toDate(min(changed_at)) FROM {{ ref('fct_subscription_changes') }} FINAL)
          AND date <= today()
    ),
    mrr AS (
        SELECT m.month AS month, c.company_id AS company_id, argMax(c.mrr_usd_minor, c.changed_at) AS mrr_usd_minor
        FROM months AS m
        CROSS JOIN {{ ref('fct_subscription_changes') }} AS c FINAL
        WHERE c.changed_at < toDateTime64(m.month + INTERVAL 1 MONTH, 3, 'UTC')
        GROUP BY month, company_id
    ),
    facts AS (
        SELECT toStartOfMonth(placed_at) AS month, seller_company_id, subtotal_usd_minor AS gmv_usd_minor,
               net_gmv_usd_minor, commission_usd_minor, commission_reversed_usd_minor,
               toInt64(0) AS mrr_usd_minor, toUInt64(1) AS orders
        FROM {{ ref('fct_orders_current') }}
        UNION ALL
        SELECT month, company_id AS seller_company_id, 0, 0, 0, 0, mrr_usd_minor, toUInt64(0)
        FROM mrr
    )
SELECT
    month,
    seller_company_id,
    sum(orders)                                                        AS orders,
    sum(gmv_usd_minor)                                                 AS gmv_usd_minor,
    sum(net_gmv_usd_minor)                                             AS net_gmv_usd_minor,
    sum(commission_usd_minor)                                          AS commission_usd_minor,
    sum(commission_reversed_usd_minor)                                 AS commission_reversed_usd_minor,
    commission_usd_minor - commission_reversed_usd_minor               AS net_commission_usd_minor,
    sum(mrr_usd_minor)                                                 AS subscription_mrr_usd_minor,
    net_commission_usd_minor + subscription_mrr_usd_minor              AS net_revenue_usd_minor
FROM facts
GROUP BY month, seller_company_id
