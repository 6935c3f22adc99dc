import { expect, type Page } from '@playwright/test';

/**
 * Room and transport steps of the playback-sync journeys, shared by e2e/sync.spec.ts and the browser
 * sync benchmark (bench/sync-browser.ts).
 */

/** From /rooms, creates a public room playing `contentUrl` and waits on its page; returns its path. */
export async function createPublicRoom(page: Page, contentUrl: string, name: string): Promise<string> {
  await page.goto('/rooms');
  await page.getByRole('button', { name: 'Create room' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create a room' });
  await dialog.getByLabel('Room name').fill(name);
  await dialog.getByLabel('What to watch').fill(contentUrl);
  await dialog.getByRole('radio', { name: /^Public/ }).check();
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('room-video')).toBeAttached();
  return new URL(page.url()).pathname;
}

/**
 * Sets the seek bar as a drag released at `sec` would (Playwright cannot fill a range input). Returns
 * the page's wall time when the change was dispatched, ms.
 */
export async function seekTo(page: Page, sec: number): Promise<number> {
  const seek = page.getByRole('slider', { name: 'Seek' });
  await expect(seek).toBeEnabled();
  // Typed without the DOM library so that the benchmark (a Node program) compiles this file too; the
  // element's prototype is HTMLInputElement.prototype, whose `value` setter React listens through.
  return seek.evaluate((input: { dispatchEvent(event: Event): boolean }, value) => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const atMs = performance.timeOrigin + performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return atMs;
  }, sec);
}
