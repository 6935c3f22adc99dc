import type { APIRequestContext, Page } from '@playwright/test';
import { createVerifiedUser, signIn, type TestUser } from './auth-helpers';
import { giveGuildWatchTime } from './db-helpers';
import { expect, test } from './fixtures';

/** Signs in over the API (before the browser does: one active session per account). */
async function apiSession(
  request: APIRequestContext,
  user: TestUser,
): Promise<{ id: string; token: string }> {
  const response = await request.post('/api/auth/sign-in', {
    data: { login: user.username, password: user.password },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  return { id: body.user.id, token: body.accessToken };
}

async function trpcMutation(
  request: APIRequestContext,
  token: string,
  path: string,
  input: unknown,
): Promise<void> {
  const response = await request.post(`/trpc/${path}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { json: input },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
}

/** Spotify content shows a card (no third-party player to load), which keeps the page offline-safe. */
const CONTENT_URL = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';

function guildChat(page: Page) {
  return page.getByRole('region', { name: 'Guild chat' });
}

async function say(page: Page, text: string): Promise<void> {
  const box = guildChat(page).getByRole('textbox', { name: 'Message your guild' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect(guildChat(page).getByRole('log')).toContainText(text);
}

/**
 * Issue 8's browser journey: A founds a private guild; invites friend B, who accepts on /guilds; they
 * chat live (and the chat survives a reload); A makes B an officer and opens a guild room; B's profile
 * links to the guild; C, a stranger, finds the guild by search but can only ask to join; the members'
 * watch time puts the guild on the guild board, which links back to it.
 */
test('a guild is founded, a friend joins by invite, members chat and the guild reaches the board', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const [userA, userB, userC] = await Promise.all([
    createVerifiedUser(request),
    createVerifiedUser(request),
    createVerifiedUser(request),
  ]);
  const guildName = `Owls ${Date.now().toString(36)}`;

  const a = await apiSession(request, userA);
  const b = await apiSession(request, userB);
  await trpcMutation(request, a.token, 'friends.send', { userId: b.id });
  await trpcMutation(request, b.token, 'friends.accept', { userId: a.id });

  const [contextA, contextB, contextC] = await Promise.all([
    browser.newContext(),
    browser.newContext(),
    browser.newContext(),
  ]);
  try {
    const [pageA, pageB, pageC] = await Promise.all([
      contextA.newPage(),
      contextB.newPage(),
      contextC.newPage(),
    ]);
    await signIn(pageA, userA);
    await signIn(pageB, userB);

    let guildPath = '';
    await test.step('A creates a private guild from /guilds', async () => {
      await pageA.goto('/guilds');
      await expect(pageA.getByRole('heading', { level: 1 })).toHaveText('Guilds');
      await pageA.getByRole('button', { name: 'Create a guild' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Create a guild' });
      // The form checks the name before sending it.
      await dialog.getByLabel('Guild name').fill('ab');
      await dialog.getByRole('button', { name: 'Create guild' }).click();
      await expect(dialog.getByText('Guild names have at least 3 characters.')).toBeVisible();
      await dialog.getByLabel('Guild name').fill(guildName);
      await dialog.getByLabel('Description').fill('Late films, later talks.');
      await dialog.getByRole('radio', { name: /^Private/ }).check();
      await dialog.getByRole('button', { name: 'Create guild' }).click();
      await expect(pageA).toHaveURL(/\/guilds\/[0-9a-f-]{36}$/);
      await expect(pageA.getByRole('heading', { level: 1 })).toHaveText(guildName);
      await expect(pageA.getByTestId('leader-note')).toBeVisible();
      await expect(pageA.getByRole('list', { name: 'Members' })).toContainText('Leader');
      guildPath = new URL(pageA.url()).pathname;
    });

    await test.step('A invites friend B', async () => {
      const invite = pageA.getByRole('list', { name: 'People to invite' });
      await invite.getByRole('button', { name: `Invite ${userB.displayName} to the guild` }).click();
      await expect(invite.getByRole('button', { name: `${userB.displayName} is invited` })).toBeDisabled();
      await expect(pageA.getByRole('list', { name: 'Pending invites' })).toContainText(userB.displayName);
    });

    await test.step('B sees the invite on /guilds and accepts it', async () => {
      await pageB.goto('/guilds');
      const invites = pageB.getByRole('list', { name: 'Guild invites' });
      await expect(invites).toContainText(guildName);
      await expect(invites).toContainText(`Invited by ${userA.displayName}`);
      await invites.getByRole('button', { name: `Accept the invite to ${guildName}` }).click();
      await expect(invites).toBeHidden();
      const mine = pageB.getByRole('region', { name: 'Your guild' });
      await mine.getByRole('link', { name: guildName }).click();
      await expect(pageB).toHaveURL(new RegExp(`${guildPath}$`));
      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText(guildName);
      // A's open page hears the roster change.
      await expect(pageA.getByRole('list', { name: 'Members' })).toContainText(userB.displayName);
      await expect(pageA.getByRole('list', { name: 'Pending invites' })).toHaveCount(0);
    });

    await test.step('A and B chat live, and the chat is still there after a reload', async () => {
      await expect(guildChat(pageA).getByRole('log')).toBeVisible();
      await expect(guildChat(pageB).getByText('No messages yet. Say hello to your guild!')).toBeVisible();
      await say(pageA, 'Movie night on Friday?');
      await expect(guildChat(pageB).getByRole('log')).toContainText('Movie night on Friday?');
      await say(pageB, 'Count me in!');
      await expect(guildChat(pageA).getByRole('log')).toContainText('Count me in!');

      await pageB.reload();
      const log = guildChat(pageB).getByRole('log');
      await expect(log).toContainText('Movie night on Friday?');
      await expect(log).toContainText('Count me in!');
      await expect(log.getByRole('listitem').filter({ hasText: 'Movie night on Friday?' })).toContainText(
        userA.displayName,
      );
    });

    await test.step('A makes B an officer; B sees the new role live', async () => {
      await pageA.getByRole('button', { name: `Make ${userB.displayName} an officer` }).click();
      const rowB = pageA
        .getByRole('list', { name: 'Members' })
        .getByRole('listitem')
        .filter({ hasText: userB.displayName });
      await expect(rowB).toContainText('Officer');
      await expect(pageB.getByText('You: officer')).toBeVisible();
    });

    await test.step('A opens a guild room from the guild page; it is listed there', async () => {
      const roomName = `Owl room ${Date.now().toString(36)}`;
      await pageA.getByRole('link', { name: 'Create a guild room' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Create a room' });
      await expect(dialog.getByRole('checkbox', { name: 'Guild room' })).toBeChecked();
      await dialog.getByLabel('Room name').fill(roomName);
      await dialog.getByLabel('What to watch').fill(CONTENT_URL);
      await dialog.getByRole('button', { name: 'Create room' }).click();
      await expect(pageA).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
      const roomPath = new URL(pageA.url()).pathname;
      await pageA.goto(guildPath);
      const rooms = pageA.getByRole('list', { name: 'Guild rooms' });
      await expect(rooms.getByRole('link', { name: roomName })).toHaveAttribute('href', roomPath);
      // Rooms do not announce themselves on the guild channel: B sees it on the next load.
      await pageB.reload();
      await expect(
        pageB.getByRole('list', { name: 'Guild rooms' }).getByRole('link', { name: roomName }),
      ).toBeVisible();
    });

    await test.step("B's profile shows the guild and links to it", async () => {
      await pageA.goto(`/u/${userB.username}`);
      const guild = pageA.getByRole('region', { name: 'Guild' }).getByRole('link', { name: guildName });
      await expect(guild).toHaveAttribute('href', guildPath);
      await guild.click();
      await expect(pageA.getByRole('heading', { level: 1 })).toHaveText(guildName);
    });

    await test.step('C, a stranger, can only ask to join the private guild', async () => {
      await signIn(pageC, userC);
      await pageC.goto('/guilds');
      await pageC.getByLabel('Search guilds by name').fill(guildName.toUpperCase());
      await expect(pageC).toHaveURL(`/guilds?${new URLSearchParams({ q: guildName.toUpperCase() })}`);
      const card = pageC.getByRole('list', { name: 'Guilds' }).getByRole('listitem', { name: guildName });
      await expect(card).toContainText('Private');
      await expect(card).toContainText('2/10 members');
      await expect(card).toContainText(`Led by ${userA.displayName}`);
      await card.getByRole('link', { name: guildName }).click();
      await expect(pageC).toHaveURL(new RegExp(`${guildPath}$`));
      await expect(pageC.getByRole('heading', { level: 1 })).toHaveText(guildName);
      const membership = pageC.getByRole('region', { name: 'Membership' });
      await expect(membership).toContainText('This guild is private');
      await expect(membership.getByRole('button', { name: 'Join guild' })).toHaveCount(0);
      await expect(pageC.getByRole('region', { name: 'Guild chat' })).toHaveCount(0);
      await membership.getByLabel('A note for the officers (optional)').fill('I watch a lot of films.');
      await membership.getByRole('button', { name: 'Ask to join' }).click();
      await expect(membership).toContainText('You asked to join.');
      await expect(pageA.getByRole('list', { name: 'Join requests' })).toContainText(
        'I watch a lot of films.',
      );
    });

    await test.step("the members' watch time puts the guild on the guild board, which links to it", async () => {
      await giveGuildWatchTime([userA.username, userB.username]);
      const board = pageA.getByRole('table', { name: /^Top \d+: Guilds, this week$/ });
      // The accrual job runs every minute.
      await expect(async () => {
        await pageA.goto('/leaderboard?type=guild');
        await expect(board.getByRole('link', { name: guildName })).toBeVisible({ timeout: 5_000 });
      }).toPass({ timeout: 120_000, intervals: [5_000] });
      await expect(pageA.getByRole('region', { name: 'Your guild' })).toContainText(guildName);
      await board.getByRole('link', { name: guildName }).click();
      await expect(pageA).toHaveURL(new RegExp(`${guildPath}$`));
      await expect(pageA.getByRole('region', { name: 'Watch hours' })).toContainText(
        /#\d+ on this week’s guild board/,
      );
    });
  } finally {
    await Promise.all([contextA.close(), contextB.close(), contextC.close()]);
  }
});
