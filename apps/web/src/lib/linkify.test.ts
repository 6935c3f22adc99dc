import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('turns http(s) URLs into links and keeps the rest as text', () => {
    expect(linkify('Hi,\n\nhttp://localhost:3000/verify-email?token=abc123\n\nThanks')).toEqual([
      { kind: 'text', text: 'Hi,\n\n' },
      {
        kind: 'link',
        text: 'http://localhost:3000/verify-email?token=abc123',
        href: 'http://localhost:3000/verify-email?token=abc123',
      },
      { kind: 'text', text: '\n\nThanks' },
    ]);
  });

  it('leaves sentence punctuation after a URL out of the link', () => {
    expect(linkify('Open https://example.com/a. Or (https://example.com/b).')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', text: 'https://example.com/a', href: 'https://example.com/a' },
      { kind: 'text', text: '. Or (' },
      { kind: 'link', text: 'https://example.com/b', href: 'https://example.com/b' },
      { kind: 'text', text: ').' },
    ]);
  });

  it.each([
    ['javascript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['<a href="http://x">click</a> is markup, not a link'.replace('http://x', 'ftp://x')],
  ])('keeps %s as plain text', (text) => {
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });

  it('stops a URL at quotes and angle brackets so markup cannot ride along', () => {
    const segments = linkify('<a href="https://example.com/x">go</a>');
    expect(segments.filter((s) => s.kind === 'link')).toEqual([
      { kind: 'link', text: 'https://example.com/x', href: 'https://example.com/x' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('<a href="https://example.com/x">go</a>');
  });

  it('returns nothing for empty text', () => {
    expect(linkify('')).toEqual([]);
  });
});
