{{ config(materialized='materialized_view', engine='ReplacingMergeTree(row_version)', order_by='refund_id', partition_by='toYYYYMM(refunded_at)') }}
-- Grain: one row per refund that went through (order.refunded is only written once the payment provider
-- accepted it). Amounts in the order's currency and in USD at the order's rate, as the marketplace computed them,
-- with the commission each refund took back; `full` marks the refund that brought the order to zero.
SELECT
    JSONExtractString(payload, 'refundId')                                 AS refund_id,
    JSONExtractString(payload, 'orderId')                                  AS order_id,
    JSONExtractString(payload, 'buyerCompanyId')                           AS buyer_company_id,
    JSONExtractString(payload, 'sellerCompanyId')                          AS seller_company_id,
    CAST(JSONExtractString(payload, 'currency') AS LowCardinality(String)) AS currency,
    JSONExtractInt(payload, 'amountMinor')                                 AS amount_minor,
    JSONExtractInt(payload, 'amountUsdMinor')                              AS amount_usd_minor,
    toDecimal64(JSONExtractString(payload, 'fxRate'), 8)                   AS fx_rate,
    JSONExtractInt(payload, 'commissionReversedMinor')                     AS commission_reversed_minor,
    JSONExtractInt(payload, 'commissionReversedUsdMinor')                  AS commission_reversed_usd_minor,
    JSONExtractBool(payload, 'full')                                       AS full,
    JSONExtractString(payload, 'reason')                                   AS reason,
    parseDateTime64BestEffort(JSONExtractString(payload, 'refundedAt'), 3, 'UTC') AS refunded_at,
    toUInt64(toUnixTimestamp64Milli(occurred_at))                          AS row_version
FROM {{ source('wholesail', 'events_raw') }}
WHERE type = 'order.refunded' AND version = 1
