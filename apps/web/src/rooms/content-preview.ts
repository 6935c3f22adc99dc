import { parseContentUrl, type ContentPlatform } from '@wt/schemas';
import { PLATFORM_LABELS } from './platforms';

/** What the content field says under itself while a link is typed or pasted. */
export type ContentPreview =
  | { state: 'empty' }
  | { state: 'ok'; platform: ContentPlatform; label: string; url: string }
  | { state: 'invalid'; message: string };

export function contentPreview(value: string): ContentPreview {
  if (!value.trim()) return { state: 'empty' };
  const parsed = parseContentUrl(value);
  if (!parsed.ok) return { state: 'invalid', message: parsed.message };
  const { platform, url } = parsed.content;
  return { state: 'ok', platform, label: PLATFORM_LABELS[platform], url };
}
