{{ config(materialized='refreshable', refresh='EVERY 10 SECOND', engine='MergeTree', order_by='(day, seller_company_id, buyer_country, buyer_city)') }}
-- Grain: day x manufacturer x buyer city. Rebuilt from the deduplicated facts every 10 seconds; the semantic
-- layer serves days before `refreshed_at`'s day from here and later days from the live facts (a lambda view),
-- so it is both fast and current. Category joins the grain with the catalog issue.
SELECT
    toDate(o.placed_at)                 AS day,
    o.seller_company_id                 AS seller_company_id,
    b.country                           AS buyer_country,
    b.city                              AS buyer_city,
    any(g.region)                       AS buyer_region,
    any(g.latitude)                     AS latitude,
    any(g.longitude)                    AS longitude,
    count()                             AS orders,
    sum(o.subtotal_usd_minor)           AS gmv_usd_minor,
    sum(o.units)                        AS units,
    now64(3, 'UTC')                     AS refreshed_at
FROM {{ ref('fct_orders') }} AS o FINAL
LEFT JOIN {{ ref('dim_companies') }} AS b FINAL ON b.company_id = o.buyer_company_id
LEFT JOIN {{ ref('dim_cities') }} AS g ON g.country = b.country AND g.city = b.city
GROUP BY day, seller_company_id, buyer_country, buyer_city
