{{ config(materialized='refreshable', refresh='EVERY 1 MINUTE', engine='MergeTree', order_by='(seller_company_id, product_id, variant_id, day)', partition_by='toYYYYMM(day)') }}
-- Grain: one row per variant and day (UTC), from the variant's first stock movement to today, over all its
-- warehouse locations: units on hand at the end of the day, units in (receipts, positive adjustments,
-- cancellations) and out (sales, negative adjustments) that day, and net units sold (sales less cancellations).
-- Days without a movement carry the last known level forward, so "on hand on day D" is always one row.
-- Rebuilt every minute from the deduplicated movements; today's row is as current as the last refresh.
-- Cost: each (variant, location) expands to one row per day since its first movement, looking up its last level
-- at or before that day in its own (short) array of movement days.
WITH per_location_day AS (
    SELECT
        seller_company_id,
        product_id,
        variant_id,
        location_id,
        any(sku)                                                       AS sku,
        toDate(moved_at)                                               AS day,
        argMax(on_hand, (moved_at, movement_id))                       AS on_hand_end,
        toUInt64(sumIf(on_hand_delta, on_hand_delta > 0))              AS units_in,
        toUInt64(-sumIf(on_hand_delta, on_hand_delta < 0))             AS units_out,
        -sumIf(on_hand_delta, kind IN ('sale', 'cancellation'))        AS units_sold
    FROM {{ ref('fct_inventory_movements') }} FINAL
    GROUP BY seller_company_id, product_id, variant_id, location_id, day
),
per_location AS (
    SELECT
        seller_company_id,
        product_id,
        variant_id,
        location_id,
        any(sku)                                                       AS sku,
        arraySort(groupArray((day, on_hand_end, units_in, units_out, units_sold))) AS history
    FROM per_location_day
    GROUP BY seller_company_id, product_id, variant_id, location_id
),
filled AS (
    SELECT
        seller_company_id,
        product_id,
        variant_id,
        location_id,
        sku,
        arrayJoin(arrayMap(n -> history[1].1 + n,
                           range(toUInt32(greatest(dateDiff('day', history[1].1, toDate(now('UTC'))), 0) + 1)))) AS day,
        arrayLastIndex(h -> h.1 <= day, history)                       AS last_index,
        history[last_index].2                                          AS on_hand_end,
        if(history[last_index].1 = day, history[last_index].3, 0)      AS units_in,
        if(history[last_index].1 = day, history[last_index].4, 0)      AS units_out,
        if(history[last_index].1 = day, history[last_index].5, 0)      AS units_sold
    FROM per_location
)
SELECT
    seller_company_id,
    product_id,
    variant_id,
    any(sku)                                                           AS sku,
    day,
    toInt64(sum(on_hand_end))                                          AS on_hand,
    toUInt64(sum(units_in))                                            AS units_in,
    toUInt64(sum(units_out))                                           AS units_out,
    toInt64(sum(units_sold))                                           AS units_sold,
    now64(3, 'UTC')                                                    AS refreshed_at
FROM filled
GROUP BY seller_company_id, product_id, variant_id, day
