import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { YOUTUBE_API_URL, YOUTUBE_LOAD_FAILED, type YTNamespace } from './youtube-api';

/** A fresh copy of the loader (it keeps one load per page). */
async function freshLoader() {
  vi.resetModules();
  return (await import('./youtube-api')).loadYouTubeApi;
}

/** A page without the API: a head that collects scripts, a window the API would fill in. */
function fakePage() {
  const scripts: Array<{ src: string; async: boolean; onerror: (() => void) | null; remove: () => void }> =
    [];
  const win: Record<string, unknown> = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
  };
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', {
    createElement: () => {
      const script = { src: '', async: false, onerror: null, remove: vi.fn() };
      return script;
    },
    head: { append: (script: (typeof scripts)[number]) => scripts.push(script) },
  });
  return { scripts, win };
}

describe('loadYouTubeApi', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('loads the script once and resolves when the API calls back', async () => {
    const { scripts, win } = fakePage();
    const loadYouTubeApi = await freshLoader();
    const first = loadYouTubeApi();
    const second = loadYouTubeApi();
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.src).toBe(YOUTUBE_API_URL);
    const YT = { Player: vi.fn() } as unknown as YTNamespace;
    win.YT = YT;
    (win.onYouTubeIframeAPIReady as () => void)();
    await expect(first).resolves.toBe(YT);
    await expect(second).resolves.toBe(YT);
    await expect(loadYouTubeApi()).resolves.toBe(YT);
  });

  it('says what to do when the script cannot load, and tries again on the next call', async () => {
    const { scripts } = fakePage();
    const loadYouTubeApi = await freshLoader();
    const loading = loadYouTubeApi();
    scripts[0]!.onerror!();
    await expect(loading).rejects.toThrow(YOUTUBE_LOAD_FAILED);
    void loadYouTubeApi().catch(() => {});
    expect(scripts).toHaveLength(2);
  });

  it('gives up when the API never calls back', async () => {
    fakePage();
    const loadYouTubeApi = await freshLoader();
    const loading = loadYouTubeApi(15_000);
    vi.advanceTimersByTime(15_001);
    await expect(loading).rejects.toThrow(YOUTUBE_LOAD_FAILED);
  });
});
