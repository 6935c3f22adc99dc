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
