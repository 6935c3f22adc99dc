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
  { path: '/xp', heading: 'Your XP' },
  { path: '/guilds', heading: 'Guilds' },
  { path: '/settings', heading: 'Settings' },
  { path: '/studio', heading: 'Creator studio' },
  { path: '/admin', heading: 'Admin' },
  { path: '/sign-in', heading: 'Welcome back' },
  { path: '/sign-up', heading: 'Create your account' },
  { path: '/forgot-password', heading: 'Forgot your password?' },
  { path: '/signed-out?reason=new-login', heading: "You're signed out" },
  { path: '/verify-email', heading: "We couldn't confirm your email" },
  { path: '/reset-password', heading: 'This link is incomplete' },
  { path: '/settings/account', heading: 'Account' },
  { path: '/dev/outbox', heading: 'Dev outbox' },
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
  // Signing in from here comes back here.
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute(
    'href',
    '/sign-in?next=%2Frooms',
  );
});

test('admin shows whether the API answers', async ({ page }) => {
  await page.goto('/admin');
  const status = page.getByRole('region', { name: 'Platform status' });
  await expect(status.getByText(/API online|API unreachable/)).toBeVisible({ timeout: 15_000 });
});
