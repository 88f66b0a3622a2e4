/**
 * The mail port. SMTP (through nodemailer) when SMTP_URL is configured; otherwise every email is written as an
 * .eml file into `<DATA_DIR>/mail-outbox/`, so a person running Wholesail locally can open it and click its link.
 * Emails are plain text; the file is a valid RFC 5322 message any mail program opens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../../platform/logger.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** Files sent with the message (an invoice PDF); the text stays the body. */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Mailer {
  send(email: Email): Promise<void>;
  /** Where mail goes, for the start-up log: an SMTP host or the outbox folder. */
  readonly destination: string;
}

export function createMailer(options: {
  smtpUrl?: string;
  from: string;
  dataDir: string;
  logger: Logger;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      destination: `smtp://${new URL(options.smtpUrl).host}`,
      async send(email) {
        await transport.sendMail({ from: options.from, ...email });
      },
    };
  }
  return createFolderMailer(path.join(options.dataDir, 'mail-outbox'), options.from, options.logger);
}

export const mailOutboxDir = (dataDir: string) => path.join(dataDir, 'mail-outbox');

let sequence = 0;

export function createFolderMailer(folder: string, from: string, logger?: Logger): Mailer {
  return {
    destination: folder,
    async send(email) {
      if (email.attachments?.length) return writeWithAttachments(folder, from, email, logger);
      mkdirSync(folder, { recursive: true });
      const now = new Date();
      const stamp = now.toISOString().replace(/[:.]/g, '-');
      const slug = `${email.to}-${email.subject}`.replace(/[^a-zA-Z0-9@.-]+/g, '_').slice(0, 80);
      const file = path.join(folder, `${stamp}-${String(++sequence).padStart(4, '0')}-${slug}.eml`);
      const message = [
        `From: ${from}`,
        `To: ${email.to}`,
        `Subject: ${email.subject}`,
        `Date: ${now.toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        email.text,
        '',
      ].join('\r\n');
      writeFileSync(file, message, { mode: 0o600 });
      logger?.info({ to: email.to, subject: email.subject, file }, 'email written to the mail outbox');
    },
  };
}

const outboxFile = (folder: string, email: Email, now: Date) => {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const slug = `${email.to}-${email.subject}`.replace(/[^a-zA-Z0-9@.-]+/g, '_').slice(0, 80);
  return path.join(folder, `${stamp}-${String(++sequence).padStart(4, '0')}-${slug}.eml`);
};

/**
 * A message with files is multipart MIME; nodemailer's own composer writes it (boundaries, base64, headers), the
 * same bytes SMTP would carry. Plain messages keep the simple format above, which people and tests read as is.
 */
async function writeWithAttachments(folder: string, from: string, email: Email, logger?: Logger) {
  mkdirSync(folder, { recursive: true });
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const now = new Date();
  const info = await composer.sendMail({ from, date: now, ...email });
  const file = outboxFile(folder, email, now);
  writeFileSync(file, info.message as Buffer, { mode: 0o600 });
  logger?.info(
    { to: email.to, subject: email.subject, file, attachments: email.attachments?.length },
    'email written to the mail outbox',
  );
}
