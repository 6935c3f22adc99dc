import { deflateSync, crc32 } from 'node:zlib';
import { createVerifiedUser, signIn } from './auth-helpers';
import { expect, test } from './fixtures';

/** A solid-colour PNG, built by hand (a real image the API must decode, resize and re-encode). */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Issue 6: a fresh user edits their display name, bio and avatar and hides their watch stats from
 * everyone but friends; their public page shows the changes (and the right share-card meta); a
 * signed-out visitor sees the page but not the hidden stats, in the browser and in the server HTML.
 */
test('edit a profile in settings, then see it on the public page, with privacy for strangers', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const user = await createVerifiedUser(request);
  const displayName = `Night Owl ${user.username.slice(-4)}`;
  const bio = 'Movies after midnight, popcorn before.';

  await test.step('edit display name, bio, avatar and privacy in Settings', async () => {
    await signIn(page, user);
    await page.goto('/settings#profile');
    const profile = page.getByRole('region', { name: 'Profile' });
    await profile.getByLabel('Display name').fill(displayName);
    await profile.getByLabel('Bio').fill(bio);
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect(profile.getByText('Your profile is saved.')).toBeVisible();

    // Text with an image's name is refused by what the bytes are, not what the file is called.
    await profile.locator('input[type=file]').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
    await expect(profile.getByText(/That file is not an image we can read/)).toBeVisible();

    await profile.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png(320, 200, [220, 40, 120]) });
    await expect(profile.getByText('Your new avatar is saved.')).toBeVisible();
    await expect(profile.getByRole('img', { name: `${displayName}'s avatar` })).toHaveAttribute('src', /^\/api\/media\/avatars\/[0-9a-f-]{36}\/[0-9a-f]{32}\.webp$/);

    const privacy = page.getByRole('region', { name: 'Privacy' });
    await privacy.getByLabel('Who can see my watch stats').selectOption('friends');
    await privacy.getByRole('button', { name: 'Save privacy' }).click();
    await expect(privacy.getByText('Your privacy choices are saved.')).toBeVisible();
  });

  await test.step('the owner sees everything on /u/<username>, with the right meta', async () => {
    await page.goto(`/u/${user.username}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(displayName);
    await expect(page.getByTestId('profile-bio')).toHaveText(bio);
    const avatar = page.getByRole('img', { name: `${displayName}'s avatar` }).first();
    await expect(avatar).toHaveAttribute('src', /\/api\/media\/avatars\//);
    // The picture really loads through the web app's /api rewrite.
    await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', `${displayName} (@${user.username})`);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'profile');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /^http:\/\/localhost:\d+\/api\/media\/avatars\/.+\.webp$/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
    // The owner always sees their own stats.
    await expect(page.getByTestId('watch-hours')).toHaveText('0 hours');
    await expect(page.getByRole('link', { name: 'Edit profile' })).toBeVisible();
  });

  await test.step('a signed-out visitor sees the page but not the hidden stats', async () => {
    const stranger = await browser.newContext();
    try {
      const visitor = await stranger.newPage();
      await visitor.goto(`/u/${user.username}`);
      await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(displayName);
      await expect(visitor.getByTestId('profile-bio')).toHaveText(bio);
      await expect(visitor.getByText(`${displayName} keeps their watch stats private.`)).toBeVisible();
      await expect(visitor.getByTestId('watch-hours')).toHaveCount(0);
      await expect(visitor.getByText(`${displayName} keeps their friend list private.`)).toBeVisible();
      await expect(visitor.getByRole('button', { name: 'Add friend' })).toHaveCount(0);
    } finally {
      await stranger.close();
    }

    // The server-rendered HTML itself (what crawlers and share cards get).
    const html = await (await request.get(`/u/${user.username}`, { headers: { cookie: '' } })).text();
    expect(html).toContain(`<meta property="og:title" content="${displayName} (@${user.username})"/>`);
    expect(html).toContain(bio);
    expect(html).toContain('keeps their watch stats private');
    expect(html).not.toContain('data-testid="watch-hours"');
  });

  await test.step('with the whole profile for friends only, the server HTML keeps only name, avatar and level', async () => {
    const signedIn = await request.post('/api/auth/sign-in', { data: { login: user.username, password: user.password } });
    const { accessToken } = (await signedIn.json()) as { accessToken: string };
    const saved = await request.post('/trpc/settings.update', {
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      data: { json: { privacy: { profile: 'friends', watchStats: 'friends' } } },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const html = await (await request.get(`/u/${user.username}`)).text();
    expect(html).toContain(displayName);
    expect(html).toContain('/api/media/avatars/');
    expect(html).not.toContain(bio);
    expect(html).not.toContain('data-testid="watch-hours"');
  });

  await test.step('an unknown username is a 404 page', async () => {
    const response = await request.get('/u/nobody_by_that_name');
    expect(response.status()).toBe(404);
  });
});
