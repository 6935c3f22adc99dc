import { Card, Container } from '@wt/ui';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ProfileView } from '@/components/profile/profile-view';
import { originFrom, profileMetadata } from '@/profile/metadata';
import { loadPublicProfile } from '@/profile/server';

type Params = Promise<{ username: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { username } = await params;
  const lookup = await loadPublicProfile(username);
  if (lookup.kind !== 'found') return { title: lookup.kind === 'not-found' ? 'Profile not found' : 'Profile', robots: { index: false } };
  return profileMetadata(lookup.profile, originFrom(await headers()));
}

/**
 * A public profile, rendered on the server as a signed-out visitor sees it: crawlers and share cards
 * get only what the owner shows everyone. Unknown, deactivated and deleted accounts are a 404.
 */
export default async function ProfilePage({ params }: { params: Params }) {
  const { username } = await params;
  const lookup = await loadPublicProfile(username);
  if (lookup.kind === 'not-found') notFound();
  if (lookup.kind === 'unavailable') {
    return (
      <Container size="sm" className="py-16">
        <Card>
          <h1 className="text-xl font-semibold text-ink">This profile could not be loaded</h1>
          <p className="mt-2 text-sm text-ink-muted">WatchTogether isn&apos;t answering right now. Reload the page in a moment.</p>
        </Card>
      </Container>
    );
  }
  return <ProfileView initial={lookup.profile} />;
}
