import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSpotifyAdapter } from './spotify-sdk';

/** A stand-in for the SDK's `Spotify.Player` that becomes device `dev-1`, or fails as told. */
function fakeSpotify(outcome: 'ready' | 'account_error' = 'ready') {
  const listeners = new Map<string, (payload: unknown) => void>();
  const made: Array<{ getOAuthToken: (cb: (token: string) => void) => void }> = [];
  const sdk = {
    addListener: vi.fn((event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return true;
    }),
    connect: vi.fn(() => {
      queueMicrotask(() =>
        listeners.get(outcome)!(outcome === 'ready' ? { device_id: 'dev-1' } : { message: 'no premium' }),
      );
      return Promise.resolve(true);
    }),
    resume: vi.fn(() => Promise.resolve()),
    pause: vi.fn(() => Promise.resolve()),
    seek: vi.fn(() => Promise.resolve()),
    disconnect: vi.fn(),
  };
  const Spotify = {
    Player: class {
      constructor(options: { getOAuthToken: (cb: (token: string) => void) => void }) {
        made.push(options);
        return sdk;
      }
    } as unknown as Parameters<typeof createSpotifyAdapter>[0]['Player'],
  };
  return { Spotify, sdk, made };
}

afterEach(() => vi.unstubAllGlobals());

describe('createSpotifyAdapter', () => {
  it("gives the SDK the viewer's token and puts a track on this tab's device, paused", async () => {
    const fetchMock = vi.fn((..._args: [string, RequestInit]) =>
      Promise.resolve(new Response(null, { status: 204 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { Spotify, sdk, made } = fakeSpotify();
    const getToken = vi.fn(() => Promise.resolve('tok-1'));

    const adapter = await createSpotifyAdapter(Spotify, 'spotify:track:4uLU6hMCjMI75M1A2tKUQC', getToken);

    expect(adapter.capabilities.rateControl).toBe(false);
    const token = await new Promise<string>((resolve) => made[0]!.getOAuthToken(resolve));
    expect(token).toBe('tok-1');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://api.spotify.com/v1/me/player/play?device_id=dev-1');
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok-1');
    expect(JSON.parse(init.body as string)).toEqual({
      uris: ['spotify:track:4uLU6hMCjMI75M1A2tKUQC'],
      position_ms: 0,
    });
    expect(sdk.pause).toHaveBeenCalled();
  });

  it('plays an album or playlist as a context', async () => {
    const fetchMock = vi.fn((..._args: [string, RequestInit]) =>
      Promise.resolve(new Response(null, { status: 204 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    await createSpotifyAdapter(fakeSpotify().Spotify, 'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M', () =>
      Promise.resolve('t'),
    );
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body as string)).toEqual({
      context_uri: 'spotify:playlist:37i9dQZF1DXcBWIGoYBM5M',
      position_ms: 0,
    });
  });

  it('rejects with the Premium sentence for a free account, and lets go of the SDK player', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const { Spotify, sdk } = fakeSpotify('account_error');
    await expect(
      createSpotifyAdapter(Spotify, 'spotify:track:4uLU6hMCjMI75M1A2tKUQC', () => Promise.resolve('t')),
    ).rejects.toThrow(/Spotify Premium/);
    expect(sdk.disconnect).toHaveBeenCalled();
  });
});
