import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import pg from 'pg';
import { createVerifiedUser, signIn } from './auth-helpers';
import { expect, test } from './fixtures';
import { assertFfmpeg } from './test-video';

/**
 * The creator side of Shorts (issue 9) in the browser: a member applies, an admin approves, the
 * creator builds a series, uploads a vertical clip to each of two episodes (tus, with progress and a
 * pause), publishes them and the series, and the first episode plays in the vertical player with
 * ArrowDown moving to the second. Also: a file that is not a video gets the server's sentence.
 */

const PG_PORT = process.env.E2E_EMBEDDED_PG_PORT ?? '54339';
const DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/watchtogether`;

let clipDir: string;
let clips: [string, string];
let notAVideo: string;
let cover: string;

/** A few seconds of ffmpeg's test pattern with a tone, 360x640: a vertical episode. */
function makeVerticalClip(file: string, frequency: number): void {
  execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=360x640:rate=30',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${frequency}`,
      '-t',
      '3',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      '-movflags',
      '+faststart',
      '-y',
      file,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

test.beforeAll(() => {
  assertFfmpeg();
  clipDir = mkdtempSync(path.join(tmpdir(), 'wt-shorts-'));
  clips = [path.join(clipDir, 'episode-one.mp4'), path.join(clipDir, 'episode-two.mp4')];
  makeVerticalClip(clips[0], 440);
  makeVerticalClip(clips[1], 660);
  // Named like a video so the studio's own check lets it through: the server reads the bytes.
  cover = path.join(clipDir, 'cover.png');
  makeCover(cover);
  notAVideo = path.join(clipDir, 'holiday-notes.mp4');
  writeFileSync(notAVideo, 'These are my holiday notes, not a video at all.\n'.repeat(200));
});

test.afterAll(() => {
  if (clipDir) rmSync(clipDir, { recursive: true, force: true });
});

/** A portrait cover image (PNG) made with ffmpeg. */
function makeCover(file: string): void {
  execFileSync(
    'ffmpeg',
    ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=purple:s=300x400', '-frames:v', '1', '-y', file],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
}

/** The admin role is set in the database: there is no UI to make the first admin. */
async function makeAdmin(username: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE users SET role = 'admin' WHERE username = $1`, [
      username,
    ]);
    if (rowCount !== 1) throw new Error(`no user ${username} in the e2e database`);
  } finally {
    await client.end();
  }
}

function episodeRow(page: Page, number: number): Locator {
  return page.getByRole('listitem', { name: new RegExp(`^Episode ${number}: `) });
}

/** Holds each tus PATCH for a moment, so the progress bar (and Pause) can be seen on a tiny clip. */
async function slowUploads(page: Page, delayMs: number): Promise<void> {
  await page.route('**/api/uploads/**', async (route) => {
    if (route.request().method() === 'PATCH') await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      await route.continue();
    } catch {
      // The upload was paused: the browser aborted this request while it was held.
    }
  });
}

/** The member applies in the studio with a display name and a page address. */
async function apply(
  page: Page,
  displayName: string,
  slug: string,
  button = 'Send application',
): Promise<void> {
  await page.getByLabel('Creator name').fill(displayName);
  await page.getByLabel('Page address').fill(slug);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { name: 'Your application is waiting for review' })).toBeVisible();
}

/** Creates a draft series from the studio overview and opens it. */
async function createSeries(page: Page, title: string, slug: string): Promise<void> {
  await page.getByRole('button', { name: 'New series' }).click();
  const dialog = page.getByRole('dialog', { name: 'New series' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Page address').fill(slug);
  await dialog.getByLabel('Genre').selectOption('comedy');
  await dialog.getByRole('button', { name: 'Create series' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function addEpisode(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Add episode to season 1' }).click();
  const form = page.getByRole('form', { name: 'New episode in season 1' });
  await form.getByLabel('Episode title').fill(title);
  await form.getByRole('button', { name: 'Add episode' }).click();
  await expect(page.getByRole('listitem', { name: new RegExp(`: ${title}$`) })).toBeVisible();
}

/** Waits until a <video> on the page plays, and answers its source (a signed URL of one episode). */
async function playingSource(page: Page, other?: string): Promise<string> {
  let source = '';
  await expect
    .poll(
      async () => {
        source = await page.evaluate(() => {
          const playing = Array.from(document.querySelectorAll('video')).find(
            (v) => !v.paused && v.currentTime > 0.2,
          );
          return playing?.currentSrc ?? '';
        });
        return source !== '' && source !== other;
      },
      { message: 'a video plays', timeout: 20_000 },
    )
    .toBe(true);
  return source;
}

test('a creator applies, is approved, uploads two episodes, publishes them and they play in order', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const [creator, admin] = await Promise.all([createVerifiedUser(request), createVerifiedUser(request)]);
  await makeAdmin(admin.username);
  const slug = `e2e-${creator.username.replace(/_/g, '-')}`.slice(0, 40);

  // The member applies.
  await signIn(page, creator);
  await page.goto('/studio');
  await expect(page.getByRole('heading', { name: 'Apply to become a creator' })).toBeVisible();
  await page.getByLabel('Creator name').fill(`Studio ${creator.displayName}`);
  await page.getByLabel('Page address').fill('Not A Slug!');
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(
    page.getByText('The creator page address uses lower-case letters, digits and single dashes.'),
  ).toBeVisible();
  await page.getByLabel('Page address').fill(slug);
  await page.getByLabel('Bio').fill('Tiny vertical dramas, three seconds at a time.');
  await page.getByLabel('Links').fill('https://example.com/my-work');
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('heading', { name: 'Your application is waiting for review' })).toBeVisible();

  // An admin approves it.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  await adminPage.goto('/admin/creators');
  const application = adminPage.getByRole('listitem', {
    name: `Application of Studio ${creator.displayName}`,
  });
  await expect(application).toContainText(creator.email);
  await expect(application).toContainText(`/creators/${slug}`);
  await application.getByRole('button', { name: /^Approve/ }).click();
  await expect(
    adminPage.getByText(`Studio ${creator.displayName} (${creator.username}) is now a creator.`),
  ).toBeVisible();
  await adminContext.close();

  // The creator's studio opens: a series, a season, two episodes.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your series' })).toBeVisible();
  await expect(page.getByText('How uploads are processed here')).toBeVisible();
  await page.getByRole('button', { name: 'New series' }).click();
  const dialog = page.getByRole('dialog', { name: 'New series' });
  await dialog.getByLabel('Title').fill('Three Second Stories');
  await dialog.getByLabel('Page address').fill(slug);
  await dialog.getByRole('button', { name: 'Create series' }).click();
  await expect(dialog.getByText('Choose a genre.')).toBeVisible();
  await dialog.getByLabel('Genre').selectOption('drama');
  await dialog.getByRole('button', { name: 'Create series' }).click();
  await expect(page).toHaveURL(/\/studio\/series\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Three Second Stories' })).toBeVisible();

  // A new series comes with season 1: name it and price it (dollars with cents), add and remove a second.
  await page.getByRole('button', { name: 'Edit season 1' }).click();
  const seasonSettings = page.getByRole('form', { name: 'Season 1 settings' });
  await seasonSettings.getByLabel('Season title').fill('Pilot season');
  await seasonSettings.getByLabel('Price (dollars)').fill('4.999');
  await seasonSettings.getByRole('button', { name: 'Save season' }).click();
  await expect(
    seasonSettings.getByText('Write the price in dollars with at most two decimals, like 4.99.'),
  ).toBeVisible();
  await seasonSettings.getByLabel('Price (dollars)').fill('4.99');
  await seasonSettings.getByRole('button', { name: 'Save season' }).click();
  await expect(page.getByRole('region', { name: 'Season 1: Pilot season' })).toContainText('price $4.99');
  const addSeason = page.getByRole('region', { name: 'Add season 2' });
  await addSeason.getByRole('button', { name: 'Add season' }).click();
  await expect(page.getByRole('region', { name: 'Season 2', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete season 2' }).click();
  await page.getByRole('button', { name: 'Yes, delete season 2' }).click();
  await expect(page.getByRole('region', { name: 'Season 2', exact: true })).toHaveCount(0);

  await addEpisode(page, 'The knock');
  await addEpisode(page, 'The door');

  // Bad input: bytes that are not a video, named .mp4, get the server's sentence.
  await episodeRow(page, 1)
    .getByLabel(/Upload video for episode 1/)
    .setInputFiles(notAVideo);
  await expect(episodeRow(page, 1).getByRole('alert')).toHaveText(
    'That file is not a video we can take: upload an MP4, MOV, WebM or MKV file.',
    { timeout: 30_000 },
  );
  await expect(episodeRow(page, 1).getByTestId('episode-status')).toHaveText('Draft');

  // Real clips: progress, a pause and a resume on the first, then processing to Ready.
  await slowUploads(page, 1_500);
  await episodeRow(page, 1)
    .getByLabel(/(Upload|Replace) video for episode 1/)
    .setInputFiles(clips[0]);
  const progress = episodeRow(page, 1).getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await episodeRow(page, 1).getByRole('button', { name: 'Pause upload' }).click();
  await expect(episodeRow(page, 1).getByText(/^Paused: episode-one\.mp4/)).toBeVisible();
  await episodeRow(page, 1).getByRole('button', { name: 'Resume upload' }).click();
  await episodeRow(page, 2)
    .getByLabel(/Upload video for episode 2/)
    .setInputFiles(clips[1]);
  await expect(episodeRow(page, 2).getByRole('progressbar')).toBeVisible();

  for (const number of [1, 2]) {
    await expect(episodeRow(page, number).getByTestId('episode-status')).toHaveText('Ready', {
      timeout: 120_000,
    });
  }
  await page.unroute('**/api/uploads/**');

  // Publish both episodes, then the series.
  for (const number of [1, 2]) {
    await episodeRow(page, number)
      .getByRole('button', { name: `Publish episode ${number}` })
      .click();
    await expect(episodeRow(page, number).getByTestId('episode-status')).toHaveText('Published');
  }
  await page.getByRole('radio', { name: /^Published/ }).check();
  await page.getByRole('button', { name: 'Save series' }).click();
  await expect(page.getByText('Series saved.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Public page' })).toHaveAttribute('href', `/series/${slug}`);

  const [firstHref, secondHref] = await Promise.all(
    [1, 2].map((n) =>
      episodeRow(page, n)
        .getByRole('link', { name: `Watch episode ${n}` })
        .getAttribute('href'),
    ),
  );
  expect(firstHref).toMatch(/^\/watch\/[0-9a-f-]{36}$/);

  // The vertical player: the first plays, ArrowDown moves to the second, which plays.
  await page.goto(firstHref!);
  const firstSource = await playingSource(page);
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(new RegExp(`${secondHref}$`));
  await playingSource(page, firstSource);
});

test('a rejected applicant applies again; the creator reorders, edits, grants access, adds a cover and resumes an upload after a reload; an admin features the series', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const [creator, admin, friend] = await Promise.all([
    createVerifiedUser(request),
    createVerifiedUser(request),
    createVerifiedUser(request),
  ]);
  await makeAdmin(admin.username);
  const slug = `tools-${creator.username.replace(/_/g, '-')}`.slice(0, 40);
  const displayName = `Tools ${creator.displayName}`;

  await signIn(page, creator);
  await page.goto('/studio');
  await apply(page, displayName, slug);

  // The admin rejects: a reason is needed, and the applicant reads it.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  await adminPage.goto('/admin/creators');
  const application = () => adminPage.getByRole('listitem', { name: `Application of ${displayName}` });
  await application()
    .getByRole('button', { name: /^Reject/ })
    .click();
  await application().getByRole('button', { name: 'Reject application' }).click();
  await expect(
    application().getByText('Say why the application is rejected: the applicant reads it.'),
  ).toBeVisible();
  await application().getByLabel('Reason').fill('Add a link to your earlier work.');
  await application().getByRole('button', { name: 'Reject application' }).click();
  await expect(
    adminPage.getByText(`${displayName} (${creator.username}) was not approved; they see your reason.`),
  ).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your application was not approved' })).toBeVisible();
  await expect(page.getByText('Add a link to your earlier work.')).toBeVisible();
  await page.getByLabel('Links').fill('https://example.com/earlier-work');
  await page.getByRole('button', { name: 'Apply again' }).click();
  await expect(page.getByRole('heading', { name: 'Your application is waiting for review' })).toBeVisible();

  await adminPage.reload();
  await application()
    .getByRole('button', { name: /^Approve/ })
    .click();
  await expect(adminPage.getByText(`${displayName} (${creator.username}) is now a creator.`)).toBeVisible();

  // Reorder, edit, grant access, cover.
  await page.reload();
  await createSeries(page, 'Toolbox Tales', slug);
  await addEpisode(page, 'Opening');
  await addEpisode(page, 'Closing');
  await episodeRow(page, 2).getByRole('button', { name: 'Move up episode 2' }).click();
  await expect(episodeRow(page, 1)).toContainText('Closing');
  await expect(episodeRow(page, 2)).toContainText('Opening');

  await episodeRow(page, 2).getByRole('button', { name: 'Edit episode 2' }).click();
  const editForm = page.getByRole('form', { name: 'Edit episode 2' });
  await editForm.getByLabel('Free or locked').selectOption('locked');
  await editForm.getByLabel('Episode title').fill('');
  await editForm.getByRole('button', { name: 'Save episode' }).click();
  await expect(editForm.getByText('Give the episode a title.')).toBeVisible();
  await editForm.getByLabel('Episode title').fill('Opening, again');
  await editForm.getByRole('button', { name: 'Save episode' }).click();
  await expect(episodeRow(page, 2)).toContainText('Locked always');
  await expect(episodeRow(page, 2)).toContainText('Opening, again');

  const grant = page.getByRole('form', { name: 'Grant access to season 1' });
  await grant.getByLabel('Grant access').fill('nobody_by_that_name');
  await grant.getByRole('button', { name: 'Grant' }).click();
  await expect(grant.getByText('There is nobody called nobody_by_that_name.')).toBeVisible();
  await grant.getByLabel('Grant access').fill(friend.username);
  await grant.getByRole('button', { name: 'Grant' }).click();
  await expect(grant.getByText(`${friend.username} can now watch every episode of season 1.`)).toBeVisible();

  await page.getByLabel('Upload cover').setInputFiles(cover);
  await expect(page.getByText('Cover saved.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Cover of Toolbox Tales' })).toBeVisible();

  // The upload survives a reload: choosing the same file again resumes it. Then publish the episode
  // and the series, so an admin can feature it.
  await slowUploads(page, 15_000);
  await episodeRow(page, 1)
    .getByLabel(/Upload video for episode 1/)
    .setInputFiles(clips[0]);
  await expect(episodeRow(page, 1).getByRole('progressbar')).toBeVisible();
  await page.reload();
  await expect(episodeRow(page, 1)).toContainText(
    'The upload of episode-one.mp4 stopped before it finished.',
  );
  await page.unroute('**/api/uploads/**');
  await slowUploads(page, 1_500);
  await episodeRow(page, 1)
    .getByLabel(/Resume upload of episode-one\.mp4 for episode 1/)
    .setInputFiles(clips[0]);
  await expect(episodeRow(page, 1).getByText(/^Resuming upload of episode-one\.mp4/)).toBeVisible();
  await expect(episodeRow(page, 1).getByTestId('episode-status')).toHaveText('Ready', { timeout: 120_000 });
  await page.unroute('**/api/uploads/**');
  await episodeRow(page, 1).getByRole('button', { name: 'Publish episode 1' }).click();
  await expect(episodeRow(page, 1).getByTestId('episode-status')).toHaveText('Published');
  await page.getByRole('radio', { name: /^Published/ }).check();
  await page.getByRole('button', { name: 'Save series' }).click();
  await expect(page.getByText('Series saved.')).toBeVisible();

  // The admin puts it first on the Shorts home page, then takes it off.
  await adminPage.goto('/admin/shorts');
  await adminPage.getByLabel('Published series').selectOption({ label: `Toolbox Tales — ${displayName}` });
  await adminPage.getByLabel('Position').fill('1');
  await adminPage.getByRole('button', { name: 'Feature series' }).click();
  const featured = adminPage.getByRole('list', { name: 'Featured series' });
  const slot = featured.getByRole('listitem').filter({ hasText: 'Toolbox Tales' });
  await expect(slot).toContainText(/^1/);
  await featured.getByRole('button', { name: 'Remove Toolbox Tales' }).click();
  await expect(adminPage.getByRole('link', { name: 'Toolbox Tales' })).toHaveCount(0);
  await adminContext.close();
});
