/*
 * Viewer-side figures for `pnpm bench:publish` (issue 9, "Speed"): in Chromium, against a running web
 * app, how fast an episode page shows its first frame and how fast ArrowDown shows the next episode's.
 *
 *   import { measureBrowser } from './browser';
 *   const { first_frame_p75_ms, next_swipe_p75_ms } = await measureBrowser('http://localhost:3000', episodeIds);
 *
 * `episodeIds`: published episodes of one season, in order, each playable signed out (free), at least
 * two. Standalone: `pnpm exec tsx bench/publish/browser.ts http://localhost:3000 <id> <id> ...` prints
 * the JSON object.
 *
 * first frame: a fresh browser context (empty HTTP cache, no session) per load, from navigation start
 * (`performance.timeOrigin`) to the first decoded frame of the episode's <video>:
 * `requestVideoFrameCallback` after `loadeddata`, or the first `timeupdate` with `currentTime > 0`,
 * whichever comes first. Loads cycle through the episodes, at least `loads` (default 8).
 * next swipe: open episode i, wait for its first frame and for the page to settle (the player warms
 * the next episode meanwhile), press ArrowDown, and time from the keydown to the first frame of the
 * next episode's video; at least `swipes` (default 8), cycling through consecutive pairs.
 */
import { chromium, type Browser, type Page } from '@playwright/test';

export interface BrowserFigures {
  first_frame_p75_ms: number;
  next_swipe_p75_ms: number;
  first_frame_samples_ms: number[];
  next_swipe_samples_ms: number[];
}

export interface MeasureOptions {
  loads?: number;
  swipes?: number;
  executablePath?: string;
  /** How long one page may take to show a frame. */
  timeoutMs?: number;
  /** After the first frame, before the swipe: the player warms the next episode in this time. */
  settleMs?: number;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Records, in the page, the first frame of every <video> (per source) and the time of every ArrowDown.
 * A string, not a function: tsx compiles this file with esbuild's name keeping, whose helper does not
 * exist inside the page.
 */
const INSTRUMENT = `
(() => {
  window.__wtFrames = [];
  window.__wtArrowDownAt = null;
  const seen = new WeakMap();
  const onFrame = (video, t) => {
    const source = video.currentSrc || video.src;
    if (seen.get(video) === source) return;
    seen.set(video, source);
    const holder = video.closest('[data-episode-id]');
    window.__wtFrames.push({ id: holder ? holder.getAttribute('data-episode-id') : null, t });
  };
  document.addEventListener('loadeddata', (event) => {
    const video = event.target;
    if (video instanceof HTMLVideoElement && 'requestVideoFrameCallback' in video) {
      video.requestVideoFrameCallback((now) => onFrame(video, now));
    }
  }, true);
  document.addEventListener('timeupdate', (event) => {
    const video = event.target;
    if (video instanceof HTMLVideoElement && video.currentTime > 0) onFrame(video, performance.now());
  }, true);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') window.__wtArrowDownAt = performance.now();
  }, true);
})();
`;

interface PageProbe {
  __wtFrames: { id: string | null; t: number }[];
  __wtArrowDownAt: number | null;
}

async function firstFrameOf(page: Page, episodeId: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    (id) => (globalThis as unknown as PageProbe).__wtFrames.find((f) => f.id === id)?.t ?? null,
    episodeId,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

export function p75(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank.
  return sorted[Math.max(0, Math.ceil(0.75 * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function measureBrowser(baseUrl: string, episodeIds: readonly string[], options: MeasureOptions = {}): Promise<BrowserFigures> {
  if (episodeIds.length < 2) throw new Error('measureBrowser needs at least two consecutive playable episodes.');
  const { loads = 8, swipes = 8, executablePath = '/usr/bin/chromium', timeoutMs = 20_000, settleMs = 2_000 } = options;
  const browser: Browser = await chromium.launch({ executablePath, args: ARGS });
  const firstFrames: number[] = [];
  const nextSwipes: number[] = [];
  try {
    // Warm the server (route compilation, caches) once: the figures are about the viewer, not a cold start.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript({ content: INSTRUMENT });
      await page.goto(`${baseUrl}/watch/${episodeIds[0]}`);
      await firstFrameOf(page, episodeIds[0]!, timeoutMs).catch(() => undefined);
      await context.close();
    }

    for (let i = 0; i < loads; i++) {
      const id = episodeIds[i % episodeIds.length]!;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript({ content: INSTRUMENT });
      await page.goto(`${baseUrl}/watch/${id}`);
      firstFrames.push(round(await firstFrameOf(page, id, timeoutMs)));
      await context.close();
    }

    for (let i = 0; i < swipes; i++) {
      const from = episodeIds[i % (episodeIds.length - 1)]!;
      const to = episodeIds[(i % (episodeIds.length - 1)) + 1]!;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript({ content: INSTRUMENT });
      await page.goto(`${baseUrl}/watch/${from}`);
      await firstFrameOf(page, from, timeoutMs);
      await page.waitForTimeout(settleMs);
      await page.keyboard.press('ArrowDown');
      const shownAt = await firstFrameOf(page, to, timeoutMs);
      const pressedAt = await page.evaluate(() => (globalThis as unknown as PageProbe).__wtArrowDownAt);
      if (pressedAt === null) throw new Error('The ArrowDown key press was not seen by the page.');
      nextSwipes.push(round(shownAt - pressedAt));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    first_frame_p75_ms: p75(firstFrames),
    next_swipe_p75_ms: p75(nextSwipes),
    first_frame_samples_ms: firstFrames,
    next_swipe_samples_ms: nextSwipes,
  };
}

// Standalone: tsx bench/publish/browser.ts <baseUrl> <episodeId> <episodeId> ...
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [baseUrl, ...ids] = process.argv.slice(2);
  if (!baseUrl || ids.length < 2) {
    process.stderr.write('usage: tsx bench/publish/browser.ts <baseUrl> <episodeId> <episodeId> [...]\n');
    process.exit(2);
  }
  measureBrowser(baseUrl, ids).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
