import nodemailer, { type NodemailerError } from 'nodemailer';
import { MailDeliveryError, type Mailer, type MailMessage } from './types';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; nodemailer options may follow as query parameters. */
  url: string;
  from: string;
}

/** Failures of the connection itself, as opposed to the server answering "no". */
const CONNECTION_ERROR_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

/** Sends through any SMTP server with nodemailer. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    // nodemailer waits up to 2 minutes for a connection and 10 for an idle socket by default; a
    // request that sends mail should fail sooner. Query parameters in SMTP_URL still win.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const secrets = credentialsOf(options.url);
  return {
    kind: 'smtp',
    async send(message: MailMessage) {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
        });
      } catch (cause) {
        throw toDeliveryError(cause as NodemailerError, message.subject, secrets);
      }
    },
  };
}

function toDeliveryError(err: NodemailerError, subject: string, secrets: string[]): MailDeliveryError {
  const detail = secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), err.message);
  const status = err.responseCode ?? null;
  const code = err.code ?? null;
  return new MailDeliveryError(
    'smtp',
    status === null
      ? `The SMTP server could not be reached to send "${subject}" (${code ?? 'unknown error'}): ${detail}`
      : `The SMTP server refused "${subject}" (${status}${code ? ` ${code}` : ''}): ${detail}`,
    {
      status,
      code,
      // nodemailer marks 5xx replies permanent and 4xx ones (try later) not; no reply means the
      // connection failed, which a later attempt may not hit again.
      retryable:
        status === null ? code !== null && CONNECTION_ERROR_CODES.has(code) : err.permanent === false,
    },
  );
}

/** The user name and password of an SMTP URL, so they can be cut out of error messages. */
function credentialsOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    return (
      [parsed.password, parsed.username]
        .flatMap((part) => [part, safeDecode(part)])
        // Shorter fragments would garble every message they happen to appear in.
        .filter((part) => part.length >= 3)
        .filter((part, index, all) => all.indexOf(part) === index)
    );
  } catch {
    return [];
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
