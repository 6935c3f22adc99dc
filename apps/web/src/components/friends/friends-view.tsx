'use client';

import { useFriendActions, useFriendsLive } from '@/friends/use-friends';
import { SignInPrompt } from '../sign-in-prompt';
import { BlockedList } from './blocked-list';
import { FriendList } from './friend-list';
import { FriendRequests } from './friend-requests';
import { UserSearch } from './user-search';

/** /friends: search, requests, the live friend list and blocked people; the sign-in prompt when signed out. */
export function FriendsView() {
  return (
    <SignInPrompt title="Sign in to see your friends" signedIn={<Friends />}>
      Your friend list and requests live with your account.
    </SignInPrompt>
  );
}

function Friends() {
  const { friends, requests, blocked } = useFriendsLive();
  const actions = useFriendActions();
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="grid content-start gap-6">
        <FriendList friends={friends} actions={actions} />
        <BlockedList blocked={blocked} actions={actions} />
      </div>
      <div className="grid content-start gap-6">
        <UserSearch actions={actions} />
        <FriendRequests requests={requests} actions={actions} />
      </div>
    </div>
  );
}
