import { createVerifiedUser, signIn } from './auth-helpers';
import { setUserXp } from './db-helpers';
import { expect, test } from './fixtures';

test(`screens`, async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto('/leaderboard?period=alltime');
  await expect(page.getByRole('heading', { name: 'Past winners' })).toBeVisible();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/lb-out.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  const user = await createVerifiedUser(request);
  await signIn(page, user);
  await page.goto('/leaderboard?period=alltime&type=guild');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/lb-guild-dark.png`, fullPage: true });
  await page.goto('/rooms');
  await page.getByRole('button', { name: 'Create room' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create a room' });
  await dialog.getByLabel('Room name').fill(`Shots`);
  await dialog.getByLabel('What to watch').fill('https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC');
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
  await setUserXp(user.username, 1490);
  await page.reload();
  const chat = page.getByRole('region', { name: 'Chat' });
  for (let i = 1; i <= 10; i++) {
    await chat.getByRole('textbox', { name: 'Message' }).fill(`m ${i}`);
    await chat.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect(chat.getByRole('log')).toContainText(`m ${i}`);
    await page.waitForTimeout(1100);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Level 2 reached!' })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: `/tmp/shots/toast2.png` });
});
