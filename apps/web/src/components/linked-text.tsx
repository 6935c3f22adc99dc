import { linkify } from '@/lib/linkify';

/**
 * Text a person wrote, with its http(s) addresses as links. React escapes every piece: no HTML from
 * the text ever reaches the page.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a
            key={i}
            href={segment.href}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
            className="text-brand-700 underline underline-offset-2 hover:text-brand-600 dark:text-brand-300"
          >
            {segment.text}
          </a>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
