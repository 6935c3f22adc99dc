import { expect, expectNoClippedContent, test } from './fixtures';

test.describe('landing page', () => {
  test('explains the product: hero, both products, how it works, features', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveTitle(/WatchTogether/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Watch together, in perfect sync.');

    const products = page.getByRole('region', { name: 'Two ways to watch. One account.' });
    await expect(products.getByRole('heading', { name: 'Watch Rooms', level: 3 })).toBeVisible();
    await expect(products.getByRole('heading', { name: 'Shorts', level: 3 })).toBeVisible();

    const steps = page.getByRole('region', { name: 'How it works' }).getByRole('listitem');
    await expect(steps).toHaveCount(4);
    await expect(steps.first()).toContainText('Create a room');
    await expect(steps.last()).toContainText('Earn XP');

    const features = page.getByRole('region', { name: /Everything a watch party needs/ });
    for (const name of ['Chat & voice', 'Guilds', 'Events & badges', 'Creator payouts']) {
      await expect(features.getByRole('heading', { name, level: 3 })).toBeVisible();
    }

    await expect(page.getByRole('link', { name: /Get started free/ })).toHaveAttribute('href', '/sign-up');
    await expect(page.getByRole('main').getByRole('link', { name: 'Explore rooms' })).toHaveAttribute(
      'href',
      '/explore',
    );
  });

  test('the live stats strip shows numbers, or says plainly that they are unavailable', async ({ page }) => {
    await page.goto('/');
    const stats = page.getByRole('region', { name: 'The platform right now' });
    await expect(stats).toBeVisible();
    // Settles either way: the API answered (numbers) or it is down (fallback), never a crash.
    await expect(stats.locator('dl')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
    const values = await stats.locator('dd').allTextContents();
    expect(values).toHaveLength(4);
    const fallback = stats.getByText('Live numbers are taking a break right now.');
    if (await fallback.isVisible()) {
      expect(values.every((v) => v === '—')).toBe(true);
    } else {
      for (const value of values) expect(value).toMatch(/^\d+(\.\d)?[KMB]?$/);
    }
  });

  test('header navigation reaches each section', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const destinations = [
      { link: 'Shorts', path: '/shorts', heading: /made for your phone/ },
      { link: 'Rooms', path: '/explore', heading: /press play together/ },
      { link: 'Leaderboard', path: '/leaderboard', heading: 'Leaderboard' },
      { link: 'Guilds', path: '/guilds', heading: 'Guilds' },
    ];
    for (const { link, path, heading } of destinations) {
      await nav.getByRole('link', { name: link }).click();
      await expect(page).toHaveURL(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(nav.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
    }
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('the menu button opens the navigation', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
      const menuButton = page.getByRole('button', { name: 'Open menu' });
      await menuButton.click();
      await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
      await page.getByRole('navigation', { name: 'Mobile' }).getByRole('link', { name: 'Shorts' }).click();
      await expect(page).toHaveURL('/shorts');
      await expect(page.getByRole('navigation', { name: 'Mobile' })).toBeHidden();
    });

    test('nothing is cut off at the right edge', async ({ page }) => {
      await page.goto('/');
      await expectNoClippedContent(page);
    });
  });

  test.describe('theme', () => {
    test.use({ colorScheme: 'light' });

    test('the toggle switches the dark class on <html> and remembers it', async ({ page }) => {
      await page.goto('/');
      const html = page.locator('html');
      await expect(html).not.toHaveClass(/\bdark\b/);

      const toggle = page.getByRole('button', { name: 'Toggle dark mode' });
      await toggle.click();
      await expect(html).toHaveClass(/\bdark\b/);

      await page.reload();
      await expect(html).toHaveClass(/\bdark\b/);

      await toggle.click();
      await expect(html).not.toHaveClass(/\bdark\b/);
    });
  });

  test.describe('not found', () => {
    // The browser logs the 404 of the document itself; that one is the point of the test.
    test.use({ allowedFailedLoads: [/^\/this-page-does-not-exist$/] });

    test('an unknown address shows the not-found page with a way home', async ({ page }) => {
      const response = await page.goto('/this-page-does-not-exist');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await page.getByRole('main').getByRole('link', { name: 'Back to home' }).click();
      await expect(page).toHaveURL('/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Watch together, in perfect sync.');
    });
  });
});
