import { buttonClasses } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AreaPageHeader } from '@/components/area-shell';
import { SignInPrompt } from '@/components/sign-in-prompt';

export const metadata: Metadata = { title: 'My rooms' };

export default function RoomsPage() {
  return (
    <>
      <AreaPageHeader title="My rooms">
        <p>Rooms you host, rooms you have joined and invites waiting for you.</p>
      </AreaPageHeader>
      <SignInPrompt title="Sign in to see your rooms">
        Hosting a room needs an account. Until you have one, see how rooms work in the lobby.
      </SignInPrompt>
      <Link href="/explore" className={buttonClasses({ variant: 'outline', className: 'mt-8' })}>
        Visit the rooms lobby
      </Link>
    </>
  );
}
