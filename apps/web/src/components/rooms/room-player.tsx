'use client';

import type { LiveRoom } from '@/rooms/room-state';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { spotifyConnectResponseSchema, spotifyStatusSchema, spotifyTokenSchema } from '@wt/schemas';
import { Button, buttonClasses, Card } from '@wt/ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { Html5Player } from '@/players/html5-player';
import type { PlayerAdapter } from '@/players/player';
import { createSpotifyAdapter, loadSpotifySdk } from '@/players/spotify-sdk';
import { loadYouTubeApi } from '@/players/youtube-api';
import { createYouTubePlayer } from '@/players/youtube-player';
import { PLATFORM_LABELS, playerSourceFor } from '@/rooms/platforms';
import type { RoomActions } from '@/rooms/use-room';
import { mediaKeyOf } from '@/sync/playback-state';
import { formatMediaTime, waitingNotice } from '@/sync/playback-ui';
import type { PlaybackSyncClient, SyncStatus } from '@/sync/sync-client';
import { FormAlert } from '../forms/form-alert';
import { FilmIcon, PlayIcon } from '../icons';
import { PlaybackControls } from './playback-controls';
import { usePlayerKeys } from './player-keys';
import { useTRPC } from '@/trpc/react';

const STAGE = 'relative aspect-video w-full overflow-hidden rounded-3xl border border-line bg-black';

/**
 * What the room plays, kept in step with everyone: the player for the content's platform, driven by
 * the sync client, under the room's transport. Players nobody can drive from here (Drive's embed,
 * Spotify without a connected account, web pages) say what each viewer does instead.
 */
export function RoomPlayer({
  snapshot,
  client,
  status,
  actions,
  mayControl,
}: {
  snapshot: LiveRoom;
  client: PlaybackSyncClient;
  status: SyncStatus;
  actions: RoomActions;
  mayControl: boolean;
}) {
  const { room, playback, members, you } = snapshot;
  const source = playerSourceFor(room.content, usePlayerKeys());
  const mediaKey = mediaKeyOf(room.content);
  const controls = (synced: boolean) => (
    <PlaybackControls
      client={client}
      status={status}
      mayControl={mayControl}
      playback={actions.playback}
      synced={synced}
    />
  );
  const waiting = playback.waitingForMembers ? waitingNotice(members, playback.settings, you.userId) : null;
  const notice = waiting ? (
    <FormAlert tone="info" title={waiting.title}>
      {waiting.detail}
    </FormAlert>
  ) : null;

  switch (source.kind) {
    case 'video':
    case 'youtube':
      return (
        <div className="space-y-3">
          <SyncedStage client={client} status={status}>
            {source.kind === 'video' ? (
              <VideoElement key={mediaKey} src={source.src} client={client} mediaKey={mediaKey!} />
            ) : (
              <YouTubeFrame key={mediaKey} videoId={source.videoId} client={client} mediaKey={mediaKey!} />
            )}
          </SyncedStage>
          {notice}
          {controls(true)}
        </div>
      );
    case 'drive-embed':
      return (
        <div className="space-y-3">
          <iframe
            src={source.src}
            title="Google Drive video"
            className={STAGE}
            allow="autoplay; encrypted-media; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
          />
          <RoomPositionNote client={client}>
            Google Drive&apos;s player cannot be driven from the room: each viewer presses play and pause in
            it themselves. To join, skip to the room&apos;s position:
          </RoomPositionNote>
          {controls(false)}
        </div>
      );
    case 'spotify':
      return (
        <SpotifyRoomPlayer
          uri={source.uri}
          href={source.href}
          client={client}
          status={status}
          mediaKey={mediaKey!}
          notice={notice}
          controls={controls}
        />
      );
    case 'web':
      return (
        <div className="space-y-2">
          <iframe
            src={source.src}
            title="Shared web page"
            className="aspect-video w-full rounded-3xl border border-line bg-black"
            allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            // A shared web page runs scripts but never as this site (no allow-same-origin).
            sandbox="allow-scripts allow-forms allow-popups allow-presentation"
          />
          <p className="text-sm text-ink-muted">
            Each viewer controls their own copy of this page; only the chat is shared. If it stays blank, the
            site does not allow being shown inside another page:{' '}
            <a
              href={source.src}
              target="_blank"
              rel="noopener noreferrer"
              className="font-semibold text-brand-700 underline dark:text-brand-300"
            >
              open it in a new tab
            </a>
            .
          </p>
        </div>
      );
    case 'episode':
      return (
        <div className="space-y-3">
          <EpisodeStage episodeId={source.episodeId} client={client} status={status} mediaKey={mediaKey!} />
          {notice}
          {controls(true)}
        </div>
      );
    case 'none':
      return (
        <PlayerCard
          title={room.content ? `${PLATFORM_LABELS[room.content.platform]} link` : 'Nothing to show'}
          body={source.reason}
        />
      );
  }
}

/*
 * Spotify's Web Playback SDK plays only for a listener signed in to Spotify Premium, with an OAuth
 * token carrying the `streaming` scope: a viewer who connected Spotify (GET /api/spotify/status) gets
 * the SDK player, driven seek-only; anyone else gets a card saying what is needed, with a "Connect
 * Spotify" button when the server has Spotify set up.
 */
const SPOTIFY_PREMIUM = 'Spotify lets websites play music only for listeners with Spotify Premium who connect their account.';

function SpotifyRoomPlayer({
  uri,
  href,
  client,
  status,
  mediaKey,
  notice,
  controls,
}: {
  uri: string;
  href: string;
  client: PlaybackSyncClient;
  status: SyncStatus;
  mediaKey: string;
  notice: ReactNode;
  controls: (synced: boolean) => ReactNode;
}) {
  const { client: auth } = useAuth();
  const queryClient = useQueryClient();
  const [connectError, setConnectError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // Back from Spotify's consent page with ?spotifyError=…&message=… (cancelled, expired link).
    const params = new URLSearchParams(window.location.search);
    if (params.get('spotifyError')) setConnectError(params.get('message'));
  }, []);
  const spotify = useQuery({
    queryKey: ['spotify', 'status'],
    queryFn: async () => {
      const result = await callApi(auth.authFetch, '/api/spotify/status', {}, spotifyStatusSchema);
      // An API without Spotify connect reads as "not set up here".
      return result.ok ? result.data : { configured: false, connected: false };
    },
  });

  const connect = async () => {
    setBusy(true);
    setConnectError(null);
    const result = await callApi(
      auth.authFetch,
      '/api/spotify/connect',
      { method: 'POST', body: { returnTo: window.location.pathname } },
      spotifyConnectResponseSchema,
    );
    if (!result.ok) {
      setBusy(false);
      return setConnectError(result.error.message);
    }
    // Off to Spotify's consent page; it sends the browser back to this room.
    window.location.assign(result.data.url);
  };

  if (spotify.data?.connected) {
    const getToken = async () => {
      const result = await callApi(auth.authFetch, '/api/spotify/token', {}, spotifyTokenSchema);
      if (result.ok) return result.data.accessToken;
      // Not connected any more (revoked at Spotify): show the card with the Connect button again.
      if (result.error.code === 'SPOTIFY_NOT_CONNECTED') void queryClient.invalidateQueries({ queryKey: ['spotify', 'status'] });
      throw new Error(result.error.message);
    };
    return (
      <div className="space-y-3">
        <SyncedStage client={client} status={status}>
          <SpotifyFrame key={mediaKey} uri={uri} getToken={getToken} client={client} mediaKey={mediaKey} />
        </SyncedStage>
        <p className="text-sm text-ink-muted">
          Playing through your Spotify account (Premium is required).{' '}
          <a href={href} target="_blank" rel="noopener noreferrer" className="font-semibold text-brand-700 underline dark:text-brand-300">
            Open on Spotify
          </a>
        </p>
        {notice}
        {controls(true)}
      </div>
    );
  }

  const configured = spotify.data?.configured ?? false;
  return (
    <div className="space-y-3">
      <PlayerCard
        title="Spotify plays in sync for Premium listeners"
        body={
          configured
            ? `${SPOTIFY_PREMIUM} Connect yours to listen here in sync, or open it on Spotify and follow the room's position below.`
            : `${SPOTIFY_PREMIUM} Connecting Spotify is not set up on this server, so open it on Spotify and follow the room's position below.`
        }
      >
        <div className="flex flex-wrap justify-center gap-2">
          {configured ? (
            <Button size="sm" onClick={() => void connect()} disabled={busy}>
              {busy ? 'Opening Spotify…' : 'Connect Spotify'}
            </Button>
          ) : null}
          <a href={href} target="_blank" rel="noopener noreferrer" className={buttonClasses({ variant: 'outline', size: 'sm' })}>
            Open on Spotify
          </a>
        </div>
      </PlayerCard>
      {connectError ? <FormAlert tone="error">{connectError}</FormAlert> : null}
      <RoomPositionNote client={client}>Listening on Spotify yourself? The room is at</RoomPositionNote>
      {controls(false)}
    </div>
  );
}

/** The Web Playback SDK player in this tab, attached to the sync client; a sentence when it fails. */
function SpotifyFrame({
  uri,
  getToken,
  client,
  mediaKey,
}: {
  uri: string;
  getToken: () => Promise<string>;
  client: PlaybackSyncClient;
  mediaKey: string;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  // The token source changes every render; the player is made once per item.
  const tokenRef = useRef(getToken);
  tokenRef.current = getToken;
  useEffect(() => {
    return attachWhenReady(
      () => loadSpotifySdk().then((Spotify) => createSpotifyAdapter(Spotify, uri, () => tokenRef.current())),
      client,
      mediaKey,
      setFailure,
    );
  }, [uri, client, mediaKey]);
  return (
    <div className="grid size-full place-items-center bg-hero-glow p-6 text-center">
      {failure ? (
        <p role="alert" className="max-w-md text-sm leading-6 text-white">
          {failure}
        </p>
      ) : (
        <p className="text-sm text-white/80">Spotify is playing in this tab.</p>
      )}
    </div>
  );
}

/** The player's frame, with the "Click to join playback" overlay and the player's failure. */
function SyncedStage({
  client,
  status,
  children,
}: {
  client: PlaybackSyncClient;
  status: SyncStatus;
  children: ReactNode;
}) {
  return (
    <div className={STAGE}>
      {children}
      {status.playerFailure ? (
        <div className="absolute inset-0 grid place-items-center bg-black/80 p-6 text-center">
          <p role="alert" className="max-w-md text-sm leading-6 text-white">
            {status.playerFailure}
          </p>
        </div>
      ) : status.needsGesture ? (
        <button
          type="button"
          onClick={() => client.joinPlayback()}
          className="absolute inset-0 grid place-items-center bg-black/60 text-white transition hover:bg-black/50"
        >
          <span className="flex flex-col items-center gap-3">
            <span className="grid size-16 place-items-center rounded-full bg-brand-600">
              <PlayIcon className="size-8 fill-current" />
            </span>
            <span className="text-base font-semibold">Click to join playback</span>
            <span className="max-w-xs text-xs text-white/80">
              Your browser starts videos only after a click on the page.
            </span>
          </span>
        </button>
      ) : null}
    </div>
  );
}

/** A `<video>` element driven through the HTML5 adapter (hls.js for playlists). */
function VideoElement({
  src,
  client,
  mediaKey,
}: {
  src: string;
  client: PlaybackSyncClient;
  mediaKey: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const adapter = new Html5Player(ref.current!, src);
    client.attach(adapter, mediaKey);
    return () => {
      client.detach(adapter);
      adapter.destroy();
    };
  }, [src, client, mediaKey]);
  // No native controls: a viewer's own pause would only be undone by the room's timeline.
  return <video ref={ref} playsInline preload="auto" className="size-full" data-testid="room-video" />;
}

/**
 * A Shorts episode in a room: this member's own signed URL from `shorts.watch` (the same access rules
 * as the watch page), or the paywall sentence when the episode is locked for them. A URL nearing its
 * expiry is fetched again.
 */
function EpisodeStage({
  episodeId,
  client,
  status,
  mediaKey,
}: {
  episodeId: string;
  client: PlaybackSyncClient;
  status: SyncStatus;
  mediaKey: string;
}) {
  const trpc = useTRPC();
  const watch = useQuery({
    ...trpc.shorts.watch.queryOptions({ episodeId }),
    staleTime: 5 * 60_000,
    refetchInterval: 10 * 60_000,
  });
  if (watch.isPending) return <PlayerCard title="Loading the episode" body="One moment…" />;
  if (watch.isError) return <PlayerCard title="This episode cannot play" body={watch.error.message} />;
  const view = watch.data;
  if (!view.playback) {
    const body =
      view.paywall === 'sign_up'
        ? 'This episode is locked: sign in to watch it with the room.'
        : `This episode is locked for you: unlock season ${view.season.number} of ${view.series.title} to watch it with the room.`;
    return <PlayerCard title={view.series.title} body={body} />;
  }
  return (
    <SyncedStage client={client} status={status}>
      <VideoElement key={mediaKey} src={view.playback.url} client={client} mediaKey={mediaKey} />
    </SyncedStage>
  );
}

/** The YouTube IFrame API player; a sentence when the API cannot load. */
function YouTubeFrame({
  videoId,
  client,
  mediaKey,
}: {
  videoId: string;
  client: PlaybackSyncClient;
  mediaKey: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    // The API replaces the element it is given with its iframe: give it one React does not own.
    const mount = document.createElement('div');
    hostRef.current!.append(mount);
    const cleanUp = attachWhenReady(
      () => loadYouTubeApi().then((YT) => createYouTubePlayer(YT, mount, videoId)),
      client,
      mediaKey,
      setFailure,
    );
    return () => {
      cleanUp();
      mount.remove();
    };
  }, [videoId, client, mediaKey]);
  return (
    <>
      <div ref={hostRef} className="size-full [&_iframe]:size-full" />
      {failure ? (
        <div className="absolute inset-0 grid place-items-center bg-black/80 p-6 text-center">
          <p role="alert" className="max-w-md text-sm leading-6 text-white">
            {failure}
          </p>
        </div>
      ) : null}
    </>
  );
}

/** The room's live position, for players each viewer drives by hand. */
function RoomPositionNote({ client, children }: { client: PlaybackSyncClient; children: ReactNode }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), 500);
    return () => window.clearInterval(timer);
  }, []);
  const intent = client.roomIntent();
  return (
    <p className="text-sm leading-6 text-ink-muted">
      {children}{' '}
      <span className="font-mono font-semibold text-ink tabular-nums">
        {formatMediaTime(client.roomPositionSec())}
      </span>{' '}
      ({intent?.isPlaying ? 'playing' : 'paused'}).
    </p>
  );
}

function PlayerCard({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <Card className="flex min-h-56 flex-col items-center justify-center gap-3 border-dashed bg-hero-glow text-center sm:aspect-video">
      <span className="grid size-14 place-items-center rounded-2xl bg-brand-100 text-brand-700 dark:bg-brand-900/60 dark:text-brand-200">
        <FilmIcon className="size-7" />
      </span>
      <p className="text-lg font-semibold text-ink">{title}</p>
      <p className="max-w-md text-sm leading-6 text-ink-muted">{body}</p>
      {children}
    </Card>
  );
}

/**
 * Attaches a player made asynchronously (its SDK loads first) to the sync client; returns the effect's
 * cleanup, which also disposes of a player that arrives after the effect was torn down.
 */
function attachWhenReady(
  make: () => Promise<PlayerAdapter>,
  client: PlaybackSyncClient,
  mediaKey: string,
  onFailure: (message: string) => void,
): () => void {
  let cancelled = false;
  let detach = () => {};
  make()
    .then((adapter) => {
      if (cancelled) return adapter.destroy();
      client.attach(adapter, mediaKey);
      detach = () => {
        client.detach(adapter);
        adapter.destroy();
      };
    })
    .catch((error: unknown) => {
      if (!cancelled) onFailure(error instanceof Error ? error.message : String(error));
    });
  return () => {
    cancelled = true;
    detach();
  };
}
