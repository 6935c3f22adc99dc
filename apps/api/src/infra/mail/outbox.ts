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
