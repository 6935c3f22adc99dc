import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { SignInPrompt } from '@/components/sign-in-prompt';

export const metadata: Metadata = { title: 'Friends' };

export default function FriendsPage() {
  return (
    <>
      <AreaPageHeader title="Friends">
        <p>
          Add friends by username, accept requests and see who is online. Adding a friend earns XP for both of
          you, and rooms with friends in them earn a bonus.
        </p>
      </AreaPageHeader>
      <SignInPrompt title="Sign in to see your friends">
        Your friend list and requests live with your account.
      </SignInPrompt>
    </>
  );
}
