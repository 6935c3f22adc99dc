import type { MailMessage } from './types';

/** How long the links in these emails work, unless the caller says otherwise. */
export const VERIFY_EMAIL_LINK_HOURS = 24;
export const RESET_PASSWORD_LINK_HOURS = 1;
export const CONFIRM_EMAIL_CHANGE_LINK_HOURS = 24;

interface Recipient {
  to: string;
  /** Null or blank for accounts without one: the greeting becomes "Hi there,". */
  displayName?: string | null;
}

interface LinkMessageInput extends Recipient {
  url: string;
  /** Lifetime of the link as the caller enforces it; the email states it. */
  expiresInHours?: number;
}

/** A paragraph of copy, or a call-to-action link (a button in HTML, a bare URL line in text). */
type Block = { paragraph: string } | { link: { label: string; url: string } };

const BRAND = 'WatchTogether';

export function verifyEmailMessage(input: LinkMessageInput): MailMessage {
  const hours = input.expiresInHours ?? VERIFY_EMAIL_LINK_HOURS;
  return compose(input, `Confirm your email for ${BRAND}`, [
    { paragraph: `Welcome to ${BRAND}! Confirm your email address to finish setting up your account:` },
    { link: { label: 'Confirm my email', url: input.url } },
    {
      paragraph: `This link works for ${formatHours(hours)}. If it has expired, sign in and ask for a new one.`,
    },
    { paragraph: `If you didn't create a ${BRAND} account, you can ignore this email.` },
  ]);
}

export function resetPasswordMessage(input: LinkMessageInput): MailMessage {
  const hours = input.expiresInHours ?? RESET_PASSWORD_LINK_HOURS;
  return compose(input, `Reset your ${BRAND} password`, [
    {
      paragraph: `We got a request to reset the password of your ${BRAND} account. Choose a new password here:`,
    },
    { link: { label: 'Choose a new password', url: input.url } },
    {
      paragraph: `This link works for ${formatHours(hours)} and only once. Setting a new password signs you out on every device.`,
    },
    { paragraph: `If you didn't ask for this, you can ignore this email: your password stays the same.` },
  ]);
}

/** Sent to the old address once the change is done, so a hijacked account does not go unnoticed. */
export function emailChangedMessage(input: Recipient & { newEmail: string }): MailMessage {
  return compose(input, `Your ${BRAND} email address was changed`, [
    {
      paragraph: `The email address of your ${BRAND} account is now ${input.newEmail}. From now on we send account emails there.`,
    },
    { paragraph: `If you made this change, there is nothing else to do.` },
    {
      paragraph: `If you didn't, someone else may have access to your account: contact ${BRAND} support right away so we can secure it.`,
    },
  ]);
}

/** Sent to the new address; the account keeps its old address until this link is opened. */
export function confirmEmailChangeMessage(input: LinkMessageInput): MailMessage {
  const hours = input.expiresInHours ?? CONFIRM_EMAIL_CHANGE_LINK_HOURS;
  return compose(input, `Confirm your new email address for ${BRAND}`, [
    { paragraph: `You asked to use this address for your ${BRAND} account. Confirm it with this link:` },
    { link: { label: 'Confirm my new email', url: input.url } },
    {
      paragraph: `This link works for ${formatHours(hours)}. Until you confirm, your account keeps its current email address.`,
    },
    { paragraph: `If you didn't ask for this, you can ignore this email.` },
  ]);
}

/**
 * A notification by email (issue 6), for the types whose preference says email. `url` opens what it
 * is about; `settingsUrl` is where the person turns these emails off.
 */
export function notificationMessage(
  input: Recipient & { title: string; body: string | null; url: string | null; settingsUrl: string },
): MailMessage {
  const blocks: Block[] = [{ paragraph: `${input.title}.` }];
  if (input.body) blocks.push({ paragraph: input.body });
  if (input.url) blocks.push({ link: { label: `Open ${BRAND}`, url: input.url } });
  blocks.push({
    paragraph: `You get this email because of your notification settings. Choose which emails you get here: ${input.settingsUrl}`,
  });
  return compose(input, input.title, blocks);
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} minutes`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function greetingName(displayName: string | null | undefined): string {
  // A display name is free text: line breaks in it must not reshape the plain-text email.
  const name = displayName?.replace(/\s+/g, ' ').trim();
  return name ? name : 'there';
}

function compose(recipient: Recipient, subject: string, blocks: Block[]): MailMessage {
  const name = greetingName(recipient.displayName);
  return {
    to: recipient.to,
    subject,
    text: renderText(name, blocks),
    html: renderHtml(name, subject, blocks),
  };
}

function renderText(name: string, blocks: Block[]): string {
  const body = blocks.map((block) => ('link' in block ? block.link.url : block.paragraph));
  return [`Hi ${name},`, ...body, `— The ${BRAND} team`].join('\n\n') + '\n';
}

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const P_STYLE = 'margin:0 0 16px;font-size:16px;line-height:24px;color:#18181b';

function renderHtml(name: string, subject: string, blocks: Block[]): string {
  const body = blocks
    .map((block) => {
      if ('paragraph' in block) return `<p style="${P_STYLE}">${escapeHtml(block.paragraph)}</p>`;
      const url = escapeHtml(block.link.url);
      return [
        `<p style="margin:24px 0">`,
        `<a href="${url}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#6d28d9;color:#ffffff;font-weight:600;font-size:16px;text-decoration:none">${escapeHtml(block.link.label)}</a>`,
        `</p>`,
        `<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:#52525b">If the button doesn't work, paste this link into your browser:<br>`,
        `<a href="${url}" style="color:#6d28d9;word-break:break-all">${url}</a></p>`,
      ].join('');
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:#f4f4f5;font-family:${FONT}">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0"><tr><td align="center">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:520px;background:#ffffff;border-radius:12px"><tr><td style="padding:32px">
<p style="margin:0 0 24px;font-size:20px;font-weight:700;color:#6d28d9">${BRAND}</p>
<p style="${P_STYLE}">Hi ${escapeHtml(name)},</p>
${body}
<p style="${P_STYLE}">— The ${BRAND} team</p>
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}
