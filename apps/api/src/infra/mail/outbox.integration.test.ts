import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { schema } from '@wt/db';
// The database helper straight from @wt/db: test/helpers.ts would also load the whole app.
import { createTestDatabase, type TestDatabase } from '@wt/db/testing';
import { parseEnv } from '../../env';
import { startFakeResend, startSmtpCatcher } from '../../../test/mail-servers';
import { createMailer } from './index';
import { createOutboxMailer, listOutboxMessages } from './outbox';
import { verifyEmailMessage } from './templates';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

function recordingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  return { log, lines };
}

describe('dev outbox adapter', () => {
  it('stores the message with the time of the injected clock', async () => {
    const sentAt = new Date('2030-01-02T03:04:05.000Z');
    const mailer = createOutboxMailer(database.db, () => sentAt);
    const message = verifyEmailMessage({
      to: 'store@example.com',
      displayName: 'Store',
      url: 'http://x/verify?token=t',
    });

    await mailer.send(message);

    const rows = await database.db.select().from(schema.mailOutbox);
    const row = rows.find((r) => r.to === 'store@example.com');
    expect(row).toMatchObject({ subject: message.subject, text: message.text, html: message.html, sentAt });
  });

  it('lists the newest first, filtered by address in any letter case, up to the limit', async () => {
    const mailer = createOutboxMailer(database.db, () => new Date());
    for (const [to, subject] of [
      ['Grace@Example.com', 'first'],
      ['other@example.com', 'other'],
      ['grace@example.com', 'second'],
      ['GRACE@example.com', 'third'],
    ] as const) {
      await mailer.send({ to, subject, text: subject });
    }

    const forGrace = await listOutboxMessages(database.db, { to: 'gRaCe@example.COM', limit: 10 });
    expect(forGrace.map((m) => m.subject)).toEqual(['third', 'second', 'first']);
    expect(forGrace[0]).toMatchObject({ to: 'GRACE@example.com', text: 'third', html: null });
    expect(forGrace[0]!.createdAt).toBeInstanceOf(Date);

    const newestTwo = await listOutboxMessages(database.db, { to: 'grace@example.com', limit: 2 });
    expect(newestTwo.map((m) => m.subject)).toEqual(['third', 'second']);

    const everyone = await listOutboxMessages(database.db, { limit: 100 });
    expect(everyone.map((m) => m.subject).slice(0, 4)).toEqual(['third', 'second', 'other', 'first']);

    expect(await listOutboxMessages(database.db, { to: 'nobody@example.com', limit: 10 })).toEqual([]);
  });
});

describe('createMailer', () => {
  const now = () => new Date();

  it('falls back to the dev outbox and says how to send real mail', async () => {
    const { log, lines } = recordingLogger();
    const mailer = createMailer({ env: parseEnv({ NODE_ENV: 'development' }), db: database.db, now, log });

    expect(mailer.kind).toBe('outbox');
    expect(lines.map((l) => l.msg)).toEqual([
      'mail: dev outbox (set RESEND_API_KEY or SMTP_URL to send real mail)',
    ]);
    await mailer.send({ to: 'fallback@example.com', subject: 'Fallback', text: 'In the outbox' });
    expect(await listOutboxMessages(database.db, { to: 'fallback@example.com', limit: 5 })).toHaveLength(1);
  });

  it('warns when production has no mail provider', () => {
    const { log, lines } = recordingLogger();
    const env = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) });
    expect(createMailer({ env, db: database.db, now, log }).kind).toBe('outbox');
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/^mail: dev outbox in production/) }),
    ]);
  });

  it('sends through Resend at RESEND_BASE_URL when RESEND_API_KEY is set, even with SMTP_URL', async () => {
    const resend = await startFakeResend();
    try {
      const { log, lines } = recordingLogger();
      const env = parseEnv({
        RESEND_API_KEY: resend.apiKey,
        RESEND_BASE_URL: resend.baseUrl,
        SMTP_URL: 'smtp://user:pass@127.0.0.1:1',
        MAIL_FROM: 'WT <hello@watchtogether.test>',
      });
      const mailer = createMailer({ env, db: database.db, now, log });

      expect(mailer.kind).toBe('resend');
      await mailer.send({ to: 'resend@example.com', subject: 'Via Resend', text: 'Hi' });
      expect(resend.requests[0]!.body).toMatchObject({
        from: 'WT <hello@watchtogether.test>',
        to: 'resend@example.com',
      });
      expect(lines.map((l) => l.msg)).toEqual([
        `mail: Resend at ${new URL(resend.baseUrl).host}, from WT <hello@watchtogether.test>`,
      ]);
      expect(JSON.stringify(lines)).not.toContain(resend.apiKey);
      expect(await listOutboxMessages(database.db, { to: 'resend@example.com', limit: 5 })).toEqual([]);
    } finally {
      await resend.close();
    }
  });

  it('sends through SMTP_URL when there is no Resend key, logging no credentials', async () => {
    const smtp = await startSmtpCatcher({ user: 'mailer', pass: 'never-log-me' });
    try {
      const { log, lines } = recordingLogger();
      const mailer = createMailer({ env: parseEnv({ SMTP_URL: smtp.url }), db: database.db, now, log });

      expect(mailer.kind).toBe('smtp');
      await mailer.send({ to: 'smtp@example.com', subject: 'Via SMTP', text: 'Hi' });
      expect(smtp.received.map((m) => m.envelope.to)).toEqual([['smtp@example.com']]);
      expect(lines.map((l) => l.msg)).toEqual([
        `mail: SMTP at smtp://127.0.0.1:${smtp.port}, from WatchTogether <no-reply@watchtogether.local>`,
      ]);
      expect(JSON.stringify(lines)).not.toContain('never-log-me');
    } finally {
      await smtp.close();
    }
  });
});
