/**
 * `notify(tx, ...)`: the one way a domain change tells people about itself. It runs inside the caller's
 * transaction, so the in-app notifications commit (or roll back) with the change that caused them. Emails cannot
 * be rolled back, so `notify` only returns them; the caller hands them to `sendEmails` after the commit. A crash
 * between commit and send loses those emails (the in-app notification stays): acceptable for notices, and the
 * place to add a durable mail queue if that ever stops being true.
 */
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Permission } from '../../platform/principal.ts';
import type { Database } from '../db/schema.ts';
import { effectivePermissions } from '../identity/roles.ts';
import { notificationEmail } from './emails.ts';
import { DEFAULT_PREFERENCE, type NotificationKind } from './kinds.ts';
import type { Email, Mailer } from './mailer.ts';

export interface NotificationContent {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside the web app (`/messages/<id>`), made absolute in emails. */
  link: string | null;
}

/** Who hears about it: named people, or every member of a company holding a permission. */
export type Audience =
  | { userIds: string[]; exceptUserId?: string }
  | { companyId: string; permission: Permission; exceptUserId?: string };

/** What `notify` wrote, and the emails still to send once the transaction has committed. */
export interface Delivery {
  notificationIds: string[];
  emails: Email[];
}

export const nothingToDeliver: Delivery = { notificationIds: [], emails: [] };

/** A role no template knows (data from an older release) holds nothing: it must not fail the sender's request. */
function holds(
  user: { company_kind: 'manufacturer' | 'retailer' | 'platform'; role: string; email_verified_at: unknown },
  permission: Permission,
): boolean {
  try {
    return effectivePermissions(user.company_kind, user.role, user.email_verified_at !== null).includes(
      permission,
    );
  } catch {
    return false;
  }
}

export function createNotifier(deps: { mailer: Mailer; clock: Clock; publicUrl: string; logger?: Logger }) {
  const { mailer, clock, publicUrl, logger } = deps;

  /** Active people in active companies, with their preference for this kind (defaults where none is stored). */
  async function recipients(tx: Transaction<Database>, audience: Audience, kind: NotificationKind) {
    let query = tx
      .selectFrom('users as u')
      .innerJoin('companies as c', 'c.id', 'u.company_id')
      .leftJoin('notification_preferences as p', (join) =>
        join.onRef('p.user_id', '=', 'u.id').on('p.kind', '=', kind),
      )
      .select([
        'u.id',
        'u.email',
        'u.role',
        'u.email_verified_at',
        'c.kind as company_kind',
        'p.in_app',
        'p.email as by_email',
      ])
      .where('u.status', '=', 'active')
      .where('c.status', '=', 'active');
    if ('userIds' in audience) {
      if (audience.userIds.length === 0) return [];
      query = query.where('u.id', 'in', audience.userIds);
    } else {
      query = query.where('u.company_id', '=', audience.companyId);
    }
    if (audience.exceptUserId) query = query.where('u.id', '<>', audience.exceptUserId);
    const rows = await query.orderBy('u.id').execute();
    return rows
      .filter((r) => 'userIds' in audience || holds(r, audience.permission))
      .map((r) => ({
        userId: r.id,
        email: r.email,
        // An address nobody has confirmed may belong to someone else: it gets no mail about company business.
        emailVerified: r.email_verified_at !== null,
        inApp: r.in_app ?? DEFAULT_PREFERENCE.inApp,
        byEmail: r.by_email ?? DEFAULT_PREFERENCE.email,
      }));
  }

  async function notify(
    tx: Transaction<Database>,
    audience: Audience,
    content: NotificationContent,
  ): Promise<Delivery> {
    const people = await recipients(tx, audience, content.kind);
    const createdAt = clock.now();
    const rows = people
      .filter((p) => p.inApp)
      .map((p) => ({
        id: newId(),
        user_id: p.userId,
        kind: content.kind,
        title: content.title,
        body: content.body,
        link: content.link,
        created_at: createdAt,
        read_at: null,
      }));
    if (rows.length > 0) await tx.insertInto('notifications').values(rows).execute();
    const emails = people
      .filter((p) => p.byEmail && p.emailVerified)
      .map((p) => notificationEmail(p.email, content, publicUrl));
    return { notificationIds: rows.map((r) => r.id), emails };
  }

  /** After the commit. A mail server that is down must not undo or fail what already happened: log and go on. */
  async function sendEmails(delivery: Delivery): Promise<void> {
    for (const email of delivery.emails) {
      try {
        await mailer.send(email);
      } catch (err) {
        logger?.warn({ err, subject: email.subject }, 'notification email not sent');
      }
    }
  }

  return { notify, sendEmails };
}

export type Notifier = ReturnType<typeof createNotifier>;
