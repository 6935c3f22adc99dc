import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/mail-servers';
import { createSmtpMailer } from './smtp';
import { resetPasswordMessage } from './templates';
import { MailDeliveryError } from './types';

const FROM = 'WatchTogether <no-reply@watchtogether.test>';

describe('SMTP adapter (nodemailer against a real local SMTP server)', () => {
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    smtp = await startSmtpCatcher({
      user: 'mailer',
      pass: 's3cret/pass',
      rejectRecipients: ['gone@example.com'],
    });
  });
  afterAll(async () => smtp.close());
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const message = resetPasswordMessage({
    to: 'ada@example.com',
    displayName: 'Ada <Lovelace>',
    url: 'http://localhost:3000/reset-password?token=tok_456',
  });

  it('delivers the message with the right envelope, headers, text and HTML', async () => {
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    expect(mailer.kind).toBe('smtp');

    await mailer.send(message);

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.user).toBe('mailer');
    expect(mail!.envelope).toEqual({ from: 'no-reply@watchtogether.test', to: ['ada@example.com'] });
    expect(mail!.parsed.from).toMatchObject({
      name: 'WatchTogether',
      address: 'no-reply@watchtogether.test',
    });
    expect(mail!.parsed.to).toEqual([expect.objectContaining({ address: 'ada@example.com' })]);
    expect(mail!.parsed.subject).toBe('Reset your WatchTogether password');
    expect(mail!.parsed.text?.trim()).toBe(message.text.trim());
    expect(mail!.parsed.html?.trim()).toBe(message.html?.trim());
    expect(mail!.parsed.html).toContain('Hi Ada &lt;Lovelace&gt;,');
    expect(mail!.parsed.text?.split(/\r?\n/)).toContain('http://localhost:3000/reset-password?token=tok_456');
  });

  it('sends a text-only message as text/plain', async () => {
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    await mailer.send({ to: 'ada@example.com', subject: 'Just text', text: 'Hello.' });
    expect(smtp.received[0]!.parsed.text?.trim()).toBe('Hello.');
    expect(smtp.received[0]!.parsed.html).toBeUndefined();
  });

  it('turns a rejected recipient into a permanent MailDeliveryError', async () => {
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });

    const error = (await mailer
      .send({ ...message, to: 'gone@example.com' })
      .catch((e: unknown) => e)) as MailDeliveryError;

    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ provider: 'smtp', status: 550, code: 'EENVELOPE', retryable: false });
    expect(error.message).toMatch(
      /^The SMTP server refused "Reset your WatchTogether password" \(550 EENVELOPE\): /,
    );
    expect(smtp.received).toHaveLength(0);
  });

  it('reports wrong credentials without showing them', async () => {
    const url = smtp.url.replace(encodeURIComponent('s3cret/pass'), 'wrong-password-42');
    const mailer = createSmtpMailer({ url, from: FROM });

    const error = (await mailer.send(message).catch((e: unknown) => e)) as MailDeliveryError;

    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ provider: 'smtp', status: 535, code: 'EAUTH', retryable: false });
    expect(error.message).not.toContain('wrong-password-42');
    expect(JSON.stringify(error)).not.toContain('wrong-password-42');
  });

  it('reports an unreachable server as a retryable error', async () => {
    const gone = await startSmtpCatcher();
    await gone.close();
    const mailer = createSmtpMailer({ url: gone.url, from: FROM });

    const error = (await mailer.send(message).catch((e: unknown) => e)) as MailDeliveryError;

    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ provider: 'smtp', status: null, code: 'ESOCKET', retryable: true });
    expect(error.message).toMatch(
      /^The SMTP server could not be reached to send "Reset your WatchTogether password"/,
    );
  });
});
