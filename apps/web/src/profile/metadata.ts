import type { PublicProfile } from '@wt/schemas';
import type { Metadata } from 'next';
import { nameOf, profileDescription } from './format';

/**
 * Page meta for /u/<username>: title and description, Open Graph (a `profile`, its avatar as the image)
 * and a Twitter card. `origin` makes the avatar URL absolute, as share cards need.
 */
export function profileMetadata(profile: PublicProfile, origin: string): Metadata {
  const title = `${nameOf(profile)} (@${profile.username})`;
  const description = profileDescription(profile);
  const url = `/u/${profile.username}`;
  const image = profile.avatarUrl ? new URL(profile.avatarUrl, origin).toString() : null;
  const images = image ? [{ url: image, width: 256, height: 256, alt: `${nameOf(profile)}'s avatar` }] : undefined;
  return {
    metadataBase: new URL(origin),
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'profile',
      title,
      description,
      url,
      username: profile.username,
      siteName: 'WatchTogether',
      ...(images ? { images } : {}),
    },
    twitter: {
      card: 'summary',
      title,
      description,
      ...(image ? { images: [image] } : {}),
    },
  };
}

/** The site's origin as the visitor reached it (behind a proxy, its forwarded host and scheme). */
export function originFrom(headers: { get(name: string): string | null }): string {
  const first = (name: string) => headers.get(name)?.split(',')[0]?.trim() || null;
  const claimed = first('x-forwarded-host') ?? first('host');
  // A host header is the client's word: anything but a plain host[:port] is ignored.
  const host = claimed && /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(claimed) ? claimed : 'localhost:3000';
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const forwarded = first('x-forwarded-proto');
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : local ? 'http' : 'https';
  return `${proto}://${host}`;
}
