{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='(seller_company_id, variant_id, location_id, moved_at, movement_id)', partition_by='toYYYYMM(moved_at)') }}
-- Grain: one row per stock movement (product.inventory_moved carries one or more per product): the change to
-- on-hand and reserved units at one warehouse location, and the levels it left there. Movement ids are UUIDv7,
-- time-ordered as text, so (moved_at, movement_id) orders a variant's movements at a location as they happened.
-- Kinds: receipt and adjustment (stock counted in or out), reservation and release (held for an unpaid card
-- order, then let go), sale (on hand down when an order is placed), cancellation (a sale's units back).
SELECT
    JSONExtractString(m, 'movementId')                                     AS movement_id,
    JSONExtractString(payload, 'productId')                                AS product_id,
    JSONExtractString(payload, 'sellerCompanyId')                          AS seller_company_id,
    JSONExtractString(m, 'variantId')                                      AS variant_id,
    JSONExtractString(m, 'sku')                                            AS sku,
    JSONExtractString(m, 'locationId')                                     AS location_id,
    CAST(JSONExtractString(m, 'kind') AS LowCardinality(String))           AS kind,
    JSONExtractInt(m, 'onHandDelta')                                       AS on_hand_delta,
    JSONExtractInt(m, 'reservedDelta')                                     AS reserved_delta,
    JSONExtractInt(m, 'onHand')                                            AS on_hand,
    JSONExtractInt(m, 'reserved')                                          AS reserved,
    occurred_at                                                            AS moved_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
ARRAY JOIN JSONExtractArrayRaw(payload, 'movements') AS m
WHERE type = 'product.inventory_moved' AND version = 1
