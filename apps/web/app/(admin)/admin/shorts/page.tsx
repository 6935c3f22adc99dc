import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { FeaturedSlots } from './featured-slots';

export const metadata: Metadata = { title: 'Shorts · Admin', robots: { index: false } };

export default function AdminShortsPage() {
  return (
    <>
      <AreaPageHeader title="Featured Shorts">
        <p>
          The series at the top of the Shorts home page, in this order. Only published series can be featured;
          unpublishing a series takes it off the home page.
        </p>
      </AreaPageHeader>
      <SignInPrompt title="Curating Shorts needs an admin account" signedIn={<FeaturedSlots />}>
        Sign in with an admin account to choose the featured series.
      </SignInPrompt>
    </>
  );
}
