/** Reads the emails the platform wrote into `<DATA_DIR>/mail-outbox/`, as a person would open them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mailOutboxDir } from '../../marketplace/notifications/mailer.ts';

export interface ReadEmail {
  file: string;
  to: string;
  subject: string;
  text: string;
  /** The first link in the body, if any. */
  link?: URL;
}

export function emailsTo(dataDir: string, to: string): ReadEmail[] {
  const folder = mailOutboxDir(dataDir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(folder, file), 'utf8');
      const [head = '', ...body] = raw.split('\r\n\r\n');
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1] ?? '';
      const text = body.join('\r\n\r\n');
      const href = /https?:\/\/\S+/.exec(text)?.[0];
      return {
        file,
        to: header('To'),
        subject: header('Subject'),
        text,
        link: href ? new URL(href) : undefined,
      };
    })
    .filter((m) => m.to.toLowerCase() === to.toLowerCase());
}

/** The newest email to `to`; fails the test when there is none. */
export function lastEmailTo(dataDir: string, to: string): ReadEmail & { link: URL } {
  const mail = emailsTo(dataDir, to).at(-1);
  if (!mail) throw new Error(`no email to ${to} in ${mailOutboxDir(dataDir)}`);
  if (!mail.link) throw new Error(`the email "${mail.subject}" to ${to} has no link`);
  return mail as ReadEmail & { link: URL };
}
