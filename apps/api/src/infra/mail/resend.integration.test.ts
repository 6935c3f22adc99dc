import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeResend, type FakeResend } from '../../../test/mail-servers';
import { createResendMailer } from './resend';
import { verifyEmailMessage } from './templates';
import { MailDeliveryError } from './types';

const FROM = 'WatchTogether <no-reply@watchtogether.test>';

describe('Resend adapter (real SDK against a local Resend REST server)', () => {
  let resend: FakeResend;

  beforeAll(async () => {
    resend = await startFakeResend();
  });
  afterAll(async () => resend.close());
  beforeEach(() => {
    resend.requests.length = 0;
  });

  const message = verifyEmailMessage({
    to: 'ada@example.com',
    displayName: 'Ada',
    url: 'http://localhost:3000/verify-email?token=tok_123',
  });

  it('POSTs /emails with the bearer key and the whole message', async () => {
    const mailer = createResendMailer({ apiKey: resend.apiKey, from: FROM, baseUrl: resend.baseUrl });
    expect(mailer.kind).toBe('resend');

    await mailer.send(message);

    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/emails');
    expect(request!.headers.authorization).toBe(`Bearer ${resend.apiKey}`);
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    expect(request!.body).toMatchObject({
      from: FROM,
      to: 'ada@example.com',
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  });

  it('tolerates a trailing slash on the base URL', async () => {
    const mailer = createResendMailer({ apiKey: resend.apiKey, from: FROM, baseUrl: `${resend.baseUrl}/` });
    await mailer.send({ to: 'ada@example.com', subject: 'Plain', text: 'Only text' });
    expect(resend.requests.map((r) => r.path)).toEqual(['/emails']);
    expect(resend.requests[0]!.body).not.toHaveProperty('html');
  });

  it('turns a 422 into a MailDeliveryError that is not worth retrying', async () => {
    const mailer = createResendMailer({ apiKey: resend.apiKey, from: FROM, baseUrl: resend.baseUrl });
    resend.failNext(
      422,
      'validation_error',
      'Invalid `to` field. The email address needs to follow the `email@example.com` format.',
    );

    const error = await mailer.send(message).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({
      provider: 'resend',
      status: 422,
      code: 'validation_error',
      retryable: false,
    });
    expect((error as Error).message).toBe(
      `Resend refused "${message.subject}" (422 validation_error): Invalid \`to\` field. The email address needs to follow the \`email@example.com\` format.`,
    );
  });

  it('reports a wrong API key without ever showing a key', async () => {
    const wrongKey = 're_wrong_key_987654321';
    const mailer = createResendMailer({ apiKey: wrongKey, from: FROM, baseUrl: resend.baseUrl });

    const error = (await mailer.send(message).catch((e: unknown) => e)) as MailDeliveryError;

    expect(resend.requests[0]!.headers.authorization).toBe(`Bearer ${wrongKey}`);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ status: 403, code: 'invalid_api_key', retryable: false });
    expect(error.message).toContain('API key is invalid');
    expect(error.message).not.toContain(wrongKey);
    expect(JSON.stringify(error)).not.toContain(wrongKey);
  });

  it('cuts the key out of an error message that echoes it', async () => {
    const mailer = createResendMailer({ apiKey: resend.apiKey, from: FROM, baseUrl: resend.baseUrl });
    resend.failNext(401, 'restricted_api_key', `The key ${resend.apiKey} can only read.`);

    const error = (await mailer.send(message).catch((e: unknown) => e)) as MailDeliveryError;

    expect(error.status).toBe(401);
    expect(error.message).toContain('The key [redacted] can only read.');
    expect(error.message).not.toContain(resend.apiKey);
  });

  it('marks rate limiting and Resend outages as retryable', async () => {
    const mailer = createResendMailer({ apiKey: resend.apiKey, from: FROM, baseUrl: resend.baseUrl });
    resend.failNext(
      429,
      'rate_limit_exceeded',
      'Too many requests. You can only make 2 requests per second.',
    );
    await expect(mailer.send(message)).rejects.toMatchObject({ status: 429, retryable: true });
    resend.failNext(500, 'internal_server_error', 'An unexpected error occurred.');
    await expect(mailer.send(message)).rejects.toMatchObject({ status: 500, retryable: true });
  });

  it('reports an unreachable Resend as a retryable error', async () => {
    const gone = await startFakeResend();
    await gone.close();
    const mailer = createResendMailer({ apiKey: gone.apiKey, from: FROM, baseUrl: gone.baseUrl });

    const error = (await mailer.send(message).catch((e: unknown) => e)) as MailDeliveryError;

    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ provider: 'resend', status: null, retryable: true });
    expect(error.message).toMatch(
      /^Resend could not be reached to send "Confirm your email for WatchTogether"/,
    );
  });
});
