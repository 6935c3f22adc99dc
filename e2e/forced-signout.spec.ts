import { createVerifiedUser, signIn, submitSignIn } from './auth-helpers';
import { expect, test } from './fixtures';

/** One active session per user: signing in from a second browser ends the first browser's session. */
test('a second browser signing in signs the first one out, saying why', async ({ browser, request }) => {
  const user = await createVerifiedUser(request);

  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const pageA = await first.newPage();
    await signIn(pageA, user);
    // The /global socket carries force_logout; wait until it is up.
    await expect(pageA.locator('[data-realtime]')).toHaveAttribute('data-realtime', 'connected');

    const pageB = await second.newPage();
    await submitSignIn(pageB, user.email, user.password);
    await expect(pageB).toHaveURL(/\/home$/);

    await expect(pageA).toHaveURL(/\/signed-out\?reason=new-login$/);
    await expect(
      pageA.getByText('You were signed out because your account signed in somewhere else'),
    ).toBeVisible();
    await expect(pageA.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(pageA.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

    // The second browser keeps its session across a reload.
    await pageB.reload();
    await expect(pageB.getByRole('banner').getByRole('button', { name: user.username })).toBeVisible();
  } finally {
    await first.close();
    await second.close();
  }
});
