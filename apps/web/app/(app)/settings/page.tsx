import { LIMITS } from '@wt/schemas';
import { Card } from '@wt/ui';
import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { SignInPrompt } from '@/components/sign-in-prompt';

export const metadata: Metadata = { title: 'Settings' };

const SECTIONS = [
  {
    title: 'Profile',
    body: `Username, display name, a bio of up to ${LIMITS.bioMax} characters and an avatar.`,
  },
  { title: 'Account', body: 'Email, password and connected sign-in providers.' },
  {
    title: 'Privacy',
    body: 'Who can see your watch stats, friend list and guild, and who can send you requests.',
  },
  { title: 'Notifications', body: 'Friend requests, room invites, guild events and leaderboard results.' },
  { title: 'Room defaults', body: 'The visibility and microphone setting new rooms start with.' },
  { title: 'Your data', body: 'Deactivate for up to 30 days, or delete your account and everything in it.' },
] as const;

export default function SettingsPage() {
  return (
    <>
      <AreaPageHeader title="Settings">
        <p>Everything about your account in one place.</p>
      </AreaPageHeader>
      <SignInPrompt title="Sign in to change your settings">
        Settings belong to an account. Accounts open soon.
      </SignInPrompt>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <Card as="li" key={section.title}>
            <h2 className="font-semibold text-ink">{section.title}</h2>
            <p className="mt-1 text-sm leading-6 text-ink-muted">{section.body}</p>
          </Card>
        ))}
      </ul>
    </>
  );
}
