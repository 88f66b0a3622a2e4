{{ config(materialized='refreshable', refresh='EVERY 60 SECOND', engine='MergeTree', order_by='(seller_company_id, day)') }}
-- Grain: manufacturer x day the orders were placed. How its orders went, counted by the day they were placed
-- (as the trust score counts them over its window), so any period's rates are sums of these counts:
--   fulfilment rate = shipped (or later) / accepted (or later) orders, leaving out the still-open ones
--                     (accepted or processing today): fulfilled_orders / decided_orders;
--   on-time rate    = orders shipped by their ship-by date (fct_orders.ship_by_at: placed + longest lead time
--                     + 2 days, the trust score's rule) / shipped orders;
--   return rate     = delivered orders with a refund, or a claim resolved with a refund / delivered orders;
--   dispute rate    = shipped orders with a claim / shipped orders (claims open only after delivery).
-- Manufacturer first in the sort key: a manufacturer's own rates read one short range.
WITH claims AS (
    SELECT
        order_id,
        count()                                                                        AS claims,
        countIf(status = 'resolved' AND outcome IN ('full_refund', 'partial_refund'))  AS refunded_claims
    FROM {{ ref('fct_claims') }}
    GROUP BY order_id
)
SELECT
    o.seller_company_id                                                        AS seller_company_id,
    toDate(o.placed_at)                                                        AS day,
    count()                                                                    AS orders,
    countIf(isNotNull(m.accepted_at))                                          AS accepted_orders,
    countIf(isNotNull(m.accepted_at) AND o.status NOT IN ('accepted', 'processing')) AS decided_orders,
    countIf(isNotNull(m.shipped_at))                                           AS shipped_orders,
    countIf(isNotNull(m.shipped_at) AND m.shipped_at <= o.ship_by_at)          AS shipped_on_time_orders,
    countIf(isNotNull(m.delivered_at))                                         AS delivered_orders,
    countIf(isNotNull(m.delivered_at) AND (o.refunds > 0 OR c.refunded_claims > 0)) AS returned_orders,
    countIf(isNotNull(m.shipped_at) AND c.claims > 0)                          AS disputed_orders,
    countIf(o.is_cancelled)                                                    AS cancelled_orders
FROM {{ ref('fct_orders_current') }} AS o
LEFT JOIN (SELECT * FROM {{ ref('fct_order_milestones') }} FINAL) AS m ON m.order_id = o.order_id
LEFT JOIN claims AS c ON c.order_id = o.order_id
GROUP BY seller_company_id, day
