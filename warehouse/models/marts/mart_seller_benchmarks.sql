{{ config(materialized='refreshable', refresh='EVERY 60 SECOND', engine='MergeTree', order_by='(month, seller_company_id)') }}
-- Grain: month x manufacturer. Each manufacturer's own figures next to the percentile bands of its peer group
-- (manufacturers in the same region; category joins the group with the catalog issue). Bands are figures of
-- the group, never of one peer, and are withheld (NULL) unless the group has at least five peers besides the
-- manufacturer itself. Bands are rounded to whole dollars so a small group cannot give a peer's exact figure.
WITH seller_month AS (
    SELECT
        toStartOfMonth(o.placed_at)          AS month,
        o.seller_company_id                  AS seller_company_id,
        ifNull(any(g.region), 'Unknown')     AS peer_group,
        sum(o.subtotal_usd_minor)            AS gmv_usd_minor,
        count()                              AS orders,
        uniqExact(o.buyer_company_id)        AS buyers
    FROM {{ ref('fct_orders') }} AS o FINAL
    LEFT JOIN {{ ref('dim_companies') }} AS s FINAL ON s.company_id = o.seller_company_id
    LEFT JOIN {{ ref('dim_cities') }} AS g ON g.country = s.country AND g.city = s.city
    GROUP BY month, seller_company_id
),
bands AS (
    SELECT
        month,
        peer_group,
        count() AS sellers,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9)(gmv_usd_minor) AS gmv_q,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9)(orders)        AS orders_q,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9)(gmv_usd_minor / orders) AS aov_q
    FROM seller_month
    GROUP BY month, peer_group
)
SELECT
    m.month                                   AS month,
    m.seller_company_id                       AS seller_company_id,
    m.peer_group                              AS peer_group,
    m.gmv_usd_minor                           AS gmv_usd_minor,
    m.orders                                  AS orders,
    m.buyers                                  AS buyers,
    toInt64(round(m.gmv_usd_minor / m.orders)) AS aov_usd_minor,
    toUInt32(b.sellers - 1)                   AS peers,
    b.sellers - 1 >= 5                        AS bands_shown,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[1], -2))), NULL) AS peer_gmv_p25,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[2], -2))), NULL) AS peer_gmv_p50,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[3], -2))), NULL) AS peer_gmv_p75,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[4], -2))), NULL) AS peer_gmv_p90,
    if(bands_shown, toNullable(round(b.orders_q[2])), NULL)           AS peer_orders_p50,
    if(bands_shown, toNullable(toInt64(round(b.aov_q[2], -2))), NULL) AS peer_aov_p50
FROM seller_month AS m
INNER JOIN bands AS b ON b.month = m.month AND b.peer_group = m.peer_group
