{{ config(materialized='refreshable', refresh='EVERY 60 SECOND', engine='MergeTree', order_by='(month, seller_company_id)') }}
-- Grain: month x manufacturer. What the platform earns from each manufacturer:
--   net commission = commission on the orders placed that month less what their refunds reversed (by the
--                    order's month, as in fct_orders_current);
--   subscription   = the manufacturer's MRR in force at the end of the month (the current month: now). MRR is
--                    a monthly run rate, so a month's MRR stands for that month's subscription revenue
--                    (provider invoices, with their proration, are not in the warehouse);
--   platform net revenue = net commission + subscription.
-- And whether the manufacturer was paying (MRR > 0) when the month began and when it ended: a manufacturer is
-- churned in a month when it was paying at the start and is not at the end (one that cancels and comes back
-- within the month is not churned). Its plan is its subscription's at the month's end or, without one, the plan
-- on its last order of the month ('' with neither).
WITH
    months AS (
        SELECT DISTINCT month_start AS month
        FROM {{ ref('dim_dates') }}
        WHERE date >= (SELECT toDate(min(changed_at)) FROM {{ ref('fct_subscription_changes') }} FINAL)
          AND date <= today()
    ),
    mrr AS (
        SELECT m.month AS month, c.company_id AS company_id, argMax(c.mrr_usd_minor, c.changed_at) AS mrr_usd_minor,
               argMaxIf(c.mrr_usd_minor, c.changed_at, c.changed_at < toDateTime64(m.month, 3, 'UTC')) AS mrr_at_start_usd_minor,
               argMax(c.plan, c.changed_at) AS plan
        FROM months AS m
        CROSS JOIN {{ ref('fct_subscription_changes') }} AS c FINAL
        WHERE c.changed_at < toDateTime64(m.month + INTERVAL 1 MONTH, 3, 'UTC')
        GROUP BY month, company_id
    ),
    facts AS (
        SELECT toStartOfMonth(placed_at) AS month, seller_company_id, subtotal_usd_minor AS gmv_usd_minor,
               net_gmv_usd_minor, commission_usd_minor, commission_reversed_usd_minor,
               toInt64(0) AS mrr_usd_minor, toInt64(0) AS mrr_at_start_usd_minor, '' AS subscription_plan,
               toString(plan) AS order_plan, placed_at AS at, toUInt64(1) AS orders
        FROM {{ ref('fct_orders_current') }}
        UNION ALL
        SELECT month, company_id AS seller_company_id, 0, 0, 0, 0, mrr_usd_minor, mrr_at_start_usd_minor,
               toString(plan), '', toDateTime64(month, 3, 'UTC'), toUInt64(0)
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
    net_commission_usd_minor + subscription_mrr_usd_minor              AS net_revenue_usd_minor,
    sum(mrr_at_start_usd_minor)                                        AS subscription_mrr_at_start_usd_minor,
    if(max(subscription_plan) != '', max(subscription_plan), argMaxIf(order_plan, at, order_plan != '')) AS plan,
    subscription_mrr_at_start_usd_minor > 0                            AS paying_at_start,
    subscription_mrr_usd_minor > 0                                     AS paying_at_end,
    paying_at_start AND NOT paying_at_end                              AS churned
FROM facts
GROUP BY month, seller_company_id
