import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { CreatorApplications } from './creator-applications';

export const metadata: Metadata = { title: 'Creators · Admin', robots: { index: false } };

export default function AdminCreatorsPage() {
  return (
    <>
      <AreaPageHeader title="Creator applications">
        <p>
          Members who asked to publish Shorts, oldest first. Approving opens their studio and their creator
          page; a rejection shows them your reason, and they can apply again.
        </p>
      </AreaPageHeader>
      <SignInPrompt title="Reviewing creators needs an admin account" signedIn={<CreatorApplications />}>
        Sign in with an admin account to review creator applications.
      </SignInPrompt>
    </>
  );
}
