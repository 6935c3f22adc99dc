import { authSessionSchema, type AuthSession, type AuthUser } from '@wt/schemas';
import { apiInit, callApi, type FetchLike } from './api';
import { singleFlight } from './single-flight';
import {
  localExpiry,
  MIN_REFRESH_DELAY_MS,
  needsRefreshBeforeUse,
  REFRESH_LEAD_MS,
  refreshDelayMs,
  RETRY_REFRESH_DELAY_MS,
} from './token-timing';

/**
 * The browser's session, outside React: the access token lives in this object's memory only (never
 * localStorage or sessionStorage); the long-lived refresh credential is the httpOnly `wt_refresh`
 * cookie, which only the API can read. AuthProvider holds one instance per tab.
 */

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

export type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'signed-in'; user: AuthUser }
  | { status: 'signed-out'; user: null };

/** Why a signed-in session ended without the user asking: the page to show explains it. */
export type SessionEndReason = 'new-login' | 'session-ended';

/** What a refresh attempt came to. */
export type RefreshOutcome = 'refreshed' | 'signed-out' | 'unavailable';

type Timer = ReturnType<typeof setTimeout>;

export interface AuthClientOptions {
  fetch?: FetchLike;
  /** Device clock in ms. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => Timer;
  clearTimer?: (timer: Timer) => void;
  /**
   * Runs a refresh while holding a lock shared by every tab of this site, so two tabs never present
   * the same one-time refresh cookie (the API would take the second for a stolen token). Defaults to
   * the Web Locks API where the browser has it.
   */
  withRefreshLock?: <T>(task: () => Promise<T>) => Promise<T>;
}

const SIGNED_OUT: AuthState = { status: 'signed-out', user: null };

/** 401 codes that mean the session itself is gone (not merely an expired access token). */
const SESSION_GONE = new Set(['SESSION_REVOKED', 'REFRESH_REUSED', 'TOKEN_INVALID', 'UNAUTHENTICATED']);

export class AuthClient {
  private state: AuthState = { status: 'loading', user: null };
  private accessToken: string | null = null;
  private expiresAt = 0;
  private lastRefreshAt = Number.NEGATIVE_INFINITY;
  /** Bumped by every sign-in and sign-out here, so a refresh answer that arrives later is ignored. */
  private generation = 0;
  private timer: Timer | null = null;
  private started: Promise<RefreshOutcome> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly tokenListeners = new Set<() => void>();
  private readonly endListeners = new Set<(reason: SessionEndReason) => void>();

  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => Timer;
  private readonly clearTimer: (timer: Timer) => void;
  private readonly withRefreshLock: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(options: AuthClientOptions = {}) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer));
    this.withRefreshLock = options.withRefreshLock ?? webLock;
  }

  /** The current state; a stable object between changes (for useSyncExternalStore). */
  readonly getState = (): AuthState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called whenever the access token is replaced or dropped (sockets handshake again). */
  onTokenChange(listener: () => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /** Called when a signed-in session ends without the user signing out here. */
  onSessionEnded(listener: (reason: SessionEndReason) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /**
   * On page load: restore the session from the refresh cookie. Idempotent (React may mount twice);
   * a later call only re-arms the refresh timer.
   */
  start(): Promise<RefreshOutcome> {
    if (this.started) {
      this.armTimer();
      return this.started;
    }
    this.started = this.refresh();
    return this.started;
  }

  /** Stops the refresh timer (the provider unmounted). */
  stop(): void {
    this.disarmTimer();
  }

  /** Trades the refresh cookie for a new access token. Concurrent callers share one request. */
  readonly refresh: () => Promise<RefreshOutcome> = singleFlight(() =>
    this.withRefreshLock(() => this.runRefresh()),
  );

  /** A sign-in, verification or MFA answer: this tab is now signed in as `session.user`. */
  setSession(session: AuthSession): void {
    this.generation += 1;
    const receivedAt = this.now();
    this.accessToken = session.accessToken;
    this.expiresAt = localExpiry({ ...session, receivedAt });
    this.lastRefreshAt = receivedAt;
    this.state = { status: 'signed-in', user: session.user };
    this.armTimer();
    this.emit(this.listeners);
    this.emit(this.tokenListeners);
  }

  /** Replaces the user record (after a profile or email change) without touching the token. */
  updateUser(user: AuthUser): void {
    if (this.state.status !== 'signed-in') return;
    this.state = { status: 'signed-in', user };
    this.emit(this.listeners);
  }

  /** Forgets the session in this tab (the server already ended it, or the user signed out). */
  clear(): void {
    this.generation += 1;
    const hadToken = this.accessToken !== null;
    this.accessToken = null;
    this.expiresAt = 0;
    this.disarmTimer();
    if (this.state.status !== 'signed-out') {
      this.state = SIGNED_OUT;
      this.emit(this.listeners);
    }
    if (hadToken) this.emit(this.tokenListeners);
  }

  /** Ends the session on the server (revokes it, clears the cookie), then here. */
  async signOut(): Promise<void> {
    // The bearer token names the session even once expired; the cookie is cleared either way.
    await callApi(this.fetchFn, '/api/auth/sign-out', { method: 'POST', token: this.accessToken });
    this.clear();
  }

  /** The access token as it is; may be close to expiry. Prefer getFreshAccessToken. */
  getAccessToken(): string | null {
    return this.accessToken;
  }

  /**
   * A token good for at least a few more seconds, refreshing first when it is about to expire; null
   * when signed out. While the session is still being restored, waits for that.
   */
  async getFreshAccessToken(): Promise<string | null> {
    // Children's effects (a query, a socket) can ask before the provider's own effect started the restore.
    if (this.state.status === 'loading') await this.start();
    if (!this.accessToken) return null;
    if (needsRefreshBeforeUse(this.expiresAt, this.now())) await this.refresh();
    return this.accessToken;
  }

  /**
   * fetch with `Authorization: Bearer`; on 401 TOKEN_EXPIRED it refreshes once and retries once.
   * A 401 saying the session is gone ends the session here too.
   */
  readonly authFetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const token = await this.getFreshAccessToken();
    const response = await this.fetchFn(input, withBearer(init, token));
    if (response.status !== 401) return response;
    const code = await errorCode(response);
    if (code === 'TOKEN_EXPIRED') {
      const outcome = await this.refresh();
      if (outcome === 'refreshed') return this.fetchFn(input, withBearer(init, this.accessToken));
    } else if (code && SESSION_GONE.has(code) && token) {
      // Confirm with a refresh: it either finds the session alive or ends it here.
      await this.refresh();
    }
    return response;
  };

  /**
   * A socket was refused or dropped because its token expired. Refreshing hands every socket a new
   * token (through onTokenChange); a refresh that happened moments ago is not repeated, so a server
   * whose clock disagrees cannot trap the client in a refresh loop.
   */
  async refreshAfterSocketExpiry(): Promise<RefreshOutcome | 'skipped'> {
    if (this.state.status !== 'signed-in') return 'skipped';
    if (this.now() - this.lastRefreshAt < MIN_REFRESH_DELAY_MS) return 'skipped';
    return this.refresh();
  }

  /** After the tab wakes up (timers sleep in background tabs): refresh if the token is due. */
  refreshIfDue(): void {
    if (this.state.status !== 'signed-in') return;
    if (this.expiresAt - this.now() <= REFRESH_LEAD_MS) void this.refresh();
  }

  /** Ends the session because the server said so; the provider shows the signed-out page. */
  endSession(reason: SessionEndReason): void {
    const wasSignedIn = this.state.status === 'signed-in';
    this.clear();
    if (wasSignedIn) for (const listener of this.endListeners) listener(reason);
  }

  /** Resolves once the session restore on page load is over (whatever its outcome). */
  async whenRestored(): Promise<void> {
    await this.start();
  }

  private async runRefresh(): Promise<RefreshOutcome> {
    const generation = this.generation;
    const result = await callApi(this.fetchFn, '/api/auth/refresh', { method: 'POST' }, authSessionSchema);
    // A sign-in or sign-out happened meanwhile (the verify-email page signs in while the restore runs):
    // that is the newer truth, this answer is stale.
    if (generation !== this.generation) return this.state.status === 'signed-in' ? 'refreshed' : 'signed-out';
    if (result.ok) {
      this.setSession(result.data);
      return 'refreshed';
    }
    const { status } = result.error;
    if (status === 401 || status === 403) {
      this.endSession('session-ended');
      return 'signed-out';
    }
    // Network trouble or a server error: the session may well be fine. Keep it and try again later.
    if (this.state.status === 'loading') {
      this.state = SIGNED_OUT;
      this.emit(this.listeners);
    } else if (this.state.status === 'signed-in') {
      this.armTimer(RETRY_REFRESH_DELAY_MS);
    }
    return 'unavailable';
  }

  private armTimer(delayMs?: number): void {
    this.disarmTimer();
    if (this.state.status !== 'signed-in') return;
    const delay = delayMs ?? refreshDelayMs(this.expiresAt, this.now());
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private disarmTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private emit(listeners: Set<() => void>): void {
    for (const listener of [...listeners]) listener();
  }
}

function withBearer(init: RequestInit, token: string | null): RequestInit {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  else headers.delete('authorization');
  return { ...apiInit(), ...init, headers };
}

/** The `error.code` of a JSON error answer, read from a clone so the caller can still read the body. */
async function errorCode(response: Response): Promise<string | null> {
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : null;
  } catch {
    return null;
  }
}

const REFRESH_LOCK = 'wt-auth-refresh';

function webLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // The lock is held until the task's promise settles; request() resolves with its result.
  return locks ? (locks.request(REFRESH_LOCK, task) as unknown as Promise<T>) : task();
}
