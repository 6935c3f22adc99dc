import type { Database } from '@wt/db';
import type { Logger } from 'pino';
import type { Env } from '../../env';
import { createOutboxMailer } from './outbox';
import { createResendMailer, RESEND_DEFAULT_BASE_URL } from './resend';
import { createSmtpMailer } from './smtp';
import type { Mailer } from './types';

export { MailDeliveryError, type Mailer, type MailerKind, type MailMessage } from './types';

export interface CreateMailerDeps {
  env: Pick<Env, 'NODE_ENV' | 'RESEND_API_KEY' | 'RESEND_BASE_URL' | 'SMTP_URL' | 'MAIL_FROM'>;
  db: Database;
  now: () => Date;
  log: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Picks the mail adapter from the environment (DESIGN section 2): Resend when RESEND_API_KEY is set,
 * else SMTP when SMTP_URL is set, else the dev outbox in the database. Logs which one, without secrets.
 */
export function createMailer({ env, db, now, log }: CreateMailerDeps): Mailer {
  if (env.RESEND_API_KEY) {
    const baseUrl = env.RESEND_BASE_URL ?? RESEND_DEFAULT_BASE_URL;
    log.info(`mail: Resend at ${new URL(baseUrl).host}, from ${env.MAIL_FROM}`);
    return createResendMailer({ apiKey: env.RESEND_API_KEY, from: env.MAIL_FROM, baseUrl });
  }
  if (env.SMTP_URL) {
    const { protocol, host } = new URL(env.SMTP_URL);
    log.info(`mail: SMTP at ${protocol}//${host}, from ${env.MAIL_FROM}`);
    return createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM });
  }
  if (env.NODE_ENV === 'production') {
    log.warn(
      'mail: dev outbox in production, so no email leaves this server (set RESEND_API_KEY or SMTP_URL)',
    );
  } else {
    log.info('mail: dev outbox (set RESEND_API_KEY or SMTP_URL to send real mail)');
  }
  return createOutboxMailer(db, now);
}
