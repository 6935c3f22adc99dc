import { LIMITS } from '@wt/schemas';
import { Card, Pill } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AreaPageHeader } from '@/components/area-shell';
import { ArrowRightIcon } from '@/components/icons';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { NotificationSettings } from '@/components/settings/notification-settings';
import { PrivacySettings } from '@/components/settings/privacy-settings';
import { ProfileSettings } from '@/components/settings/profile-settings';
import { RoomDefaultsSettings } from '@/components/settings/room-defaults-settings';

export const metadata: Metadata = { title: 'Settings' };

/** Sections with a page link to it; the others are described until they are built. */
const SECTIONS: ReadonlyArray<{ title: string; body: string; href?: string }> = [
  {
    title: 'Account',
    body: 'Email, password, two-step verification and connected sign-in providers.',
    href: '/settings/account',
  },
  {
    title: 'Profile',
    body: `Username, display name, a bio of up to ${LIMITS.bioMax} characters, an avatar and your badge showcase.`,
    href: '#profile',
  },
  {
    title: 'Privacy',
    body: 'Who can see your watch stats, friend list and guild, and who can send you requests.',
    href: '#privacy',
  },
  {
    title: 'Notifications',
    body: 'Friend requests, room invites, guild events and leaderboard results: in the app, by push or by email.',
    href: '#notifications',
  },
  { title: 'Room defaults', body: 'The visibility and microphone setting new rooms start with.', href: '#room-defaults' },
  {
    title: 'Your data',
    body: 'Deactivate for up to 30 days, or delete your account and everything in it.',
    href: '/settings/account#your-data',
  },
];

export default function SettingsPage() {
  return (
    <>
      <AreaPageHeader title="Settings">
        <p>Everything about your account in one place.</p>
      </AreaPageHeader>
      <SignInPrompt title="Sign in to change your settings">Settings belong to an account.</SignInPrompt>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) =>
          section.href ? (
            <li key={section.title}>
              <Link href={section.href} className="group block h-full rounded-3xl">
                <Card interactive className="h-full">
                  <h2 className="flex items-center justify-between gap-2 font-semibold text-ink">
                    {section.title}
                    <ArrowRightIcon className="size-4 text-ink-muted transition group-hover:translate-x-0.5 group-hover:text-brand-600" />
                  </h2>
                  <p className="mt-1 text-sm leading-6 text-ink-muted">{section.body}</p>
                </Card>
              </Link>
            </li>
          ) : (
            <Card as="li" key={section.title}>
              <h2 className="flex items-center justify-between gap-2 font-semibold text-ink">
                {section.title}
                <Pill tone="neutral">Soon</Pill>
              </h2>
              <p className="mt-1 text-sm leading-6 text-ink-muted">{section.body}</p>
            </Card>
          ),
        )}
      </ul>
      <div className="mt-8 grid gap-6">
        <ProfileSettings />
        <PrivacySettings />
        <NotificationSettings />
        <RoomDefaultsSettings />
      </div>
    </>
  );
}
