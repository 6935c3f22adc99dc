import type { APIRequestContext } from '@playwright/test';
import { createVerifiedUser, signIn, type TestUser } from './auth-helpers';
import { expect, test } from './fixtures';

/** Signs in over the API (before the browser does: one active session per account). */
async function apiSession(request: APIRequestContext, user: TestUser): Promise<{ id: string; token: string }> {
  const response = await request.post('/api/auth/sign-in', { data: { login: user.username, password: user.password } });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  return { id: body.user.id, token: body.accessToken };
}

async function trpcMutation<T>(request: APIRequestContext, token: string, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/trpc/${path}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { json: input },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * Issue 6's notification journey: A and B are friends; A invites B into a room from the invite
 * dialog; B's bell counts it live, B opens the bell, clicks the invite and lands on the room's invite
 * page. Then B changes a notification choice in Settings and finds it saved.
 */
test('a room invite reaches the bell live and opens the invite page', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const [userA, userB] = await Promise.all([createVerifiedUser(request), createVerifiedUser(request)]);
  const roomName = `Bell night ${Date.now().toString(36)}`;

  const a = await apiSession(request, userA);
  const b = await apiSession(request, userB);
  await trpcMutation(request, a.token, 'friends.send', { userId: b.id });
  await trpcMutation(request, b.token, 'friends.accept', { userId: a.id });
  const room = await trpcMutation<{ id: string }>(request, a.token, 'rooms.create', {
    name: roomName,
    contentUrl: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
    visibility: 'private',
  });
  // The friend request notified B: read it now, so the invite is what the bell counts.
  await trpcMutation(request, b.token, 'notifications.markAllRead', undefined);

  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    await signIn(pageB, userB);
    const bell = pageB.getByRole('banner').getByRole('button', { name: /^Notifications/ });

    await test.step('B starts with no unread notifications', async () => {
      await expect(bell).toBeVisible();
      await expect(bell).toHaveAccessibleName('Notifications');
      await expect(pageB.getByTestId('notification-count')).toHaveCount(0);
      await bell.click();
      const panel = pageB.getByRole('region', { name: 'Notifications' });
      // A's friend request is listed, already read.
      await expect(panel.getByRole('button', { name: new RegExp(`${userA.displayName} sent you a friend request`) })).toBeVisible();
      await pageB.keyboard.press('Escape');
      await expect(panel).toBeHidden();
    });

    await test.step('A invites B from the room’s invite dialog', async () => {
      await signIn(pageA, userA);
      await pageA.goto(`/rooms/${room.id}`);
      await expect(pageA.getByRole('heading', { level: 1 })).toHaveText(roomName);
      await pageA.getByRole('button', { name: 'Invite' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Invite people' });
      await dialog.getByRole('button', { name: `Invite ${userB.displayName}` }).click();
      await expect(dialog.getByRole('button', { name: `${userB.displayName} is invited` })).toBeVisible();
    });

    await test.step('B’s bell counts it live, without a reload', async () => {
      await expect(pageB.getByTestId('notification-count')).toHaveText('1');
      await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
    });

    await test.step('B opens the bell, clicks the invite and lands on the invite page', async () => {
      await bell.click();
      const panel = pageB.getByRole('region', { name: 'Notifications' });
      const item = panel.getByRole('button', { name: new RegExp(`${userA.displayName} invited you to ${roomName}`) });
      await expect(item).toBeVisible();
      await item.click();
      await expect(pageB).toHaveURL(/\/invite\/[A-Za-z0-9_-]+$/);
      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('You are invited');
      await expect(pageB.getByRole('main').getByText(roomName).first()).toBeVisible();
      // Read now: the badge is gone.
      await expect(pageB.getByTestId('notification-count')).toHaveCount(0);
    });

    await test.step('B turns on email for room invites in Settings, and it stays on', async () => {
      await pageB.goto('/settings#notifications');
      const section = pageB.getByRole('region', { name: 'Notifications' }).filter({ has: pageB.getByRole('table') });
      const email = section.getByRole('checkbox', { name: 'Room invites: Email' });
      await expect(email).not.toBeChecked();
      await email.check();
      await section.getByRole('button', { name: 'Save notification choices' }).click();
      await expect(section.getByText('Your notification choices are saved.')).toBeVisible();
      await pageB.reload();
      await expect(
        pageB.getByRole('region', { name: 'Notifications' }).filter({ has: pageB.getByRole('table') }).getByRole('checkbox', { name: 'Room invites: Email' }),
      ).toBeChecked();
    });
  } finally {
    await contextA.close();
    await contextB.close();
  }
});
