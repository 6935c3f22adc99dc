import type { Browser, BrowserContext, Page } from '@playwright/test';
import { signIn, type TestUser } from '../../e2e/auth-helpers';
import type { VideoReading } from './metrics';

/**
 * Browser pages of the benchmark: each in its own context (its own cookies), loading the web app from
 * its own origin (its delay proxy), with a probe that reads the room's `<video>` and notes when it
 * could first play.
 *
 * The functions handed to the page are written without inner named functions or closures: tsx
 * compiles this file with esbuild's name keeping, whose helper does not exist inside the page.
 */

/** What the probe keeps in the page. */
interface Probe {
  /** Wall time of the room video's first `canplay`, ms. */
  firstCanplayAtMs: number | null;
}

/** The few page globals the probe touches, typed here: the benchmark compiles without the DOM library. */
interface ProbeVideo {
  currentTime: number;
  paused: boolean;
  seeking: boolean;
  playbackRate: number;
  readyState: number;
}

interface PageGlobals {
  document: {
    addEventListener(
      type: 'canplay',
      listener: (event: { target: { getAttribute?(name: string): string | null } | null }) => void,
      capture: boolean,
    ): void;
    querySelector(selector: string): ProbeVideo | null;
  };
  __wtBenchProbe?: Probe;
}

/** Init script: media events do not bubble, but a capturing listener on the document sees them. */
function installProbe(): void {
  const page = globalThis as unknown as PageGlobals;
  const probe: Probe = { firstCanplayAtMs: null };
  page.__wtBenchProbe = probe;
  page.document.addEventListener(
    'canplay',
    (event) => {
      if (probe.firstCanplayAtMs !== null) return;
      if (event.target?.getAttribute?.('data-testid') !== 'room-video') return;
      probe.firstCanplayAtMs = performance.timeOrigin + performance.now();
    },
    true,
  );
}

/** The room video now, or null before the player is on the page. */
function readRoomVideo(): VideoReading | null {
  const video = (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="room-video"]');
  if (!video) return null;
  return {
    atMs: performance.timeOrigin + performance.now(),
    positionSec: video.currentTime,
    paused: video.paused,
    seeking: video.seeking,
    rate: video.playbackRate,
    readyState: video.readyState,
  };
}

function readFirstCanplay(): number | null {
  return (globalThis as unknown as PageGlobals).__wtBenchProbe?.firstCanplayAtMs ?? null;
}

export interface BenchPage {
  label: string;
  context: BrowserContext;
  page: Page;
}

/** A signed-in page whose every request to the app goes to `origin` (its delay proxy). */
export async function openSignedIn(
  browser: Browser,
  { origin, user, label }: { origin: string; user: TestUser; label: string },
): Promise<BenchPage> {
  const context = await browser.newContext({ baseURL: origin });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => process.stderr.write(`[${label}] page error: ${error.message}\n`));
  await signIn(page, user);
  return { label, context, page };
}

export async function readVideo(page: Page): Promise<VideoReading> {
  const reading = await page.evaluate(readRoomVideo);
  if (!reading) throw new Error('the room video is not on the page');
  return reading;
}

export function firstCanplayAtMs(page: Page): Promise<number | null> {
  return page.evaluate(readFirstCanplay);
}

/** Polls until `check` is true, or fails with `what` after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the page's room video has data to play (it loaded the media). */
export function waitForPlayable(bench: BenchPage): Promise<void> {
  return waitUntil(
    async () => ((await bench.page.evaluate(readRoomVideo))?.readyState ?? 0) >= 3,
    `${bench.label}'s video to load`,
  );
}

/**
 * Waits until the page's video plays, clicking "Click to join playback" if the browser asked for a
 * gesture (headless Chromium driven by Playwright usually lets pages autoplay). Returns whether it
 * had to click.
 */
export async function waitForPlaying(bench: BenchPage): Promise<boolean> {
  let clicked = false;
  await waitUntil(async () => {
    const overlay = bench.page.getByRole('button', { name: /Click to join playback/ });
    if (await overlay.isVisible()) {
      await overlay.click();
      clicked = true;
    }
    const reading = await bench.page.evaluate(readRoomVideo);
    return reading !== null && !reading.paused;
  }, `${bench.label}'s video to play`);
  return clicked;
}

/** Clicks "Click to join playback" when it shows; true if it did. */
export async function clickJoinOverlayIfShown(bench: BenchPage): Promise<boolean> {
  const overlay = bench.page.getByRole('button', { name: /Click to join playback/ });
  if (!(await overlay.isVisible())) return false;
  await overlay.click();
  return true;
}

/** Presses the transport's Play button; returns the page's wall time just before the click, ms. */
export async function pressPlay(bench: BenchPage): Promise<number> {
  const play = bench.page.getByRole('button', { name: 'Play', exact: true });
  await play.waitFor({ state: 'visible' });
  const atMs = await bench.page.evaluate(() => performance.timeOrigin + performance.now());
  await play.click();
  return atMs;
}
