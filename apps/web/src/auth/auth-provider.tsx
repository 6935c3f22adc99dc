'use client';

import { FORCE_LOGOUT_NEW_LOGIN } from '@wt/schemas';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { configureSocketAuth, rehandshakeSockets, useSocket } from '@/lib/socket';
import { AuthClient, type AuthState, type SessionEndReason } from './auth-client';

const AuthContext = createContext<AuthClient | null>(null);

/** Where a session that ended on its own sends the tab. */
export function signedOutPath(reason?: SessionEndReason | 'deactivated' | 'deleted'): string {
  return reason ? `/signed-out?reason=${reason}` : '/signed-out';
}

/**
 * The tab's session for every client component: restores it from the refresh cookie on load, keeps
 * the access token fresh, hands it to sockets and tRPC, and reacts when the server ends the session
 * (`force_logout` after a sign-in elsewhere, or a refresh the API refuses).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new AuthClient());
  const router = useRouter();
  const state = useSyncExternalStore(client.subscribe, client.getState, serverState);

  useEffect(() => {
    configureSocketAuth({
      getAccessToken: () => client.getFreshAccessToken(),
      // A refused or expired socket token: refresh (at most once per few seconds). A fresh token makes
      // every socket handshake again; a refused refresh ends the session.
      onAuthError: () => void client.refreshAfterSocketExpiry(),
    });
    const offToken = client.onTokenChange(rehandshakeSockets);
    const offEnded = client.onSessionEnded((reason) => router.replace(signedOutPath(reason)));
    // Background tabs sleep through timers: check the token when the tab comes back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') client.refreshIfDue();
    };
    document.addEventListener('visibilitychange', onVisible);
    void client.start();
    return () => {
      configureSocketAuth(null);
      offToken();
      offEnded();
      document.removeEventListener('visibilitychange', onVisible);
      client.stop();
    };
  }, [client, router]);

  return (
    <AuthContext.Provider value={client}>
      {state.status === 'signed-in' ? <SessionWatcher client={client} /> : null}
      {children}
    </AuthContext.Provider>
  );
}

/**
 * Keeps the /global socket open while signed in: the API sends `force_logout` there when the account
 * signs in somewhere else (one active session per user).
 */
function SessionWatcher({ client }: { client: AuthClient }) {
  const { socket } = useSocket('/global');
  useEffect(() => {
    if (!socket) return;
    const onForceLogout = ({ reason }: { reason: string }) =>
      client.endSession(reason === FORCE_LOGOUT_NEW_LOGIN ? 'new-login' : 'session-ended');
    socket.on('force_logout', onForceLogout);
    return () => {
      socket.off('force_logout', onForceLogout);
    };
  }, [socket, client]);
  return null;
}

const LOADING: AuthState = { status: 'loading', user: null };
const serverState = (): AuthState => LOADING;

export function useAuthClient(): AuthClient {
  const client = useContext(AuthContext);
  if (!client) throw new Error('useAuthClient must be used inside <AuthProvider>.');
  return client;
}

/** The session state (re-renders on change) and the client for actions. */
export function useAuth(): AuthState & { client: AuthClient } {
  const client = useAuthClient();
  const state = useSyncExternalStore(client.subscribe, client.getState, serverState);
  return { ...state, client };
}
