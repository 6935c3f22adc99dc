import { expect, expectNoClippedContent, test } from './fixtures';

/** Every page of the shell renders its one h1 without console errors (the fixture checks). */
const PAGES = [
  { path: '/explore', heading: 'Find a room and press play together' },
  { path: '/shorts', heading: 'Stories told in minutes, made for your phone' },
  { path: '/pricing', heading: /^Free to watch together/ },
  { path: '/home', heading: 'Home' },
  { path: '/rooms', heading: 'My rooms' },
  { path: '/friends', heading: 'Friends' },
  { path: '/leaderboard', heading: 'Leaderboard' },
  { path: '/guilds', heading: 'Guilds' },
  { path: '/settings', heading: 'Settings' },
  { path: '/studio', heading: 'Creator studio' },
  { path: '/admin', heading: 'Admin' },
  { path: '/sign-in', heading: 'Welcome back' },
  { path: '/sign-up', heading: 'Create your account' },
];

for (const { path, heading } of PAGES) {
  test(`${path} renders`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const { path } of PAGES) {
    test(`${path} fits the screen`, async ({ page }) => {
      await page.goto(path);
      await expectNoClippedContent(page);
    });
  }
});

test('signed-in pages say what needs an account instead of showing made-up data', async ({ page }) => {
  await page.goto('/rooms');
  await expect(page.getByRole('heading', { name: 'Sign in to see your rooms' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute(
    'href',
    '/sign-in',
  );
});

test('sign-up explains that accounts are not open yet', async ({ page }) => {
  await page.goto('/sign-up');
  await expect(page.getByRole('note')).toContainText('Accounts are arriving soon');
  await expect(page.getByRole('button', { name: 'Create account' })).toBeDisabled();
  await expect(page.getByLabel('Username')).toHaveAttribute('maxlength', '20');
});

test('admin shows whether the API answers', async ({ page }) => {
  await page.goto('/admin');
  const status = page.getByRole('region', { name: 'Platform status' });
  await expect(status.getByText(/API online|API unreachable/)).toBeVisible({ timeout: 15_000 });
});
