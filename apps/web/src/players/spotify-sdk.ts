import { loadSdkScript } from './load-sdk-script';
import { SPOTIFY_ERRORS, SpotifyPlayer, type SpotifySdkPlayer } from './spotify-player';

/**
 * The Spotify Web Playback SDK's loader, and a room player made from it. The SDK is a script that
 * defines `window.Spotify` and calls `window.onSpotifyWebPlaybackSDKReady`. The player it makes is a
 * Spotify Connect device in this tab; the room's item is put on it through the Web API, with the
 * viewer's token from `getToken` (GET /api/spotify/token), which the SDK also asks for when it needs one.
 */

export const SPOTIFY_SDK_URL = 'https://sdk.scdn.co/spotify-player.js';
export const SPOTIFY_LOAD_FAILED =
  "Spotify's player could not load. Check your connection (or allow spotify.com in your content blocker), then reload the page.";
const SPOTIFY_API = 'https://api.spotify.com/v1';

interface SpotifySdkPlayerFull extends SpotifySdkPlayer {
  connect(): Promise<boolean>;
}

interface SpotifyNamespace {
  Player: new (options: {
    name: string;
    getOAuthToken: (callback: (token: string) => void) => void;
    volume?: number;
  }) => SpotifySdkPlayerFull;
}

type SpotifyWindow = { Spotify?: Partial<SpotifyNamespace>; onSpotifyWebPlaybackSDKReady?: () => void };

let loading: Promise<SpotifyNamespace> | null = null;

/** Loads the SDK once per page; rejects with SPOTIFY_LOAD_FAILED, and a later call tries again. */
export function loadSpotifySdk(timeoutMs = 15_000): Promise<SpotifyNamespace> {
  const win = window as unknown as SpotifyWindow;
  if (win.Spotify?.Player) return Promise.resolve(win.Spotify as SpotifyNamespace);
  loading ??= loadSdkScript<SpotifyNamespace>({
    url: SPOTIFY_SDK_URL,
    callbackName: 'onSpotifyWebPlaybackSDKReady',
    ready: () => (win.Spotify?.Player ? (win.Spotify as SpotifyNamespace) : null),
    failure: SPOTIFY_LOAD_FAILED,
    timeoutMs,
  }).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/**
 * A connected SDK player with the room's item (`spotify:track:…`, or an album/playlist/show as its
 * context) loaded on it, wrapped in the seek-only adapter. Rejects with a sentence.
 */
export async function createSpotifyAdapter(
  Spotify: SpotifyNamespace,
  uri: string,
  getToken: () => Promise<string>,
): Promise<SpotifyPlayer> {
  const sdk = new Spotify.Player({
    name: 'WatchTogether',
    getOAuthToken: (callback) => void getToken().then(callback, () => {}),
    volume: 0.8,
  });
  const adapter = new SpotifyPlayer(sdk);
  const deviceId = new Promise<string>((resolve, reject) => {
    sdk.addListener('ready', (payload) => resolve((payload as { device_id: string }).device_id));
    for (const event of ['initialization_error', 'authentication_error', 'account_error']) {
      sdk.addListener(event, () => reject(new Error(SPOTIFY_ERRORS[event])));
    }
  });
  try {
    if (!(await sdk.connect())) throw new Error(SPOTIFY_LOAD_FAILED);
    const device = await deviceId;
    const single = /^spotify:(track|episode):/.test(uri);
    const response = await fetch(
      `${SPOTIFY_API}/me/player/play?${new URLSearchParams({ device_id: device })}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${await getToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify(single ? { uris: [uri], position_ms: 0 } : { context_uri: uri, position_ms: 0 }),
      },
    );
    if (!response.ok) throw new Error('Spotify could not start this item here. Open it on Spotify instead.');
    // Loaded; the room's timeline decides whether it plays (the sync client pauses or seeks it).
    await sdk.pause().catch(() => {});
    return adapter;
  } catch (error) {
    adapter.destroy();
    throw error;
  }
}
