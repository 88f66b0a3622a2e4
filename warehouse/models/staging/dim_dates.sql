{{ config(materialized='table', engine='MergeTree', order_by='date') }}
-- Grain: one row per calendar day, 2020-01-01 to 2039-12-31 (UTC), with the calendar attributes dashboards use.
SELECT
    toDate('2020-01-01') + number          AS date,
    toMonday(date)                         AS week_start,
    toStartOfMonth(date)                   AS month_start,
    toStartOfQuarter(date)                 AS quarter_start,
    toYear(date)                           AS year,
    toDayOfWeek(date)                      AS day_of_week,
    toDayOfWeek(date) >= 6                 AS is_weekend
FROM numbers(7305)
