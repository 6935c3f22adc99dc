/** One outgoing email. `text` is always there; `html` is optional. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type MailerKind = 'outbox' | 'resend' | 'smtp';

/** The mail port (DESIGN section 2): Resend, SMTP, or the dev outbox stored in the database. */
export interface Mailer {
  readonly kind: MailerKind;
  send(message: MailMessage): Promise<void>;
}

/**
 * A provider (Resend or SMTP) did not accept a message. The message is a sentence for the logs that
 * never holds credentials; `retryable` tells a job whether trying again later can help (rate limits,
 * provider outages, network failures) or not (a rejected address, a bad API key).
 */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  readonly provider: Exclude<MailerKind, 'outbox'>;
  /** HTTP status (Resend) or SMTP reply code, when the provider answered at all. */
  readonly status: number | null;
  /** The provider's own error name or code, such as `validation_error` or `EAUTH`. */
  readonly code: string | null;
  readonly retryable: boolean;

  constructor(
    provider: Exclude<MailerKind, 'outbox'>,
    message: string,
    details: { status?: number | null; code?: string | null; retryable: boolean },
  ) {
    super(message);
    this.provider = provider;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.retryable = details.retryable;
  }
}
