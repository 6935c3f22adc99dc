import type { ReactNode } from 'react';

/**
 * The Shorts player takes the whole screen: the site header and footer are hidden while a watch page
 * is open (the root layout renders them; this rule applies only while `[data-shorts-watch]` exists).
 */
const HIDE_SITE_CHROME =
  'body:has([data-shorts-watch]){overflow:hidden}' +
  'body:has([data-shorts-watch])>header,body:has([data-shorts-watch])>footer{display:none}';

export default function ShortsWatchLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <style>{HIDE_SITE_CHROME}</style>
      {children}
    </>
  );
}
