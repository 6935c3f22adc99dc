import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { FriendsView } from '@/components/friends/friends-view';

export const metadata: Metadata = { title: 'Friends' };

export default function FriendsPage() {
  return (
    <>
      <AreaPageHeader title="Friends">
        <p>
          Add friends by username, accept requests and see who is online and what they are watching. Friends
          can invite each other straight into a room.
        </p>
      </AreaPageHeader>
      <FriendsView />
    </>
  );
}
