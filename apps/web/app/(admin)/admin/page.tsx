import { Card } from '@wt/ui';
import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { PlatformStatus } from '@/components/platform-status';
import { SignInPrompt } from '@/components/sign-in-prompt';

export const metadata: Metadata = { title: 'Admin', robots: { index: false } };

const TOOLS = [
  {
    title: 'Creator applications',
    body: 'Review applicants and approve or reject them, with a note the creator sees.',
  },
  {
    title: 'Moderation',
    body: 'Reports on rooms, chat, comments and episodes, with the context to act on them.',
  },
  { title: 'Home page curation', body: 'Choose which series fill the featured slots, and when they rotate.' },
  {
    title: 'Events & badges',
    body: 'Schedule community, seasonal and sponsored events and the badges they award.',
  },
  { title: 'Ads', body: 'Approve advertisers’ videos and follow how each package delivers.' },
  { title: 'Members', body: 'Look up an account, grant Premium, or suspend someone who breaks the rules.' },
] as const;

export default function AdminPage() {
  return (
    <>
      <AreaPageHeader title="Admin">
        <p>
          Running the platform: people, content, events and money. Every action here is limited to admins.
        </p>
      </AreaPageHeader>
      <div className="space-y-8">
        <PlatformStatus />
        <SignInPrompt title="Admin tools need an admin account">
          These tools unlock for admin accounts once sign-in is available.
        </SignInPrompt>
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {TOOLS.map((tool) => (
            <Card as="li" key={tool.title}>
              <h2 className="font-semibold text-ink">{tool.title}</h2>
              <p className="mt-1 text-sm leading-6 text-ink-muted">{tool.body}</p>
            </Card>
          ))}
        </ul>
      </div>
    </>
  );
}
