import { LIMITS } from '@wt/schemas';
import { buttonClasses, Card, Container } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { FeatureList, type Feature } from '@/components/feature-list';
import { FilmIcon, LinkIcon, MicIcon, PlayIcon, ShieldIcon, SparkIcon, UsersIcon } from '@/components/icons';
import { PageIntro } from '@/components/page-intro';

export const metadata: Metadata = {
  title: 'Explore rooms',
  description:
    'Public watch rooms you can join in one click: YouTube, Drive, Spotify, the web and uploads, in sync.',
};

const SOURCES: readonly Feature[] = [
  { icon: PlayIcon, title: 'YouTube', body: 'Full play, pause and seek control for everyone in the room.' },
  {
    icon: FilmIcon,
    title: 'Google Drive',
    body: 'Share a video from Drive; the room follows the host’s position.',
  },
  {
    icon: MicIcon,
    title: 'Spotify',
    body: 'Listen to the same track at the same moment (Spotify Premium required).',
  },
  {
    icon: LinkIcon,
    title: 'Any web page',
    body: 'Open a page side by side and keep the conversation in sync.',
  },
  {
    icon: SparkIcon,
    title: 'Your uploads',
    body: 'Upload a video and stream it to the room with full sync control.',
  },
];

const ROOM_RULES = [
  {
    title: 'Who can join',
    body: 'Public rooms appear here for anyone. Friends-only rooms show up for your friends; private rooms need an invite.',
  },
  {
    title: 'How big',
    body: `From ${LIMITS.roomMembersMin} to ${LIMITS.roomMembersMax} people per room; ${LIMITS.roomMembersDefault} unless the host picks otherwise.`,
  },
  {
    title: 'Who holds the remote',
    body: 'The room leader by default. Leaders can pass the remote, mute, kick, lock the room and slow the chat.',
  },
] as const;

export default function ExplorePage() {
  return (
    <>
      <PageIntro
        eyebrow="Rooms lobby"
        title="Find a room and press play together"
        actions={
          <>
            <Link href="/sign-up" className={buttonClasses({ size: 'lg' })}>
              Host your own room
            </Link>
            <Link href="/rooms" className={buttonClasses({ variant: 'outline', size: 'lg' })}>
              My rooms
            </Link>
          </>
        }
      >
        <p>
          Join a public room in a click, or start your own and invite friends: the lobby shows what is playing
          and how many seats are left.
        </p>
      </PageIntro>

      <Container className="space-y-16 py-16">
        <Card className="flex flex-col gap-4 border-dashed sm:flex-row sm:items-center">
          <span className="grid size-12 shrink-0 place-items-center rounded-2xl bg-accent-100 text-accent-700 dark:bg-accent-900/40 dark:text-accent-300">
            <UsersIcon className="size-6" />
          </span>
          <div className="flex-1">
            <h2 className="text-lg font-semibold text-ink">The live lobby is open</h2>
            <p className="mt-1 text-sm leading-6 text-ink-muted">
              Signed in, the lobby lists public rooms and the rooms of your friends and guild, with what is
              playing and how many seats are left.
            </p>
          </div>
          <Link href="/rooms" className={buttonClasses({ variant: 'outline', size: 'sm' })}>
            Open the lobby
          </Link>
        </Card>

        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="text-2xl font-bold tracking-tight text-ink">
            What you can watch
          </h2>
          <div className="mt-6">
            <FeatureList features={SOURCES} />
          </div>
        </section>

        <section aria-labelledby="rules-heading">
          <div className="flex items-center gap-3">
            <ShieldIcon className="size-6 text-brand-600 dark:text-brand-300" />
            <h2 id="rules-heading" className="text-2xl font-bold tracking-tight text-ink">
              How rooms work
            </h2>
          </div>
          <dl className="mt-6 grid gap-4 md:grid-cols-3">
            {ROOM_RULES.map((rule) => (
              <Card key={rule.title}>
                <dt className="font-semibold text-ink">{rule.title}</dt>
                <dd className="mt-2 text-sm leading-6 text-ink-muted">{rule.body}</dd>
              </Card>
            ))}
          </dl>
        </section>
      </Container>
    </>
  );
}
