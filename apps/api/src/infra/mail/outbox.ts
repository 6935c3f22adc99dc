import { desc, eq, sql } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import type { Mailer, MailMessage } from './types';

/**
 * The offline default: mail is written to mail_outbox and shown on the dev outbox page, so a newcomer
 * can verify an email or reset a password with no mail provider at all.
 */
export function createOutboxMailer(db: Database, now: () => Date): Mailer {
  return {
    kind: 'outbox',
    async send(message: MailMessage) {
      await db.insert(schema.mailOutbox).values({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        sentAt: now(),
      });
    },
  };
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
}

/** The newest messages in the outbox, optionally only those to one address (any letter case). */
export async function listOutboxMessages(
  db: Database,
  filter: { to?: string | undefined; limit: number },
): Promise<OutboxMessage[]> {
  const t = schema.mailOutbox;
  return db
    .select({ id: t.id, to: t.to, subject: t.subject, text: t.text, html: t.html, createdAt: t.createdAt })
    .from(t)
    .where(filter.to === undefined ? undefined : eq(sql`lower(${t.to})`, filter.to.toLowerCase()))
    .orderBy(desc(t.createdAt))
    .limit(filter.limit);
}
