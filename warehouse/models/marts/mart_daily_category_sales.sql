{{ config(materialized='refreshable', refresh='EVERY 5 MINUTE', engine='MergeTree', order_by='(day, category_path)') }}
-- Grain: day the orders were placed x category (the product's category when the order was placed; '' for lines
-- without one). Units, line revenue, commission, and cost and margin over the lines whose unit cost is known
-- (with those lines' revenue, so margin % compares like with like). Like mart_daily_gmv, the semantic layer
-- serves days before `refreshed_at`'s day from here and later days from fct_order_lines. A line never changes
-- once placed (category and cost are fixed then; nothing is netted), so an older refresh only means the live
-- part reads more days; only an event for an earlier day that lands after a refresh (late or replayed) waits
-- for the next one. Hence a refresh every 5 minutes rather than every 10 seconds: it scans every line.
-- Platform-wide only: a manufacturer's own category figures come from fct_order_lines, which is
-- sorted by manufacturer (a day x manufacturer x category grain would keep almost every line and save nothing).
SELECT
    toDate(placed_at)                   AS day,
    category_path                       AS category_path,
    any(category_id)                    AS category_id,
    any(category_name)                  AS category_name,
    any(category_name_path)             AS category_name_path,
    any(category_l1)                    AS category_l1,
    any(category_l1_name)               AS category_l1_name,
    any(category_l2)                    AS category_l2,
    any(category_l2_name)               AS category_l2_name,
    count()                             AS lines,
    sum(quantity)                       AS units,
    sum(line_total_usd_minor)           AS revenue_usd_minor,
    sum(commission_usd_minor)           AS commission_usd_minor,
    countIf(has_cost)                   AS lines_with_cost,
    sumIf(line_total_usd_minor, has_cost) AS revenue_with_cost_usd_minor,
    sumIf(assumeNotNull(cost_usd_minor), has_cost)   AS cost_usd_minor,
    sumIf(assumeNotNull(margin_usd_minor), has_cost) AS margin_usd_minor,
    now64(3, 'UTC')                     AS refreshed_at
FROM {{ ref('fct_order_lines') }} FINAL
GROUP BY day, category_path
