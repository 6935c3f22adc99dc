import { Resend } from 'resend';
import { MailDeliveryError, type Mailer, type MailMessage } from './types';

export const RESEND_DEFAULT_BASE_URL = 'https://api.resend.com';

export interface ResendMailerOptions {
  apiKey: string;
  from: string;
  /** Another Resend-compatible endpoint (tests run a local one); defaults to the real API. */
  baseUrl?: string;
}

/**
 * Sends through the official Resend SDK. The base URL is passed to the constructor (`baseUrl`
 * option): left out, the SDK would read process.env.RESEND_BASE_URL itself, and only env.ts reads
 * the environment here.
 */
export function createResendMailer(options: ResendMailerOptions): Mailer {
  const baseUrl = (options.baseUrl ?? RESEND_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const client = new Resend(options.apiKey, { baseUrl });
  return {
    kind: 'resend',
    async send(message: MailMessage) {
      const { error } = await client.emails.send({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
      });
      if (!error) return;
      // Resend's messages never echo the key, but a proxy or a future version might: strip it anyway.
      const detail = error.message.split(options.apiKey).join('[redacted]');
      const status = error.statusCode;
      throw new MailDeliveryError(
        'resend',
        status === null
          ? `Resend could not be reached to send "${message.subject}": ${detail}`
          : `Resend refused "${message.subject}" (${status} ${error.name}): ${detail}`,
        // No answer, rate limiting and Resend's own failures pass; anything else needs a fix first.
        { status, code: error.name, retryable: status === null || status === 429 || status >= 500 },
      );
    },
  };
}
