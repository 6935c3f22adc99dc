import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { devOutboxResponse } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { verifyEmailMessage } from '../../infra/mail/templates';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('GET /api/dev/outbox', () => {
  it('shows what the app mailer sent, newest first, filtered by address in any case', async () => {
    expect(app.services.mailer.kind).toBe('outbox');
    const first = verifyEmailMessage({
      to: 'dev@example.com',
      displayName: 'Dev',
      url: 'http://localhost:3000/verify-email?token=one',
    });
    await app.services.mailer.send(first);
    await app.services.mailer.send({ to: 'someone@example.com', subject: 'Other', text: 'Not for dev' });
    await app.services.mailer.send({ to: 'Dev@Example.com', subject: 'Second', text: 'Newer' });

    const res = await app.inject({ method: 'GET', url: '/api/dev/outbox?to=DEV@example.com' });

    expect(res.statusCode).toBe(200);
    const body = devOutboxResponse.parse(res.json());
    expect(body.messages.map((m) => m.subject)).toEqual(['Second', first.subject]);
    const oldest = body.messages[1]!;
    expect(oldest).toEqual({
      id: expect.any(String),
      to: 'dev@example.com',
      subject: first.subject,
      text: first.text,
      html: first.html,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(body.messages[0]!.html).toBeNull();
  });

  it('lists every address without `to` (or with an empty one) and honours limit', async () => {
    const all = devOutboxResponse.parse((await app.inject({ method: 'GET', url: '/api/dev/outbox' })).json());
    expect(all.messages.map((m) => m.subject)).toEqual([
      'Second',
      'Other',
      expect.stringMatching(/^Confirm your email/),
    ]);

    const limited = devOutboxResponse.parse(
      (await app.inject({ method: 'GET', url: '/api/dev/outbox?to=&limit=1' })).json(),
    );
    expect(limited.messages.map((m) => m.subject)).toEqual(['Second']);
  });

  it('answers 400 with a sentence per invalid filter', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dev/outbox?to=not-an-email&limit=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the outbox filter and try again.',
        fields: {
          to: 'Enter a valid email address, like name@example.com.',
          limit: 'Ask for between 1 and 100 messages.',
        },
      },
    });
  });
});

describe('GET /api/dev/outbox in production', () => {
  it('answers 404 as if the outbox did not exist', async () => {
    const prodApp = await buildTestApp(database, { NODE_ENV: 'production', AUTH_SECRET: 'p'.repeat(40) });
    try {
      const res = await prodApp.inject({ method: 'GET', url: '/api/dev/outbox?to=dev@example.com' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'The dev outbox exists only in development.' },
      });
    } finally {
      await prodApp.close();
    }
  });
});
