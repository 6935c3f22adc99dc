import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

/**
 * Requests the page makes to the API through the web app's rewrites. When the API is down these
 * fail with a 5xx and the browser logs "Failed to load resource"; the page is expected to cope,
 * so those lines are not page errors.
 */
const API_PATH = /^\/(trpc|socket\.io|api|health)(\/|$|\?)/;

function isExpectedFailedLoad(message: ConsoleMessage, allowed: readonly RegExp[]): boolean {
  if (!message.text().startsWith('Failed to load resource')) return false;
  try {
    const { pathname } = new URL(message.location().url);
    return API_PATH.test(pathname) || allowed.some((pattern) => pattern.test(pathname));
  } catch {
    return false;
  }
}

/**
 * Every test fails if the page logged a console error or threw, apart from API fetch failures and
 * the loads a test expects to fail (`test.use({ allowedFailedLoads: [/^\/missing$/] })`).
 */
export const test = base.extend<{ consoleErrors: string[]; allowedFailedLoads: RegExp[] }>({
  allowedFailedLoads: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedFailedLoads }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedFailedLoad(message, allowedFailedLoads)) {
          errors.push(`${message.text()} (${message.location().url})`);
        }
      });
      page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Fails when readable content sticks out past the right edge of the viewport. Checking the
 * document's scroll width is not enough: a section with overflow-hidden clips the text instead.
 */
export async function expectNoClippedContent(page: Page): Promise<void> {
  const clipped = await page.evaluate(() => {
    const limit = window.innerWidth + 1;
    const selector = 'h1, h2, h3, p, a, button, label, input, dt, dd, li';
    // Content in a horizontally scrolling strip (tabs on phones) may extend past the edge on purpose.
    const inScroller = (el: HTMLElement) => {
      for (let node = el.parentElement; node; node = node.parentElement) {
        const { overflowX } = getComputedStyle(node);
        if ((overflowX === 'auto' || overflowX === 'scroll') && node.getBoundingClientRect().right <= limit)
          return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > limit && !inScroller(el))
      .map((el) => `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}"`);
  });
  expect(clipped, 'elements past the right edge of the screen').toEqual([]);
  const scrollOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(scrollOverflow, 'horizontal scroll').toBeLessThanOrEqual(0);
}
