import type { Page } from '@playwright/test';
import { createVerifiedUser, signIn } from './auth-helpers';
import { expect, test } from './fixtures';

/**
 * Issue 9, point 7: the viewer side of Shorts on the demo catalogue (packages/db/src/seed: "Midnight
 * Diner Confessions", 3 free episodes then locked ones, generated 6 s vertical clips the API copies in
 * on start). The series page is server-rendered with its episode list and JSON-LD; the vertical player
 * plays, ArrowDown moves to the next episode (history works), and a locked episode shows the paywall.
 */
const SERIES = { slug: 'midnight-diner-confessions', title: 'Midnight Diner Confessions' };

// The unknown series is a real 404, which the browser logs.
test.use({ allowedFailedLoads: [/^\/series\/no-such-series$/] });

async function episodeHrefs(page: Page): Promise<string[]> {
  await page.goto(`/series/${SERIES.slug}`);
  const links = page.getByTestId('episode-list').first().getByRole('link');
  await expect(links.first()).toBeVisible();
  return links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The player of the episode on screen shows moving pictures. */
async function expectPlaying(page: Page, href: string) {
  const episodeId = href.split('/').pop()!;
  const video = page.locator(`[data-episode-id="${episodeId}"] video`);
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000, message: `episode ${episodeId} plays` })
    .toBeGreaterThan(0.3);
}

test('the series page lists free and locked episodes, with Open Graph and TVSeries JSON-LD', async ({ page, request }) => {
  await test.step('server HTML: crawlers get the list, the share card and the structured data', async () => {
    const response = await request.get(`/series/${SERIES.slug}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('<meta property="og:type" content="video.tv_show"');
    expect(html).toContain(`<link rel="canonical" href="http://localhost:${process.env.PORT ?? 3000}/series/${SERIES.slug}"`);
    expect(html).toContain('application/ld+json');
    expect(html).toContain('Cherry Pie at 2 A.M.');
  });

  await page.goto(`/series/${SERIES.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SERIES.title);
  await expect(page.getByRole('link', { name: 'Maya Chen' })).toHaveAttribute('href', '/creators/maya-chen');

  const rows = page.getByTestId('episode-list').first().getByTestId('episode-row');
  await expect(rows).toHaveCount(6);
  for (const i of [0, 1, 2]) {
    await expect(rows.nth(i).getByTestId('episode-free')).toHaveText('Free');
  }
  await expect(rows.nth(3).getByTestId('episode-locked')).toHaveText('Locked');
  await expect(rows.nth(3).getByRole('link')).toHaveAccessibleName(/Closing Time \(locked\)/);

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? 'null') as {
    '@type': string;
    name: string;
    containsSeason: { seasonNumber: number; episode: { '@type': string; name: string; video: { '@type': string; duration?: string; thumbnailUrl?: string } }[] }[];
  };
  expect(ld['@type']).toBe('TVSeries');
  expect(ld.name).toBe(SERIES.title);
  expect(ld.containsSeason[0]!.seasonNumber).toBe(1);
  const firstEpisode = ld.containsSeason[0]!.episode[0]!;
  expect(firstEpisode).toMatchObject({ '@type': 'TVEpisode', name: 'Cherry Pie at 2 A.M.', video: { '@type': 'VideoObject' } });
  expect(firstEpisode.video.duration).toMatch(/^PT\d+S$/);

  await page.goto('/series/no-such-series');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Series not found');
});

test('the vertical player plays, ArrowDown plays the next episode, and a locked episode shows the paywall', async ({ page }) => {
  test.setTimeout(90_000);
  const hrefs = await episodeHrefs(page);

  await test.step('episode 1 plays', async () => {
    await page.goto(hrefs[0]!);
    await expect(page.getByTestId('episode-heading')).toContainText('E1');
    await expect(page.getByRole('link', { name: SERIES.title, exact: true })).toHaveAttribute('href', `/series/${SERIES.slug}`);
    await expectPlaying(page, hrefs[0]!);
  });

  await test.step('ArrowDown: episode 2 plays; Back returns to episode 1', async () => {
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`));
    await expect(page.getByTestId('episode-heading')).toContainText('E2');
    await expectPlaying(page, hrefs[1]!);
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`));
  });

  await test.step('a locked episode asks a signed-out viewer to sign up', async () => {
    await page.goto(hrefs[3]!);
    const card = page.getByTestId('paywall-card');
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading')).toHaveText('Sign up to keep watching');
    await expect(card.getByRole('link', { name: 'Sign up to keep watching' })).toHaveAttribute(
      'href',
      `/sign-up?next=${encodeURIComponent(hrefs[3]!)}`,
    );
    await expect(card.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('video')).toHaveCount(0);
  });
});

test('a signed-in viewer without the season sees the unlock button, disabled with a sentence', async ({ page, request }) => {
  test.setTimeout(60_000);
  const user = await createVerifiedUser(request);
  await signIn(page, user);
  const hrefs = await episodeHrefs(page);
  await page.goto(hrefs[3]!);
  const card = page.getByTestId('paywall-card');
  await expect(card.getByRole('button', { name: 'Unlock season 1' })).toBeDisabled();
  await expect(card).toContainText('Season unlocks open soon: payments are not available yet.');
});

test('"Watch with friends" opens a watch room that plays the episode', async ({ page, request }) => {
  test.setTimeout(60_000);
  const user = await createVerifiedUser(request);
  await signIn(page, user);
  const hrefs = await episodeHrefs(page);
  await page.goto(hrefs[0]!);
  await page.getByRole('button', { name: 'Watch with friends' }).click();
  await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: new RegExp(`${SERIES.title} · S1 E1`) })).toBeVisible();
  const video = page.getByTestId('room-video');
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000, message: 'the room loads the episode' })
    .toBeGreaterThanOrEqual(2);
});

test('the Shorts home shows the catalogue, and a series links to its creator page', async ({ page }) => {
  await page.goto('/shorts');
  const catalogue = page.getByTestId('shorts-catalogue');
  await expect(catalogue).toBeVisible();
  const card = catalogue.getByTestId('series-card').filter({ hasText: SERIES.title }).first();
  await expect(card).toContainText('Maya Chen');
  await expect(card).toContainText('3 free episodes');
  await card.getByRole('link', { name: SERIES.title }).click();
  await expect(page).toHaveURL(new RegExp(`/series/${SERIES.slug}$`));

  await page.getByRole('link', { name: 'Maya Chen' }).click();
  await expect(page).toHaveURL(/\/creators\/maya-chen$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maya Chen');
  await expect(page.getByTestId('series-card').filter({ hasText: SERIES.title })).toBeVisible();
  for (const link of await page.locator('a[target="_blank"]').all()) {
    await expect(link).toHaveAttribute('rel', /nofollow noopener/);
  }
});
