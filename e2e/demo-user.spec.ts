import { signIn } from './auth-helpers';
import { expect, test } from './fixtures';

/** The seeded demo account (see the README) signs in with its documented password. */
test('the demo user can sign in', async ({ page }) => {
  await signIn(page, { username: 'demo', password: 'watchtogether-demo' });
  await expect(page.getByRole('heading', { name: /^Welcome back, / })).toBeVisible();

  // The session survives a reload: it is restored from the refresh cookie, not kept in storage.
  await page.reload();
  await expect(page.getByRole('banner').getByRole('button', { name: 'demo' })).toBeVisible();
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toMatch(/eyJ/);
});
