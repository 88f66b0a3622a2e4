/**
 * The kinds of notification a person can receive, each with its own preferences. A new kind is added here
 * first: preferences and the API's validation read this list, so nobody can store a preference for a kind
 * that does not exist.
 */
import type { CompanyKind } from '../../platform/principal.ts';

export const NOTIFICATION_KINDS = {
  'order.received': 'A retailer placed an order with your company',
  'order.updated':
    'An order your company is part of changed status (accepted, shipped, delivered, cancelled...)',
  'message.received': 'A company you trade with sent your company a message',
  'review.received': 'A buyer reviewed your company and its products',
  'review.replied': 'A manufacturer replied to your company’s review',
  'claim.opened': 'A buyer opened a claim (damaged, missing or wrong items) on one of your company’s orders',
  'claim.updated': 'A claim your company is part of was answered, escalated to Wholesail or withdrawn',
  'claim.resolved': 'A claim your company is part of was resolved (refund, replacement or rejection)',
  'company.verification':
    'Wholesail reviewed your company’s verification (approved, rejected or changes requested)',
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const notificationKinds = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];

/**
 * Which side of a trade can receive each kind, so a person is offered preferences only for what can reach them
 * (a retailer never gets "a retailer placed an order with your company"). Platform staff are offered every kind.
 */
const AUDIENCE: Record<NotificationKind, ReadonlyArray<'manufacturer' | 'retailer'>> = {
  'order.received': ['manufacturer'],
  'order.updated': ['manufacturer', 'retailer'],
  'message.received': ['manufacturer', 'retailer'],
  'review.received': ['manufacturer'],
  'review.replied': ['retailer'],
  'claim.opened': ['manufacturer'],
  'claim.updated': ['manufacturer', 'retailer'],
  'claim.resolved': ['manufacturer', 'retailer'],
  'company.verification': ['manufacturer'],
};

/** The kinds a member of a company of this kind can receive. */
export const notificationKindsFor = (companyKind: CompanyKind): NotificationKind[] =>
  companyKind === 'platform'
    ? notificationKinds
    : notificationKinds.filter((k) => AUDIENCE[k].includes(companyKind));

export const CHANNELS = ['in_app', 'email'] as const;

/** With no stored preference a person gets both: silence is a choice they make, not a default they discover. */
export const DEFAULT_PREFERENCE = { inApp: true, email: true } as const;
