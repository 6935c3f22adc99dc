import { describe, expect, it } from 'vitest';
import {
  confirmEmailChangeMessage,
  emailChangedMessage,
  escapeHtml,
  resetPasswordMessage,
  verifyEmailMessage,
} from './templates';

const url = 'http://localhost:3000/verify-email?token=abc123&next=%2Frooms';
const escapedUrl = 'http://localhost:3000/verify-email?token=abc123&amp;next=%2Frooms';

const linkTemplates = [
  {
    name: 'verifyEmailMessage',
    build: verifyEmailMessage,
    subject: /confirm your email/i,
    expiry: '24 hours',
  },
  {
    name: 'resetPasswordMessage',
    build: resetPasswordMessage,
    subject: /reset your watchtogether password/i,
    expiry: '1 hour',
  },
  {
    name: 'confirmEmailChangeMessage',
    build: confirmEmailChangeMessage,
    subject: /confirm your new email/i,
    expiry: '24 hours',
  },
] as const;

describe.each(linkTemplates)('$name', ({ build, subject, expiry }) => {
  const message = build({ to: 'ada@example.com', displayName: 'Ada', url });

  it('addresses the recipient with a clear subject', () => {
    expect(message.to).toBe('ada@example.com');
    expect(message.subject).toMatch(subject);
    expect(message.text.startsWith('Hi Ada,\n\n')).toBe(true);
    expect(message.html).toContain('Hi Ada,');
  });

  it('puts the link on a line of its own in the text', () => {
    expect(message.text.split('\n')).toContain(url);
  });

  it('links the URL, escaped, from the HTML button and the fallback', () => {
    expect(message.html).toContain(`href="${escapedUrl}"`);
    expect(message.html).toContain(`>${escapedUrl}</a>`);
    expect(message.html).not.toContain(url);
  });

  it(`says the link works for ${expiry}`, () => {
    expect(message.text).toContain(`works for ${expiry}`);
    expect(message.html).toContain(`works for ${expiry}`);
  });

  it('states the lifetime the caller enforces when it passes one', () => {
    const custom = build({ to: 'ada@example.com', displayName: 'Ada', url, expiresInHours: 48 });
    expect(custom.text).toContain('works for 48 hours');
    const short = build({ to: 'ada@example.com', displayName: 'Ada', url, expiresInHours: 0.5 });
    expect(short.text).toContain('works for 30 minutes');
  });
});

describe('HTML escaping', () => {
  const hostile = '<script>alert("x")</script> & \'friends\'';

  it.each([
    ['verifyEmailMessage', verifyEmailMessage({ to: 'a@example.com', displayName: hostile, url })],
    ['resetPasswordMessage', resetPasswordMessage({ to: 'a@example.com', displayName: hostile, url })],
    [
      'confirmEmailChangeMessage',
      confirmEmailChangeMessage({ to: 'a@example.com', displayName: hostile, url }),
    ],
    [
      'emailChangedMessage',
      emailChangedMessage({ to: 'a@example.com', displayName: hostile, newEmail: 'b@example.com' }),
    ],
  ])('%s escapes a display name such as <script>', (_name, message) => {
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain(
      'Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;,',
    );
    // The plain-text part is not HTML: the name stays as typed.
    expect(message.text).toContain(`Hi ${hostile},`);
  });

  it('escapes an attribute-breaking URL and a new address', () => {
    const evil = emailChangedMessage({
      to: 'a@example.com',
      displayName: 'A',
      newEmail: '"><img src=x>@example.com',
    });
    expect(evil.html).not.toContain('<img');
    expect(evil.html).toContain('&quot;&gt;&lt;img src=x&gt;@example.com');
    const link = verifyEmailMessage({
      to: 'a@example.com',
      displayName: 'A',
      url: 'http://x/"onmouseover="alert(1)',
    });
    expect(link.html).not.toContain('"onmouseover="');
    expect(link.html).toContain('href="http://x/&quot;onmouseover=&quot;alert(1)"');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('greeting', () => {
  it.each([[null], [undefined], ['   ']])('greets "there" when the display name is %j', (displayName) => {
    const message = verifyEmailMessage({ to: 'a@example.com', displayName, url });
    expect(message.text.startsWith('Hi there,\n')).toBe(true);
  });

  it('keeps a display name with line breaks on the greeting line', () => {
    const message = verifyEmailMessage({
      to: 'a@example.com',
      displayName: 'Ada\n\nClick evil.example',
      url,
    });
    expect(message.text.startsWith('Hi Ada Click evil.example,\n\n')).toBe(true);
  });
});

describe('emailChangedMessage', () => {
  const message = emailChangedMessage({
    to: 'old@example.com',
    displayName: 'Ada',
    newEmail: 'new@example.com',
  });

  it('goes to the old address and names the new one', () => {
    expect(message.to).toBe('old@example.com');
    expect(message.subject).toMatch(/email address was changed/i);
    expect(message.text).toContain('new@example.com');
    expect(message.html).toContain('new@example.com');
  });

  it('tells the reader what to do if it was not them', () => {
    expect(message.text).toMatch(/If you didn't, .*contact WatchTogether support/);
  });
});
