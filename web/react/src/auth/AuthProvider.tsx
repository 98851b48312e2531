import type { User, UserManager } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { accessOfToken, NO_ACCESS, type Access } from './access';

export interface Auth {
  /** `loading` until the app knows whether someone is signed in. */
  status: 'loading' | 'signed-in' | 'signed-out';
  /** What the header shows: the preferred user name. */
  name: string | undefined;
  /** The roles the access token carries (platform admin; tenant roles per airline); none when signed out. */
  access: Access;
  /** The current access token, renewed when it has expired; null when nobody is signed in. */
  getAccessToken: () => Promise<string | null>;
  /** Goes to Keycloak's sign-in page and comes back to `returnTo` (a path inside the app). */
  signIn: (returnTo?: string) => Promise<void>;
  /** Keycloak's registration form (`prompt=create`), then back to `returnTo` signed in, as `signIn` does. */
  signUp: (returnTo?: string) => Promise<void>;
  /** Ends the Keycloak session (end-session endpoint) and comes back signed out. */
  signOut: () => Promise<void>;
  /** Forgets the user here only: the session was revoked elsewhere. */
  forget: () => Promise<void>;
  /** On the redirect URI: trades the code for tokens; answers where to go next and what went wrong. */
  completeSignIn: () => Promise<{ returnTo: string; failed: boolean }>;
}

/** State carried through Keycloak: where to come back to. */
export interface SignInState {
  returnTo: string;
}

/**
 * Set while a person is signed in, in sessionStorage: not a token, only the hint that a reload should sign in
 * again quietly (prompt=none), since the tokens lived in memory and are gone.
 */
export const SIGNED_IN_HINT = 'airtix.signed-in';

const AuthContext = createContext<Auth | undefined>(undefined);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** For tests and stories: a fixed Auth. */
export function AuthContextProvider({ value, children }: { value: Auth; children: ReactNode }) {
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

function currentPath(): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const path = window.location.pathname.startsWith(base)
    ? window.location.pathname.slice(base.length) || '/'
    : '/';
  return `${path}${window.location.search}`;
}

export function AuthProvider({ userManager, children }: { userManager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const loaded = (next: User) => setUser(next);
    const unloaded = () => setUser(null);
    const renewFailed = () => {
      // the refresh token is gone or refused: signed out for this app
      void userManager.removeUser();
    };
    userManager.events.addUserLoaded(loaded);
    userManager.events.addUserUnloaded(unloaded);
    userManager.events.addSilentRenewError(renewFailed);
    let cancelled = false;
    void userManager.getUser().then((existing) => {
      if (cancelled) return;
      setUser(existing);
      const onCallback = window.location.pathname.endsWith('/callback');
      if (!existing && !onCallback && sessionStorage.getItem(SIGNED_IN_HINT)) {
        // a reload: Keycloak's session still runs, so get tokens again without showing anything
        void userManager
          .signinRedirect({ prompt: 'none', state: { returnTo: currentPath() } satisfies SignInState })
          .catch(() => {
            sessionStorage.removeItem(SIGNED_IN_HINT);
            setLoading(false);
          });
        return;
      }
      // on the redirect URI, completeSignIn ends the loading
      if (!onCallback) setLoading(false);
    });
    return () => {
      cancelled = true;
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeUserUnloaded(unloaded);
      userManager.events.removeSilentRenewError(renewFailed);
    };
  }, [userManager]);

  const getAccessToken = useCallback(async () => {
    let current = await userManager.getUser();
    if (current?.expired) {
      try {
        current = await userManager.signinSilent();
      } catch {
        await userManager.removeUser();
        return null;
      }
    }
    return current?.access_token ?? null;
  }, [userManager]);

  const signIn = useCallback(
    (returnTo?: string) =>
      userManager.signinRedirect({ state: { returnTo: returnTo ?? currentPath() } satisfies SignInState }),
    [userManager],
  );

  // the same round trip as a sign-in, so the callback page and the state need nothing of their own
  const signUp = useCallback(
    (returnTo?: string) =>
      userManager.signinRedirect({
        state: { returnTo: returnTo ?? currentPath() } satisfies SignInState,
        extraQueryParams: { prompt: 'create' },
      }),
    [userManager],
  );

  const signOut = useCallback(async () => {
    sessionStorage.removeItem(SIGNED_IN_HINT);
    const idToken = (await userManager.getUser())?.id_token;
    await userManager.removeUser();
    await userManager.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
  }, [userManager]);

  const forget = useCallback(async () => {
    sessionStorage.removeItem(SIGNED_IN_HINT);
    await userManager.removeUser();
  }, [userManager]);

  const completeSignIn = useCallback(async () => {
    try {
      const signedIn = await userManager.signinCallback();
      sessionStorage.setItem(SIGNED_IN_HINT, '1');
      setLoading(false);
      return { returnTo: (signedIn?.state as SignInState | undefined)?.returnTo ?? '/', failed: false };
    } catch (error) {
      // login_required after a quiet sign-in: Keycloak's session ended; anything else: show the catalogue
      sessionStorage.removeItem(SIGNED_IN_HINT);
      setLoading(false);
      const state = (error as { state?: unknown }).state as SignInState | undefined;
      const quiet = (error as { error?: string }).error === 'login_required';
      return { returnTo: state?.returnTo ?? '/', failed: !quiet };
    }
  }, [userManager]);

  // renewed tokens carry the roles as they are now: a role granted or withdrawn shows at the next renewal
  const accessToken = user && !user.expired ? user.access_token : undefined;
  const access = useMemo(() => (accessToken ? accessOfToken(accessToken) : NO_ACCESS), [accessToken]);

  const value = useMemo<Auth>(
    () => ({
      status: loading ? 'loading' : user && !user.expired ? 'signed-in' : 'signed-out',
      name: (user?.profile.preferred_username as string | undefined) ?? user?.profile.name,
      access,
      getAccessToken,
      signIn,
      signUp,
      signOut,
      forget,
      completeSignIn,
    }),
    [loading, user, access, getAccessToken, signIn, signUp, signOut, forget, completeSignIn],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
