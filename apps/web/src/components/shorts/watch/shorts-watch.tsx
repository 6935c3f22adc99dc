'use client';

import { useQuery } from '@tanstack/react-query';
import type { Playback, WatchView } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { createWheelGate, directionFromKey, directionFromSwipe, wheelPixels, type EpisodeDirection } from '@/shorts/navigation';
import { PLAYBACK_FAILURE_MESSAGES, retriesWithFreshLink, type PlaybackFailure } from '@/shorts/playback-errors';
import { paywallCardFor } from '@/shorts/paywall';
import { seriesPath, watchPath } from '@/shorts/paths';
import { forgetPlayback, warmedPlayback, warmEpisode } from '@/shorts/preload';
import { ProgressThrottle, resumeAtSeconds, type SaveReason } from '@/shorts/progress';
import { watchErrorMessage } from '@/shorts/watch-errors';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { PaywallCard } from './paywall-card';
import { BackIcon, ChevronDownIcon, ChevronUpIcon } from './player-icons';
import { VerticalPlayer } from './vertical-player';

/**
 * A full prefetch (the page's server render, not only its shell): a swipe then navigates without a
 * server round trip. Next.js types the kind as an enum it does not export for apps.
 */
const FULL_PREFETCH = { kind: 'full' } as unknown as Parameters<ReturnType<typeof useRouter>['prefetch']>[1];

/** How long "This is the last episode" stays up. */
const NOTICE_MS = 2_500;
/** If the current episode has not started by then, warm the next one anyway. */
const WARM_AFTER_MS = 1_500;

/**
 * /watch/<episodeId>: one episode, full height, in a 9:16 box. Swipe, scroll or arrow keys move to the
 * next or previous episode (a router push, so Back works); the next episode is warmed while this one
 * plays. Locked episodes show a paywall card; progress is saved for signed-in viewers.
 */
export function ShortsWatch({ episodeId, initial }: { episodeId: string; initial: WatchView | null }) {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const router = useRouter();
  const { status } = useAuth();
  const signedIn = status === 'signed-in';

  const watch = useQuery({
    ...trpc.shorts.watch.queryOptions({ episodeId }),
    // A signed URL is short-lived: never reuse an old answer for a fresh visit.
    staleTime: 0,
    gcTime: 60_000,
    refetchOnWindowFocus: false,
  });
  const view = watch.data;
  // What the server saw signed out: enough to start a free episode and label the page meanwhile.
  const shown = view ?? initial;
  const serverPlayback = initial && !initial.paywall ? initial.playback : null;

  // Started from the previous episode's warm-up: its URLs are already in the HTTP cache.
  const [warmed] = useState(() => warmedPlayback(episodeId));
  const [fresh, setFresh] = useState<{ playback: Playback; resumeAtS: number | null } | null>(null);
  const [failure, setFailure] = useState<PlaybackFailure | null>(null);
  const [started, setStarted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const retried = useRef(false);
  const positionRef = useRef(0);

  const paywall = view ? paywallCardFor(view) : null;

  // "Watch with friends": a watch room on this episode, led by this viewer; friends who join play it
  // with their own access (a locked season shows them the paywall instead).
  const [opening, setOpening] = useState(false);
  const watchWithFriends = async () => {
    setOpening(true);
    try {
      const room = await trpcClient.shorts.watchTogether.mutate({ episodeId });
      router.push(`/rooms/${room.id}`);
    } catch (err) {
      setOpening(false);
      setNotice(err instanceof Error ? err.message : 'The room could not be opened. Try again in a moment.');
    }
  };
  // Keep the URL already loading (warmed or from the HTML): the client's answer has a fresh token for
  // the same video, and switching would restart the download.
  const playback = paywall ? null : (fresh?.playback ?? warmed ?? serverPlayback ?? view?.playback ?? null);
  const resumeAtS = fresh ? fresh.resumeAtS : view ? resumeAtSeconds(view.episode.progressMs, view.episode.durationMs) : null;

  // ---- progress (signed-in viewers) ----
  const throttle = useRef(new ProgressThrottle());
  const signedInRef = useRef(signedIn);
  signedInRef.current = signedIn;
  const episodeDurationMs = view?.episode.durationMs ?? null;
  const onPosition = useCallback(
    (positionMs: number, durationMs: number | null, reason: SaveReason) => {
      positionRef.current = positionMs;
      if (!signedInRef.current) return;
      const sample = throttle.current.take(reason, positionMs, durationMs ?? episodeDurationMs, Date.now());
      if (!sample) return;
      // Best effort: a lost save costs a few seconds of position, not worth interrupting the episode.
      trpcClient.shorts.saveProgress.mutate({ episodeId, ...sample }).catch(() => undefined);
    },
    [episodeId, episodeDurationMs, trpcClient],
  );

  // ---- failures: one automatic retry with a fresh signed URL ----
  const onFailure = useCallback(
    async (kind: PlaybackFailure) => {
      if (!retriesWithFreshLink(kind) || retried.current) {
        setFailure(kind);
        return;
      }
      retried.current = true;
      forgetPlayback(episodeId);
      const result = await watch.refetch();
      const next = result.data?.playback;
      if (next) setFresh({ playback: next, resumeAtS: positionRef.current > 0 ? positionRef.current / 1000 : null });
      else if (!result.data?.paywall) setFailure(kind);
    },
    [episodeId, watch],
  );
  const tryAgain = () => {
    retried.current = false;
    setFailure(null);
    void onFailure('denied');
  };

  // ---- warm the next episode once this one plays ----
  const next = view?.next ?? initial?.next ?? null;
  // Not before this episode plays: the warm-up must not compete with its first frame.
  const [warmTime, setWarmTime] = useState(false);
  useEffect(() => {
    if (started || !playback) {
      setWarmTime(true);
      return;
    }
    const timer = window.setTimeout(() => setWarmTime(true), WARM_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [started, playback]);
  useEffect(() => {
    if (!next || !warmTime) return;
    router.prefetch(watchPath(next.episodeId), FULL_PREFETCH);
    if (next.playback) void warmEpisode(next.episodeId, next.playback);
  }, [next, warmTime, router]);
  const previousId = view?.previousEpisodeId ?? initial?.previousEpisodeId ?? null;
  useEffect(() => {
    if (previousId && warmTime) router.prefetch(watchPath(previousId), FULL_PREFETCH);
  }, [previousId, warmTime, router]);

  // ---- navigation: swipe, wheel, keys, buttons ----
  const go = useCallback(
    (direction: EpisodeDirection) => {
      const target = direction === 'next' ? next?.episodeId : previousId;
      if (target) {
        router.push(watchPath(target));
        return;
      }
      if (!shown) return;
      setNotice(direction === 'next' ? 'This is the latest episode.' : 'This is the first episode.');
    },
    [next, previousId, router, shown],
  );
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const direction = directionFromKey({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        targetTag: target?.tagName,
        targetType: (target as HTMLInputElement | null)?.type,
        targetEditable: target?.isContentEditable,
      });
      if (!direction) return;
      event.preventDefault();
      go(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const stageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const gate = createWheelGate();
    // Not passive: the page behind must not scroll while the wheel changes episodes.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const direction = gate(wheelPixels(event.deltaY, event.deltaMode, window.innerHeight), event.timeStamp);
      if (direction) go(direction);
    };
    let touch: { x: number; y: number; t: number } | null = null;
    const onTouchStart = (event: TouchEvent) => {
      const point = event.touches[0];
      const fromControl = (event.target as Element | null)?.closest('[data-no-swipe]');
      touch = point && event.touches.length === 1 && !fromControl ? { x: point.clientX, y: point.clientY, t: event.timeStamp } : null;
    };
    const onTouchEnd = (event: TouchEvent) => {
      const point = event.changedTouches[0];
      if (!touch || !point) return;
      const direction = directionFromSwipe({ dx: point.clientX - touch.x, dy: point.clientY - touch.y, durationMs: event.timeStamp - touch.t });
      touch = null;
      if (direction) go(direction);
    };
    stage.addEventListener('wheel', onWheel, { passive: false });
    stage.addEventListener('touchstart', onTouchStart, { passive: true });
    stage.addEventListener('touchend', onTouchEnd, { passive: true });
    return () => {
      stage.removeEventListener('wheel', onWheel);
      stage.removeEventListener('touchstart', onTouchStart);
      stage.removeEventListener('touchend', onTouchEnd);
    };
  }, [go]);

  // The tab's title follows the episode (the page itself renders before the episode is known).
  useEffect(() => {
    if (shown) document.title = `${shown.episode.title} · ${shown.series.title} · WatchTogether`;
  }, [shown]);

  const onEnded = useCallback(() => {
    if (next) go('next');
  }, [next, go]);
  const onStarted = useCallback(() => setStarted(true), []);

  const label = shown
    ? `${shown.series.title}, episode ${shown.episode.number}: ${shown.episode.title}`
    : 'Episode video';
  const queryError = watch.error && !view ? watchErrorMessage(watch.error) : null;

  return (
    <div
      ref={stageRef}
      className="fixed inset-0 z-50 flex touch-none items-center justify-center overscroll-none bg-black text-white"
      data-shorts-watch
      data-episode-id={episodeId}
    >
      <div className="relative h-full max-h-dvh w-full sm:aspect-[9/16] sm:w-auto">
        {playback && !failure ? (
          <VerticalPlayer
            playback={playback}
            label={label}
            resumeAtS={resumeAtS}
            onFailure={(kind) => void onFailure(kind)}
            onPosition={onPosition}
            onStarted={onStarted}
            onEnded={onEnded}
          />
        ) : (
          <div
            className="absolute inset-0 grid place-items-center bg-black bg-cover bg-center"
            style={shown?.episode.thumbnailUrl ? { backgroundImage: `url(${JSON.stringify(shown.episode.thumbnailUrl)})` } : undefined}
          >
            <div className="absolute inset-0 bg-black/60 backdrop-blur-sm" aria-hidden />
            <div className="relative">
              {paywall ? <PaywallCard card={paywall} /> : null}
              {failure ? (
                <div role="alert" className="mx-6 flex max-w-sm flex-col items-center gap-4 text-center" data-no-swipe>
                  <p className="text-base leading-7">{PLAYBACK_FAILURE_MESSAGES[failure]}</p>
                  <Button variant="inverse" onClick={tryAgain}>
                    Try again
                  </Button>
                </div>
              ) : null}
              {queryError ? (
                <div role="alert" className="mx-6 flex max-w-sm flex-col items-center gap-4 text-center" data-no-swipe>
                  <p className="text-base leading-7">{queryError}</p>
                  <Link href="/shorts" className={buttonClasses({ variant: 'inverse' })}>
                    Browse Shorts
                  </Link>
                </div>
              ) : null}
              {!view && !queryError && !failure ? (
                <span className="block size-12 animate-spin rounded-full border-4 border-white/25 border-t-white" aria-label="Loading the episode" role="status" />
              ) : null}
            </div>
          </div>
        )}

        {/* Title, series link and episode number over the top of the picture. */}
        <div className="pointer-events-none absolute inset-x-0 top-0 flex items-start gap-2 bg-gradient-to-b from-black/70 to-transparent px-3 pt-3 pb-10">
          <Link
            href={shown ? seriesPath(shown.series.slug) : '/shorts'}
            className="pointer-events-auto grid size-10 shrink-0 place-items-center rounded-full hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white"
            aria-label={shown ? `Back to ${shown.series.title}` : 'Back to Shorts'}
            data-no-swipe
          >
            <BackIcon className="size-6" />
          </Link>
          {shown ? (
            <div className="min-w-0 pt-0.5">
              <Link
                href={seriesPath(shown.series.slug)}
                className="pointer-events-auto block truncate text-sm font-semibold text-white/90 hover:underline"
                data-no-swipe
              >
                {shown.series.title}
              </Link>
              <h1 className="truncate text-base font-semibold" data-testid="episode-heading">
                <span className="text-white/70">
                  S{shown.season.number} · E{shown.episode.number}
                </span>{' '}
                {shown.episode.title}
              </h1>
            </div>
          ) : null}
        </div>

        {signedIn && view && !view.paywall ? (
          <div className="absolute top-3 right-3" data-no-swipe>
            <Button variant="inverse" size="sm" onClick={() => void watchWithFriends()} disabled={opening}>
              {opening ? 'Opening a room…' : 'Watch with friends'}
            </Button>
          </div>
        ) : null}

        {notice ? (
          <p role="status" className="absolute inset-x-0 bottom-24 mx-auto w-fit rounded-full bg-black/70 px-4 py-2 text-sm">
            {notice}
          </p>
        ) : null}
      </div>

      {/* Previous / next for mouse and keyboard users; swipe and arrow keys do the same. */}
      <div className="absolute top-1/2 right-4 hidden -translate-y-1/2 flex-col gap-3 sm:flex" data-no-swipe>
        <button
          type="button"
          onClick={() => go('previous')}
          disabled={!previousId}
          aria-label="Previous episode"
          aria-keyshortcuts="ArrowUp"
          className="grid size-12 place-items-center rounded-full bg-white/10 hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-white disabled:opacity-30"
        >
          <ChevronUpIcon className="size-6" />
        </button>
        <button
          type="button"
          onClick={() => go('next')}
          disabled={!next}
          aria-label="Next episode"
          aria-keyshortcuts="ArrowDown"
          className="grid size-12 place-items-center rounded-full bg-white/10 hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-white disabled:opacity-30"
        >
          <ChevronDownIcon className="size-6" />
        </button>
      </div>
    </div>
  );
}
