import type { Page } from '@playwright/test';
import { createVerifiedUser, signIn } from './auth-helpers';
import { setUserXp } from './db-helpers';
import { expect, test } from './fixtures';

/** Spotify content shows a card (no third-party player to load), which keeps the page offline-safe. */
const CONTENT_URL = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';
/** Chat admits 5 messages per 5 s (CHAT_RATE_LIMIT); one a little over every second stays under it. */
const CHAT_PACE_MS = 1_100;

/** Sends `count` chat messages at the pace the rate limit allows, each seen in the log. */
async function sendChatMessages(page: Page, count: number, prefix: string): Promise<void> {
  const chat = page.getByRole('region', { name: 'Chat' });
  const box = chat.getByRole('textbox', { name: 'Message' });
  for (let i = 1; i <= count; i++) {
    await box.fill(`${prefix} ${i}`);
    await box.press('Enter');
    await expect(chat.getByRole('log')).toContainText(`${prefix} ${i}`);
    if (i < count) await page.waitForTimeout(CHAT_PACE_MS);
  }
}

/**
 * Issue 7's browser journey: a new user's header shows their level and XP; ten chat messages in a
 * room raise it live (+15); put just below level 2, ten more take them over it and the level-up toast
 * appears. The XP history lists the awards, and the leaderboard keeps its board in the address.
 */
test('chat XP rises live in the header, a level-up toasts, history and leaderboard show it', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const user = await createVerifiedUser(request);
  const badge = page.getByRole('banner').getByRole('link', { name: /^Level \d+,/ });

  await test.step('signing in earns the daily login XP, shown in the header', async () => {
    await signIn(page, user);
    await expect(badge).toHaveAccessibleName('Level 1, 50 / 500 XP');
  });

  await test.step('ten chat messages in a new room add 15 XP without a reload', async () => {
    await page.goto('/rooms');
    await page.getByRole('button', { name: 'Create room' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create a room' });
    await dialog.getByLabel('Room name').fill(`XP night ${Date.now().toString(36)}`);
    await dialog.getByLabel('What to watch').fill(CONTENT_URL);
    await dialog.getByRole('button', { name: 'Create room' }).click();
    await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);

    await sendChatMessages(page, 10, 'Popcorn');
    await expect(badge).toHaveAccessibleName('Level 1, 65 / 500 XP', { timeout: 20_000 });
  });

  await test.step('just below level 2, ten more messages reach it and the toast says so', async () => {
    await setUserXp(user.username, 490);
    await page.reload();
    await expect(badge).toHaveAccessibleName('Level 1, 490 / 500 XP');

    await sendChatMessages(page, 10, 'Encore');
    await expect(badge).toHaveAccessibleName('Level 2, 505 / 1,500 XP', { timeout: 20_000 });
    const toast = page.getByRole('status').filter({ hasText: 'Level 2 reached!' });
    await expect(toast).toBeVisible();
    await toast.getByRole('button', { name: 'Close' }).click();
    await expect(toast).toBeHidden();
  });

  await test.step('the header badge opens the XP history, newest first', async () => {
    await badge.click();
    await expect(page).toHaveURL(/\/xp$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your XP');
    await expect(page.getByRole('progressbar', { name: 'Progress to level 3' })).toBeVisible();
    const awards = page.getByRole('list', { name: 'XP awards' }).getByRole('listitem');
    await expect(awards).toHaveCount(3);
    await expect(awards.nth(0)).toContainText('10 chat messages');
    await expect(awards.nth(0)).toContainText('+15 XP');
    await expect(awards.nth(1)).toContainText('10 chat messages');
    await expect(awards.nth(2)).toContainText('Daily login');
    await expect(awards.nth(2)).toContainText('+50 XP');
  });

  await test.step('the leaderboard shows the board named in the address and where the viewer stands', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leaderboard');
    await expect(
      page.getByRole('group', { name: 'Board' }).getByRole('button', { name: 'Players' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: 'Players, this week' })).toBeVisible();
    await expect(page.getByTestId('board-period')).toHaveText(
      /^\w{3} \d{1,2} – \w{3} \d{1,2}, \d{4} · \d+ players? ranked$/,
    );
    // Chatting earns XP, not rank: only watch time ranks.
    await expect(page.getByRole('region', { name: 'Your rank' })).toContainText(
      'You have not watched this week. Watch in a room to get ranked.',
    );
    await expect(page.getByRole('heading', { name: 'Past winners' })).toBeVisible();

    await page.getByRole('group', { name: 'Board' }).getByRole('button', { name: 'Guilds' }).click();
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'This month' }).click();
    await expect(page).toHaveURL(/\/leaderboard\?type=guild&period=monthly$/);
    await expect(page.getByRole('heading', { name: 'Guilds, this month' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your guild' })).toContainText(
      'Your guild is not on this board yet.',
    );

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Guilds, this month' })).toBeVisible();
    await expect(
      page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'This month' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(
      page
        .getByRole('table', { name: /^Top \d+: Guilds, this month$/ })
        .or(page.getByText(/^No guild has watched together this month\./)),
    ).toBeVisible();
  });
});
