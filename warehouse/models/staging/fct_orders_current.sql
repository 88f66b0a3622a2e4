{{ config(materialized='view') }}
-- Grain: one row per placed order at its current status, with its refunds: fct_orders_since from the beginning
-- of time (the formulas for gross and net GMV and net commission live there, once).
SELECT * FROM {{ ref('fct_orders_since') }}(since = toDateTime64(0, 3, 'UTC'))
