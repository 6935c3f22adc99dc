import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createVerifiedUser, signIn, type TestUser } from './auth-helpers';
import { expect, test } from './fixtures';
import { createPublicRoom, seekTo } from './playback-helpers';
import { makeTestVideo, serveTestVideo, type TestVideoServer } from './test-video';

/**
 * Issue 5's browser journey: two pages in one room stay together through play, pause and seek, and a
 * third page that joins late lands on the room's position. The video is made with ffmpeg at test time
 * and served from 127.0.0.1 by a small server with byte ranges (e2e/test-video.ts), so nothing large
 * is committed. The bound is the issue's loose one for CI (0.5 s); the tight figures
 * are the benchmark's business.
 */

const VIDEO_NAME = 'sync-test.mp4';
const VIDEO_SECONDS = 120;
/** The soft bound for the e2e suite, s. */
const BOUND_SEC = 0.5;
/** The server's refusal of a command from a member who may not control playback. */
const REFUSAL = /Only the leader can control playback/;

let videoDir = '';
let server: TestVideoServer | null = null;
let videoUrl = '';

test.beforeAll(async () => {
  videoDir = mkdtempSync(path.join(tmpdir(), 'wt-sync-'));
  const file = path.join(videoDir, VIDEO_NAME);
  makeTestVideo(file, { seconds: VIDEO_SECONDS });
  server = await serveTestVideo(file);
  videoUrl = server.url;
});

test.afterAll(async () => {
  await server?.close();
  if (videoDir) rmSync(videoDir, { recursive: true, force: true });
});

interface Reading {
  /** Wall time of the reading (every page runs on this machine's clock), ms. */
  atMs: number;
  positionSec: number;
  paused: boolean;
}

async function read(page: Page): Promise<Reading> {
  return page.getByTestId('room-video').evaluate((video: HTMLVideoElement) => ({
    atMs: performance.timeOrigin + performance.now(),
    positionSec: video.currentTime,
    paused: video.paused,
  }));
}

/** Position difference of two pages at the same instant (a playing page moves on between readings). */
async function gapSec(a: Page, b: Page): Promise<number> {
  const [ra, rb] = await Promise.all([read(a), read(b)]);
  const bAtA = rb.paused ? rb.positionSec : rb.positionSec + (ra.atMs - rb.atMs) / 1000;
  return Math.abs(ra.positionSec - bAtA);
}

/** Clicks "Click to join playback" whenever the browser asked for it, until the video plays. */
async function expectPlaying(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const overlay = page.getByRole('button', { name: /Click to join playback/ });
        if (await overlay.isVisible()) await overlay.click();
        return (await read(page)).paused;
      },
      { message: 'the video plays', timeout: 15_000 },
    )
    .toBe(false);
}

/** Waits for the pages to come together, then holds them to the bound over a few readings. */
async function expectTogether(pages: Page[], label: string): Promise<void> {
  const [first, ...others] = pages;
  for (const other of others) {
    await expect
      .poll(() => gapSec(first!, other), { message: `${label}: pages converge`, timeout: 15_000 })
      .toBeLessThan(BOUND_SEC);
  }
  const gaps: number[] = [];
  for (let i = 0; i < 6; i++) {
    for (const other of others) gaps.push(await gapSec(first!, other));
    await first!.waitForTimeout(250);
  }
  test
    .info()
    .annotations.push({ type: label, description: `max gap ${(Math.max(...gaps) * 1000).toFixed(0)} ms` });
  expect(Math.max(...gaps), `${label}: every reading within ${BOUND_SEC} s`).toBeLessThan(BOUND_SEC);
}

/**
 * Chromium's autoplay rule as a page sees it: media with sound starts only once the person has clicked
 * on the page. Headless Chromium under Playwright lets pages autoplay (its evaluations count as user
 * gestures), so the rule is put back, keyed on a real click, for the page that checks the "Click to
 * join playback" overlay.
 */
function autoplayNeedsClick() {
  let clicked = false;
  window.addEventListener('click', (event) => (clicked ||= event.isTrusted), true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    if (clicked) return play.call(this);
    return Promise.reject(
      new DOMException(
        "play() failed because the user didn't interact with the document first.",
        'NotAllowedError',
      ),
    );
  };
}

/** A signed-in page in the room. */
async function openRoom(
  browser: Browser,
  user: TestUser,
  roomUrl: string,
  options: { autoplayNeedsClick?: boolean } = {},
) {
  const context = await browser.newContext();
  if (options.autoplayNeedsClick) await context.addInitScript(autoplayNeedsClick);
  const page = await context.newPage();
  await signIn(page, user);
  await page.goto(roomUrl);
  await expect(page.getByTestId('room-video')).toBeAttached();
  return { context, page };
}

test('two pages stay in sync through play, pause and seek, and a late joiner lands with them', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const [userA, userB, userC] = await Promise.all([
    createVerifiedUser(request),
    createVerifiedUser(request),
    createVerifiedUser(request),
  ]);
  const contexts = [];
  try {
    const contextA = await browser.newContext();
    contexts.push(contextA);
    const pageA = await contextA.newPage();
    let roomUrl = '';

    await test.step('A creates a public room playing the test video', async () => {
      await signIn(pageA, userA);
      roomUrl = await createPublicRoom(pageA, videoUrl, `Sync test ${Date.now().toString(36)}`);
    });

    const b = await openRoom(browser, userB, roomUrl);
    contexts.push(b.context);
    const pageB = b.page;
    await expect(pageA.getByRole('list', { name: 'Members' })).toContainText(userB.displayName);

    await test.step('a member who may not control playback is told so', async () => {
      await pageB.getByRole('button', { name: 'Play', exact: true }).click();
      await expect(pageB.getByRole('alert').filter({ hasText: REFUSAL })).toBeVisible();
      expect((await read(pageA)).paused).toBe(true);
    });

    await test.step('A plays: both play, together', async () => {
      await pageA.getByRole('button', { name: 'Play', exact: true }).click();
      await Promise.all([expectPlaying(pageA), expectPlaying(pageB)]);
      await expect.poll(async () => (await read(pageB)).positionSec, { timeout: 10_000 }).toBeGreaterThan(1);
      await expectTogether([pageA, pageB], 'play');
      await expect(pageA.getByTestId('sync-badge')).toHaveAttribute('data-sync-level', /good|fair/);
    });

    await test.step('A pauses: both stop at the same frame', async () => {
      await pageA.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect.poll(async () => (await read(pageA)).paused).toBe(true);
      await expect.poll(async () => (await read(pageB)).paused).toBe(true);
      await expect
        .poll(() => gapSec(pageA, pageB), { message: 'paused on the same frame' })
        .toBeLessThan(0.1);
    });

    await test.step('A seeks while paused, then plays: both land on the target and go on together', async () => {
      await seekTo(pageA, 40);
      for (const page of [pageA, pageB]) {
        await expect
          .poll(async () => (await read(page)).positionSec, { message: 'lands on 40 s' })
          .toBeCloseTo(40, 0);
      }
      await pageA.getByRole('button', { name: 'Play', exact: true }).click();
      await Promise.all([expectPlaying(pageA), expectPlaying(pageB)]);
      await expectTogether([pageA, pageB], 'seek');
      expect((await read(pageA)).positionSec).toBeGreaterThan(40);
    });

    await test.step('A seeks while playing: both jump together', async () => {
      await seekTo(pageA, 80);
      for (const page of [pageA, pageB]) {
        await expect
          .poll(async () => (await read(page)).positionSec, { message: 'jumps to 80 s' })
          .toBeGreaterThan(79.5);
      }
      await expectTogether([pageA, pageB], 'seek while playing');
    });

    await test.step('C joins late, is asked for a click, clicks, and lands on the room position', async () => {
      const c = await openRoom(browser, userC, roomUrl, { autoplayNeedsClick: true });
      contexts.push(c.context);
      const overlay = c.page.getByRole('button', { name: /Click to join playback/ });
      await expect(overlay).toBeVisible();
      expect((await read(c.page)).paused).toBe(true);
      await overlay.click();
      await expect(overlay).toBeHidden();
      await expectPlaying(c.page);
      await expectTogether([pageA, pageB, c.page], 'late join');
    });
  } finally {
    for (const context of contexts) await context.close();
  }
});
