import nodemailer from 'nodemailer';
import type { NotificationRow } from './notifications.repository.ts';

export interface EmailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Sends one message; rejects when the SMTP server does not accept it. */
export type SendMail = (message: EmailMessage) => Promise<void>;

/**
 * Nodemailer over SMTP_URL. The timeouts stay well inside the job lease (5 minutes), so a hung server fails the
 * attempt instead of letting a second worker take the job over and send it twice. Query parameters of the URL
 * (e.g. `?socketTimeout=120000`) override them.
 */
export function createSmtpSender(smtpUrl: string): SendMail {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return async (message) => {
    await transport.sendMail(message);
  };
}

/** Contacts first, then admins; each address once, whatever its case. */
export function recipientList(...groups: readonly string[][]): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const address of groups.flat()) {
    const trimmed = address.trim();
    const key = trimmed.toLowerCase();
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    list.push(trimmed);
  }
  return list;
}

/** The e-mail for a notification: the title as subject, the body, and the link as a full URL. */
export function composeEmail(
  row: Pick<NotificationRow, 'title' | 'body' | 'link'>,
  { from, to, publicUrl }: { from: string; to: string[]; publicUrl: string },
): EmailMessage {
  const text = row.link ? `${row.body}\n\n${publicUrl.replace(/\/+$/, '')}${row.link}` : row.body;
  // A header cannot hold a line break; a title with one would end the Subject header early.
  return { from, to, subject: row.title.replace(/[\r\n]+/g, ' ').trim(), text };
}
