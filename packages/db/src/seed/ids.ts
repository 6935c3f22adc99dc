import { createHash } from 'node:crypto';

/** Namespace of the demo data's ids (any fixed uuid). */
const NAMESPACE = '5b0c1f3e-8a52-4d0e-9c3a-7f1d2e6b9a40';

/**
 * A stable uuid (RFC 4122 version 5) for a demo entity name such as 'user:demo', so the demo data has
 * the same ids on every machine and every run.
 */
export function demoId(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
