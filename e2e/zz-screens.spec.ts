import { createVerifiedUser, signIn } from './auth-helpers';
import { setUserXp } from './db-helpers';
import { expect, test } from './fixtures';

for (const scheme of ['light', 'dark'] as const) {
  test(`screens ${scheme}`, async ({ page, request }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const user = await createVerifiedUser(request);
    await signIn(page, user);
    await setUserXp(user.username, 1720);
    await page.goto('/xp');
    await expect(page.getByRole('list', { name: 'XP awards' })).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/xp-${scheme}.png`, fullPage: true });
    await page.goto('/leaderboard');
    await expect(page.getByRole('heading', { name: 'Past winners' })).toBeVisible();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `/tmp/shots/lb-${scheme}.png`, fullPage: true });
    await page.getByRole('banner').getByRole('button', { name: user.username }).click();
    await page.screenshot({ path: `/tmp/shots/menu-${scheme}.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `/tmp/shots/lb-phone-${scheme}.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/rooms');
    await page.getByRole('button', { name: 'Create room' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create a room' });
    await dialog.getByLabel('Room name').fill(`Shots ${scheme}`);
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
    await expect(page.getByRole('status').filter({ hasText: 'Level 3 reached!' })).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: `/tmp/shots/toast-${scheme}.png` });
  });
}
