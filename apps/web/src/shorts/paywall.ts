import type { WatchView } from '@wt/schemas';
import { watchPath } from './paths';

/**
 * What the watch page shows instead of the video at a locked episode (payments come in a later issue,
 * so "Unlock season" stays disabled and says why).
 */

export const UNLOCK_UNAVAILABLE_SENTENCE = 'Season unlocks open soon: payments are not available yet.';

export type PaywallCard =
  | { kind: 'sign_up'; title: string; body: string; signUpHref: string; signInHref: string }
  | { kind: 'unlock'; title: string; body: string; buttonLabel: string; disabled: true; reason: string }
  | { kind: 'not_ready'; title: string; body: string };

export function paywallCardFor(view: Pick<WatchView, 'paywall' | 'playback' | 'episode' | 'season'>): PaywallCard | null {
  const next = encodeURIComponent(watchPath(view.episode.id));
  if (view.paywall === 'sign_up') {
    return {
      kind: 'sign_up',
      title: 'Sign up to keep watching',
      body: `Episode ${view.episode.number} is locked. Create a free account to pick up where the free episodes end.`,
      signUpHref: `/sign-up?next=${next}`,
      signInHref: `/sign-in?next=${next}`,
    };
  }
  if (view.paywall === 'unlock') {
    return {
      kind: 'unlock',
      title: `Episode ${view.episode.number} is locked`,
      body: `Unlock season ${view.season.number} to keep watching.`,
      buttonLabel: `Unlock season ${view.season.number}`,
      disabled: true,
      reason: UNLOCK_UNAVAILABLE_SENTENCE,
    };
  }
  if (!view.playback) {
    return { kind: 'not_ready', title: 'Not ready yet', body: 'This episode is still being prepared. Come back in a few minutes.' };
  }
  return null;
}
