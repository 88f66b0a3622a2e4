{{ config(materialized='view') }}
-- Grain: one row per placed order at its current status: fct_orders (money at placement) with its latest
-- status (fct_order_status) and what its refunds took back (fct_refunds), joined when read, so it is always
-- as current as the events and each order is still one row (GMV is counted once, whatever happened later).
--   gross GMV  = subtotal at placement (ex tax), for every placed order;
--   net GMV    = 0 for an order that ended rejected or cancelled (its automatic refund is not subtracted again),
--                else subtotal less the ex-tax part of its refunds (refunds are of the total, tax included);
--   net commission = commission charged less commission reversed by refunds.
-- All of it is attributed to the order (its placement day); fct_refunds dates refunds by when they happened.
-- A parameterized view: the orders placed since `since`. Everything that happens to an order (status changes,
-- refunds) happens after it was placed, so each source is cut at `since` BEFORE it is deduplicated or joined:
-- the orders of the last day cost a day's rows, not a scan of every status. The lambda cubes read today's
-- orders this way; fct_orders_current is this view from the beginning of time. Statuses are deduplicated with
-- argMax rather than FINAL, so the cut applies before the merge (FINAL would merge every status first).
SELECT
    o.order_id                                                         AS order_id,
    o.group_id                                                         AS group_id,
    o.buyer_company_id                                                 AS buyer_company_id,
    o.seller_company_id                                                AS seller_company_id,
    CAST(if(s.status = '', 'placed', s.status) AS LowCardinality(String)) AS status,
    if(s.status = '', o.placed_at, s.status_changed_at)                AS status_changed_at,
    CAST(s.status IN ('rejected', 'cancelled', 'expired') AS Bool)    AS is_cancelled,
    o.currency                                                         AS currency,
    o.fx_rate                                                          AS fx_rate,
    o.payment_method                                                   AS payment_method,
    o.plan                                                             AS plan,
    o.volume_tier                                                      AS volume_tier,
    o.volume_tier_from_usd_minor                                       AS volume_tier_from_usd_minor,
    o.volume_discount_bps                                              AS volume_discount_bps,
    o.ship_country                                                     AS ship_country,
    o.ship_region                                                      AS ship_region,
    o.ship_city                                                        AS ship_city,
    o.line_count                                                       AS line_count,
    o.units                                                            AS units,
    o.placed_at                                                        AS placed_at,
    o.lead_time_days                                                   AS lead_time_days,
    o.ship_by_at                                                       AS ship_by_at,
    o.subtotal_minor                                                   AS subtotal_minor,
    o.subtotal_usd_minor                                               AS subtotal_usd_minor,
    o.tax_minor                                                        AS tax_minor,
    o.tax_rate                                                         AS tax_rate,
    o.total_minor                                                      AS total_minor,
    o.total_usd_minor                                                  AS total_usd_minor,
    o.commission_minor                                                 AS commission_minor,
    o.commission_usd_minor                                             AS commission_usd_minor,
    o.commission_rate_bps                                              AS commission_rate_bps,
    r.refunds                                                          AS refunds,
    r.refunded_minor                                                   AS refunded_minor,
    r.refunded_usd_minor                                               AS refunded_usd_minor,
    r.commission_reversed_minor                                        AS commission_reversed_minor,
    r.commission_reversed_usd_minor                                    AS commission_reversed_usd_minor,
    o.commission_minor - r.commission_reversed_minor                   AS net_commission_minor,
    o.commission_usd_minor - r.commission_reversed_usd_minor           AS net_commission_usd_minor,
    if(is_cancelled, o.subtotal_usd_minor, 0)                          AS cancelled_gmv_usd_minor,
    -- The ex-tax share of the refunds, rounded half up in integers (subtotal / total is the same in any currency).
    if(is_cancelled OR o.total_minor = 0, 0,
       least(o.subtotal_usd_minor,
             toInt64(intDiv(toInt128(r.refunded_usd_minor) * o.subtotal_minor * 2 + o.total_minor,
                            toInt128(o.total_minor) * 2))))            AS refunded_gmv_usd_minor,
    o.subtotal_usd_minor - cancelled_gmv_usd_minor - refunded_gmv_usd_minor AS net_gmv_usd_minor
FROM (SELECT * FROM {{ ref('fct_orders') }} FINAL WHERE placed_at >= {since:DateTime64(3, 'UTC')}) AS o
LEFT JOIN (
    SELECT
        order_id,
        argMax(status, status_version)            AS status,
        argMax(status_changed_at, status_version) AS status_changed_at
    FROM (
        SELECT * FROM {{ ref('fct_order_status') }}
        WHERE status_changed_at >= {since:DateTime64(3, 'UTC')}
          -- Always true of the orders placed since `since` (their ids are at least the least of their ids), and
          -- it lets ClickHouse read only the end of the table: ids are UUIDv7, so they sort by creation time and
          -- the day's orders sit in the last granules. 'g' sorts after every lower-case hex id (nothing placed).
          AND order_id >= (SELECT if(count() = 0, 'g', min(order_id)) FROM {{ ref('fct_orders') }}
                           WHERE placed_at >= {since:DateTime64(3, 'UTC')})
    )
    GROUP BY order_id
) AS s ON s.order_id = o.order_id
LEFT JOIN (
    SELECT
        order_id,
        count()                            AS refunds,
        sum(amount_minor)                  AS refunded_minor,
        sum(amount_usd_minor)              AS refunded_usd_minor,
        sum(commission_reversed_minor)     AS commission_reversed_minor,
        sum(commission_reversed_usd_minor) AS commission_reversed_usd_minor
    FROM {{ ref('fct_refunds') }} FINAL
    WHERE refunded_at >= {since:DateTime64(3, 'UTC')}
    GROUP BY order_id
) AS r ON r.order_id = o.order_id
