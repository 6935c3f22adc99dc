import type { Page } from '@playwright/test';
import { createVerifiedUser, signIn, type TestUser } from './auth-helpers';
import { expect, test } from './fixtures';

/** Spotify content shows a card (no third-party player to load), which keeps the page offline-safe. */
const CONTENT_URL = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';

function friendRow(page: Page, user: TestUser) {
  return page.getByRole('list', { name: 'Friends' }).getByRole('listitem').filter({ hasText: user.displayName });
}

/**
 * Issue 6's browser journey for friends: A finds B by username and sends a request; B accepts it in
 * another browser; each sees the other online, then B sees A watching A's room; A invites B from the
 * room's invite dialog and B opens the invitation from the notification bell.
 */
test('two people become friends, see each other online, and one invites the other into a room', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const [userA, userB] = await Promise.all([createVerifiedUser(request), createVerifiedUser(request)]);
  const roomName = `Friends night ${Date.now().toString(36)}`;
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    await signIn(pageA, userA);
    await signIn(pageB, userB);

    await test.step('A searches B by username and sends a request', async () => {
      await pageA.goto('/friends');
      await expect(pageA.getByRole('heading', { level: 1 })).toHaveText('Friends');
      await expect(pageA.getByText('No friends yet.')).toBeVisible();
      await pageA.getByLabel('Search by username or name').fill(userB.username.toUpperCase());
      const results = pageA.getByRole('list', { name: 'Search results' });
      await expect(results.getByRole('listitem')).toHaveCount(1);
      await results.getByRole('button', { name: `Add ${userB.displayName} as a friend` }).click();
      await expect(results).toContainText('Request sent');
      await expect(pageA.getByRole('list', { name: 'Sent requests' })).toContainText(userB.displayName);
    });

    await test.step('B accepts in the other browser; each sees the other online', async () => {
      await pageB.goto('/friends');
      const received = pageB.getByRole('list', { name: 'Received requests' });
      await expect(received).toContainText(userA.displayName);
      await received.getByRole('button', { name: `Accept ${userA.displayName}'s request` }).click();
      await expect(pageB.getByText('No requests waiting for you.')).toBeVisible();

      await expect(friendRow(pageB, userA).getByRole('img', { name: 'Online' })).toBeVisible();
      await expect(friendRow(pageA, userB).getByRole('img', { name: 'Online' })).toBeVisible();
      await expect(pageA.getByText('1 of 1 online')).toBeVisible();
    });

    let roomUrl = '';
    await test.step('A opens a friends room; B sees A watching it', async () => {
      await pageA.goto('/rooms');
      await pageA.getByRole('button', { name: 'Create room' }).first().click();
      const dialog = pageA.getByRole('dialog', { name: 'Create a room' });
      await dialog.getByLabel('Room name').fill(roomName);
      await dialog.getByLabel('What to watch').fill(CONTENT_URL);
      await dialog.getByRole('radio', { name: /^Friends/ }).check();
      await dialog.getByRole('button', { name: 'Create room' }).click();
      await expect(pageA).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
      await expect(pageA.getByRole('heading', { level: 1 })).toHaveText(roomName);
      roomUrl = pageA.url();

      // Live on B's open friends page: a friend in a room B may see is shown with its name.
      await expect(friendRow(pageB, userA).getByRole('img', { name: `Watching ${roomName}` })).toBeVisible();
      await expect(friendRow(pageB, userA).getByRole('link', { name: roomName })).toHaveAttribute(
        'href',
        new URL(roomUrl).pathname,
      );
    });

    await test.step("A invites B from the room's invite dialog; B opens it from the bell", async () => {
      await pageA.getByRole('button', { name: 'Invite' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Invite people' });
      await dialog.getByRole('button', { name: `Invite ${userB.displayName}` }).click();
      await expect(dialog.getByRole('button', { name: `${userB.displayName} is invited` })).toBeDisabled();

      const bell = pageB.getByTestId('notification-bell');
      await expect(bell).toHaveAccessibleName(/unread/);
      await bell.click();
      const invitation = pageB
        .getByRole('region', { name: 'Notifications' })
        .getByRole('button', { name: new RegExp(`invited you to ${roomName}`) });
      await expect(invitation).toBeVisible();
      await invitation.click();
      await expect(pageB).toHaveURL(/\/invite\/[A-Za-z0-9_-]+$/);
      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('You are invited');
      await pageB.getByRole('link', { name: 'Join room' }).click();
      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText(roomName);
      await expect(pageA.getByRole('list', { name: 'Members' })).toContainText(userB.displayName);
    });
  } finally {
    await contextA.close();
    await contextB.close();
  }
});
