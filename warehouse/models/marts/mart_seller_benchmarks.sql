{{ config(materialized='refreshable', refresh='EVERY 60 SECOND', engine='MergeTree', order_by='(month, seller_company_id)') }}
-- Grain: month x manufacturer. Each manufacturer's own figures next to the percentile bands of its peer group:
-- manufacturers in the same region with the same main category, i.e. the top-level category of the catalog in
-- which it sold the most (gross GMV of its order lines, all time; ties to the first slug). Finer categories
-- would leave most groups under five peers. Where that group has fewer than five peers besides the
-- manufacturer (or it has no categorised sales), its peers are its whole region instead, and the group is named
-- by the region alone: a comparison with the region beats none.
-- Bands are figures of the group, never of one peer, and are withheld (NULL) unless the group has at least
-- five peers besides the manufacturer itself. Bands are rounded to whole dollars so a small group cannot give
-- a peer's exact figure. Gross and net GMV (cancellations and refunds out, as in fct_orders_current) both have
-- bands.
WITH main_category AS (
    SELECT
        seller_company_id,
        argMax(l1, (gmv_usd_minor, l1))      AS category_l1,
        argMax(l1_name, (gmv_usd_minor, l1)) AS category_l1_name
    FROM (
        SELECT seller_company_id, category_l1 AS l1, any(category_l1_name) AS l1_name,
               sum(line_total_usd_minor) AS gmv_usd_minor
        FROM {{ ref('fct_order_lines') }} FINAL
        WHERE category_l1 != ''
        GROUP BY seller_company_id, l1
    )
    GROUP BY seller_company_id
),
seller_month AS (
    SELECT
        toStartOfMonth(o.placed_at)          AS month,
        o.seller_company_id                  AS seller_company_id,
        ifNull(any(g.region), 'Unknown')     AS peer_region,
        any(mc.category_l1)                  AS main_category,
        any(mc.category_l1_name)             AS main_category_name,
        sum(o.subtotal_usd_minor)            AS gmv_usd_minor,
        sum(o.net_gmv_usd_minor)             AS net_gmv_usd_minor,
        count()                              AS orders,
        uniqExact(o.buyer_company_id)        AS buyers
    FROM {{ ref('fct_orders_current') }} AS o
    LEFT JOIN {{ ref('dim_companies') }} AS s FINAL ON s.company_id = o.seller_company_id
    LEFT JOIN {{ ref('dim_cities') }} AS g ON g.country = s.country AND g.city = s.city
    LEFT JOIN main_category AS mc ON mc.seller_company_id = o.seller_company_id
    GROUP BY month, seller_company_id
),
-- The bands of every category-and-region group, and of every whole region (category '' below).
bands AS (
    SELECT
        month,
        peer_region,
        if(by_region, '', main_category) AS group_category,
        count() AS sellers,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9)(gmv_usd_minor)     AS gmv_q,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9)(net_gmv_usd_minor) AS net_gmv_q,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9)(orders)            AS orders_q,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9)(gmv_usd_minor / orders) AS aov_q
    FROM seller_month
    ARRAY JOIN [false, true] AS by_region
    WHERE by_region OR main_category != ''
    GROUP BY month, peer_region, group_category
),
-- Each manufacturer's group: its category's in its region when that has five peers, else its region's.
grouped AS (
    SELECT m.*, if(c.sellers - 1 >= 5, m.main_category, '') AS group_category
    FROM seller_month AS m
    LEFT JOIN bands AS c
        ON c.month = m.month AND c.peer_region = m.peer_region AND c.group_category = m.main_category
           AND m.main_category != ''
)
SELECT
    m.month                                   AS month,
    m.seller_company_id                       AS seller_company_id,
    if(m.group_category = '', m.peer_region, concat(m.main_category_name, ' in ', m.peer_region)) AS peer_group,
    m.peer_region                             AS peer_region,
    m.group_category                          AS peer_category,
    if(m.group_category = '', '', m.main_category_name) AS peer_category_name,
    m.main_category                           AS main_category,
    m.main_category_name                      AS main_category_name,
    m.gmv_usd_minor                           AS gmv_usd_minor,
    m.net_gmv_usd_minor                       AS net_gmv_usd_minor,
    m.orders                                  AS orders,
    m.buyers                                  AS buyers,
    toInt64(round(m.gmv_usd_minor / m.orders)) AS aov_usd_minor,
    toUInt32(b.sellers - 1)                   AS peers,
    b.sellers - 1 >= 5                        AS bands_shown,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[1], -2))), NULL) AS peer_gmv_p25,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[2], -2))), NULL) AS peer_gmv_p50,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[3], -2))), NULL) AS peer_gmv_p75,
    if(bands_shown, toNullable(toInt64(round(b.gmv_q[4], -2))), NULL) AS peer_gmv_p90,
    if(bands_shown, toNullable(toInt64(round(b.net_gmv_q[1], -2))), NULL) AS peer_net_gmv_p25,
    if(bands_shown, toNullable(toInt64(round(b.net_gmv_q[2], -2))), NULL) AS peer_net_gmv_p50,
    if(bands_shown, toNullable(toInt64(round(b.net_gmv_q[3], -2))), NULL) AS peer_net_gmv_p75,
    if(bands_shown, toNullable(toInt64(round(b.net_gmv_q[4], -2))), NULL) AS peer_net_gmv_p90,
    if(bands_shown, toNullable(round(b.orders_q[2])), NULL)           AS peer_orders_p50,
    if(bands_shown, toNullable(toInt64(round(b.aov_q[2], -2))), NULL) AS peer_aov_p50
FROM grouped AS m
INNER JOIN bands AS b
    ON b.month = m.month AND b.peer_region = m.peer_region AND b.group_category = m.group_category
