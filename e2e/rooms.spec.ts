import type { Page } from '@playwright/test';
import { createVerifiedUser, signIn } from './auth-helpers';
import { expect, test } from './fixtures';

/** Spotify content shows a card (no third-party player to load), which keeps the page offline-safe. */
const CONTENT_URL = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';

async function sendChat(page: Page, text: string): Promise<void> {
  const chat = page.getByRole('region', { name: 'Chat' });
  await chat.getByRole('textbox', { name: 'Message' }).fill(text);
  await chat.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(chat.getByRole('log')).toContainText(text);
}

/**
 * Issue 4's browser journey: A creates a private room and copies an invite link; B (signed out at
 * first) opens it, signs in, comes back to the invite and joins; they chat both ways; A kicks B for
 * good from the roster; B reads why and cannot come back, by the room's address nor by the invite.
 */
test('a private room: invite link, join, chat both ways, kick, and no way back in', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const [userA, userB] = await Promise.all([createVerifiedUser(request), createVerifiedUser(request)]);
  const roomName = `Movie night ${Date.now().toString(36)}`;

  const contextA = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const contextB = await browser.newContext();
  try {
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();

    await test.step('A creates a private room from the lobby', async () => {
      await signIn(pageA, userA);
      await pageA.goto('/rooms');
      await pageA.getByRole('button', { name: 'Create room' }).first().click();
      const dialog = pageA.getByRole('dialog', { name: 'Create a room' });
      await dialog.getByLabel('Room name').fill(roomName);
      await dialog.getByLabel('What to watch').fill('javascript:alert(1)');
      await expect(dialog).toContainText('Only http and https links can be played in a room.');
      await dialog.getByLabel('What to watch').fill(CONTENT_URL);
      await expect(dialog).toContainText(`Spotify: ${CONTENT_URL}`);
      await dialog.getByRole('radio', { name: /^Private/ }).check();
      await dialog.getByRole('button', { name: 'Create room' }).click();

      await expect(pageA).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
      await expect(pageA.getByRole('heading', { level: 1 })).toHaveText(roomName);
      await expect(pageA.getByText('Private', { exact: true })).toBeVisible();
      await expect(pageA.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(1);
    });
    const roomUrl = pageA.url();

    let inviteUrl = '';
    await test.step('A makes an invite link and copies it', async () => {
      await pageA.getByRole('button', { name: 'Invite' }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Invite people' });
      await dialog.getByLabel('Who can use it').selectOption('multi');
      await dialog.getByLabel('Expires after').selectOption({ label: '1 day' });
      await dialog.getByRole('button', { name: 'Create link' }).click();
      const link = dialog.getByLabel('Link to share');
      await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]+$/);
      await dialog.getByRole('button', { name: 'Copy link' }).click();
      await expect(dialog.getByText(/^Copied\./)).toBeVisible();
      inviteUrl = await pageA.evaluate(() => navigator.clipboard.readText());
      expect(inviteUrl).toBe(await link.inputValue());
      await pageA.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });
    const invitePath = new URL(inviteUrl).pathname;

    await test.step('B opens the link signed out, signs in, comes back and joins', async () => {
      await pageB.goto(invitePath);
      await expect(pageB).toHaveURL(/\/sign-in\?next=%2Finvite%2F/);
      // The sign-in form right here (submitSignIn would open /sign-in afresh, without `next`).
      await pageB.getByLabel('Email or username').fill(userB.username);
      await pageB.getByLabel('Password', { exact: true }).fill(userB.password);
      await pageB.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(pageB).toHaveURL(new RegExp(`${invitePath}$`));
      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('You are invited');
      await expect(pageB.getByText(roomName).first()).toBeVisible();
      await pageB.getByRole('link', { name: 'Join room' }).click();

      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText(roomName);
      // Once in, the invite code leaves the address bar.
      await expect(pageB).toHaveURL(roomUrl);
      await expect(pageA.getByRole('list', { name: 'Members' })).toContainText(userB.displayName);
    });

    await test.step('they chat both ways', async () => {
      await sendChat(pageA, 'Hello from A, popcorn is ready');
      await expect(pageB.getByRole('log')).toContainText('Hello from A, popcorn is ready');
      await sendChat(pageB, 'Hi A! B here: https://example.com/trailer');
      await expect(pageA.getByRole('log')).toContainText('Hi A! B here:');
      // Links in messages are real links; the rest is text.
      await expect(
        pageA.getByRole('log').getByRole('link', { name: 'https://example.com/trailer' }),
      ).toHaveAttribute('href', 'https://example.com/trailer');
    });

    await test.step('A kicks B for good from the roster menu, and B reads why', async () => {
      const roster = pageA.getByRole('list', { name: 'Members' });
      await roster.getByRole('button', { name: `Actions for ${userB.displayName}` }).click();
      await pageA.getByRole('menuitem', { name: 'Kick for good' }).click();
      await expect(roster.getByRole('listitem')).toHaveCount(1);

      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('You were removed from this room');
      await expect(pageB.getByRole('main').getByRole('alert')).toHaveText(
        /removed you from the room and banned you from it\./,
      );
      await expect(pageB.getByText('You cannot come back to this room.')).toBeVisible();
    });

    await test.step('B cannot come back by the room address nor by the invite', async () => {
      await pageB.goto(roomUrl);
      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('You were banned from this room');
      await expect(pageB.getByRole('main').getByRole('alert')).toHaveText('You were banned from this room.');

      await pageB.goto(invitePath);
      await pageB.getByRole('link', { name: 'Join room' }).click();
      await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('You were banned from this room');
      await expect(pageA.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(1);
    });
  } finally {
    await contextA.close();
    await contextB.close();
  }
});
