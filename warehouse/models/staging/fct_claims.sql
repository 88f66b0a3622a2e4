{{ config(materialized='refreshable', refresh='EVERY 10 SECOND', engine='MergeTree', order_by='claim_id') }}
-- Grain: one row per claim, at its latest step, folded from its claim.* events. A claim only moves forward
-- (open -> seller_responded -> escalated -> resolved | withdrawn), so its status is its furthest step. Amounts are
-- what a resolution refunded (the refund itself is in fct_refunds); a claim not yet answered has no currency.
-- Recomputed every 10 seconds: claims are few, and folding several event shapes needs a GROUP BY.
SELECT
    JSONExtractString(payload, 'claimId')                                              AS claim_id,
    any(JSONExtractString(payload, 'orderId'))                                         AS order_id,
    any(JSONExtractString(payload, 'buyerCompanyId'))                                  AS buyer_company_id,
    any(JSONExtractString(payload, 'sellerCompanyId'))                                 AS seller_company_id,
    any(JSONExtractString(payload, 'type'))                                            AS claim_type,
    ['open', 'seller_responded', 'escalated', 'resolved', 'withdrawn'][
        max(indexOf(['claim.opened', 'claim.responded', 'claim.escalated', 'claim.resolved', 'claim.withdrawn'], type))
    ]                                                                                  AS status,
    anyIf(JSONExtractString(payload, 'requestedOutcome'), type = 'claim.opened')       AS requested_outcome,
    anyIf(JSONExtractString(payload, 'response'), type = 'claim.responded')            AS response,
    anyIf(JSONExtractString(payload, 'outcome'), type = 'claim.resolved')              AS outcome,
    anyIf(JSONExtractString(payload, 'resolvedBy'), type = 'claim.resolved')           AS resolved_by,
    anyIf(JSONExtractString(payload, 'currency'), JSONExtractString(payload, 'currency') != '') AS currency,
    sumIf(JSONExtractInt(payload, 'refundedMinor'), type = 'claim.resolved')           AS refunded_minor,
    sumIf(JSONExtractInt(payload, 'refundedUsdMinor'), type = 'claim.resolved')        AS refunded_usd_minor,
    minIf(occurred_at, type = 'claim.opened')                                          AS opened_at,
    minOrNullIf(occurred_at, type IN ('claim.resolved', 'claim.withdrawn'))            AS closed_at,
    countIf(type = 'claim.escalated') > 0                                              AS escalated
FROM {{ source('wholesail', 'events_raw') }} FINAL
WHERE type LIKE 'claim.%' AND version = 1
GROUP BY claim_id
