import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

/** Helpers for the account specs: fresh users, the dev outbox, signing in, authenticator codes. */

export interface TestUser {
  username: string;
  displayName: string;
  email: string;
  password: string;
}

/** A user nobody has used before (usernames: 3-20 letters, digits, underscores). */
export function freshUser(prefix = 'e2e'): TestUser {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.slice(-12);
  const username = `${prefix}_${id}`.slice(0, 20);
  return {
    username,
    displayName: `Tester ${id.slice(-4)}`,
    email: `${username}@example.com`,
    password: `correct horse ${id} battery`,
  };
}

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** The newest dev-outbox message to `email` whose subject matches, waiting for it to arrive. */
export async function waitForMail(
  request: APIRequestContext,
  email: string,
  subject: RegExp,
): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/dev/outbox?${new URLSearchParams({ to: email })}`);
        expect(response.status(), 'the dev outbox answers (the API must not run in production mode)').toBe(
          200,
        );
        const { messages } = (await response.json()) as { messages: OutboxMessage[] };
        found = messages.find((m) => subject.test(m.subject));
        return Boolean(found);
      },
      { message: `a mail to ${email} with subject ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** The first link in a mail's text that goes to `path`. */
export function linkIn(text: string, path: string): string {
  const url = text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === path);
  if (!url) throw new Error(`no ${path} link in the mail:\n${text}`);
  return url;
}

/** Signs up through the API and confirms the email through the outbox link: a ready, verified account. */
export async function createVerifiedUser(request: APIRequestContext): Promise<TestUser> {
  const user = freshUser();
  let signUp = await request.post('/api/auth/sign-up', { data: user });
  // The whole suite signs people up from one address: when the per-IP sign-up budget says wait, wait
  // as long as it says (a few times at most) rather than fail a spec that is about something else.
  for (let attempt = 0; signUp.status() === 429 && attempt < 5; attempt++) {
    const { retryAfterSeconds } = (await signUp.json()) as { retryAfterSeconds?: number };
    await new Promise((r) => setTimeout(r, Math.min(30, retryAfterSeconds ?? 5) * 1000 + 250));
    signUp = await request.post('/api/auth/sign-up', { data: user });
  }
  expect(signUp.status(), await signUp.text()).toBe(201);
  const mail = await waitForMail(request, user.email, /confirm your email/i);
  const token = new URL(linkIn(mail.text, '/verify-email')).searchParams.get('token');
  const verify = await request.post('/api/auth/verify-email', { data: { token } });
  expect(verify.status(), await verify.text()).toBe(200);
  return user;
}

/** Fills the sign-in form (email or username) and submits it. */
export async function submitSignIn(page: Page, login: string, password: string): Promise<void> {
  if (!page.url().endsWith('/sign-in')) await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back');
  await page.getByLabel('Email or username').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in and waits for Home, greeted by name. */
export async function signIn(
  page: Page,
  user: Pick<TestUser, 'username' | 'password'>,
  login = user.username,
) {
  await submitSignIn(page, login, user.password);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('banner').getByRole('button', { name: user.username })).toBeVisible();
}

/** Signs out through the header's account menu. */
export async function signOut(page: Page, username: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: username }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signed-out$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("You're signed out");
}

const PERIOD_S = 30;

/** An authenticator for a base32 secret, like the app a person would scan the QR code with. */
export function authenticator(secret: string) {
  const totp = new TOTP({
    issuer: 'WatchTogether',
    secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
  });
  return {
    /** The current code and its time step. */
    now: () => ({ code: totp.generate(), step: Math.floor(Date.now() / 1000 / PERIOD_S) }),
    /**
     * A code from a later time step than `usedStep`: the API refuses a code of a step it already
     * accepted (replay protection), so a second sign-in within 30 s waits for the next step.
     */
    async after(usedStep: number) {
      for (;;) {
        const step = Math.floor(Date.now() / 1000 / PERIOD_S);
        if (step > usedStep) return { code: totp.generate(), step };
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  };
}
