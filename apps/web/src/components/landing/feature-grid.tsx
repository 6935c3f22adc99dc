import { LIMITS } from '@wt/schemas';
import { Container } from '@wt/ui';
import { FeatureList, type Feature } from '../feature-list';
import {
  BadgeIcon,
  ChatIcon,
  PlayIcon,
  ReactionIcon,
  ShieldIcon,
  SyncIcon,
  TrophyIcon,
  WalletIcon,
} from '../icons';

const FEATURES: readonly Feature[] = [
  {
    icon: SyncIcon,
    title: 'Sync you can’t feel',
    body: 'Each device measures its clock against the server and every command is scheduled for the same instant. Drift is nudged away; a one-tap resync handles the rest.',
  },
  {
    icon: ChatIcon,
    title: 'Chat & voice',
    body: 'Talk over the film or type under it. Room leaders can mute, kick, hand over the remote or switch on slow mode.',
  },
  {
    icon: TrophyIcon,
    title: 'XP, levels & leaderboards',
    body: 'Watching together, chatting and showing up daily earn XP from level 1 to 10. Weekly boards reset on Monday and the top three win Premium.',
  },
  {
    icon: ShieldIcon,
    title: 'Guilds',
    body: `Crews of up to ${LIMITS.guildMembersMax} with their own chat, rooms and guild leaderboard. The top guilds each week win Premium for every member.`,
  },
  {
    icon: BadgeIcon,
    title: 'Events & badges',
    body: `Time-limited challenges award collectable badges from common to legendary. Pin up to ${LIMITS.badgeShowcaseMax} to your profile.`,
  },
  {
    icon: ReactionIcon,
    title: 'Shorts with replayed reactions',
    body: 'Every emoji and comment is pinned to its second and replays for the next viewer, so a solo binge still feels like a full house.',
  },
  {
    icon: WalletIcon,
    title: 'Creator payouts',
    body: 'Creators publish series, price their seasons and get paid out with a clear revenue split, with funnel analytics to see what converts.',
  },
  {
    icon: PlayIcon,
    title: 'Made for every screen',
    body: 'Start on the web today. Mobile and desktop apps share the same account, level, badges and wallet.',
  },
];

export function FeatureGrid() {
  return (
    <section aria-labelledby="features-heading" className="py-24">
      <Container>
        <div className="max-w-2xl">
          <h2
            id="features-heading"
            className="text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl"
          >
            Everything a watch party needs, and a reason to come back
          </h2>
        </div>
        <div className="mt-12">
          <FeatureList features={FEATURES} columns={4} />
        </div>
      </Container>
    </section>
  );
}
