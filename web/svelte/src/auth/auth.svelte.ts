import { accessOfToken, NO_ACCESS, type Access } from '@airtix/web-shared/access';
import type { User, UserManager } from 'oidc-client-ts';
import { getContext, setContext } from 'svelte';

export interface Auth {
  /** `loading` until the app knows whether someone is signed in. */
  readonly status: 'loading' | 'signed-in' | 'signed-out';
  /** What the header shows: the preferred user name. */
  readonly name: string | undefined;
  /** The roles the access token carries (platform admin; tenant roles per airline); none when signed out. */
  readonly access: Access;
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

function currentPath(): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const path = window.location.pathname.startsWith(base)
    ? window.location.pathname.slice(base.length) || '/'
    : '/';
  return `${path}${window.location.search}`;
}

/** The signed-in person, on oidc-client-ts's UserManager; `start()` once, from the app's root. */
export class AuthState implements Auth {
  private user = $state.raw<User | null>(null);
  private loading = $state(true);
  private readonly userManager: UserManager;

  constructor(userManager: UserManager) {
    this.userManager = userManager;
  }

  get status(): Auth['status'] {
    if (this.loading) return 'loading';
    return this.user && !this.user.expired ? 'signed-in' : 'signed-out';
  }

  get name(): string | undefined {
    return (this.user?.profile.preferred_username as string | undefined) ?? this.user?.profile.name;
  }

  // renewed tokens carry the roles as they are now: a role granted or withdrawn shows at the next renewal
  private readonly accessToken = $derived(
    this.user && !this.user.expired ? this.user.access_token : undefined,
  );
  readonly access: Access = $derived(this.accessToken ? accessOfToken(this.accessToken) : NO_ACCESS);

  /** Loads the user, or signs in again quietly after a reload; returns what stops listening. */
  start(): () => void {
    const userManager = this.userManager;
    const loaded = (next: User) => {
      this.user = next;
    };
    const unloaded = () => {
      this.user = null;
    };
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
      this.user = existing;
      const onCallback = window.location.pathname.endsWith('/callback');
      if (!existing && !onCallback && sessionStorage.getItem(SIGNED_IN_HINT)) {
        // a reload: Keycloak's session still runs, so get tokens again without showing anything
        void userManager
          .signinRedirect({ prompt: 'none', state: { returnTo: currentPath() } satisfies SignInState })
          .catch(() => {
            sessionStorage.removeItem(SIGNED_IN_HINT);
            this.loading = false;
          });
        return;
      }
      // on the redirect URI, completeSignIn ends the loading
      if (!onCallback) this.loading = false;
    });
    return () => {
      cancelled = true;
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeUserUnloaded(unloaded);
      userManager.events.removeSilentRenewError(renewFailed);
    };
  }

  getAccessToken = async (): Promise<string | null> => {
    let current = await this.userManager.getUser();
    if (current?.expired) {
      try {
        current = await this.userManager.signinSilent();
      } catch {
        await this.userManager.removeUser();
        return null;
      }
    }
    return current?.access_token ?? null;
  };

  signIn = (returnTo?: string): Promise<void> =>
    this.userManager.signinRedirect({
      state: { returnTo: returnTo ?? currentPath() } satisfies SignInState,
    });

  // the same round trip as a sign-in, so the callback page and the state need nothing of their own
  signUp = (returnTo?: string): Promise<void> =>
    this.userManager.signinRedirect({
      state: { returnTo: returnTo ?? currentPath() } satisfies SignInState,
      extraQueryParams: { prompt: 'create' },
    });

  signOut = async (): Promise<void> => {
    sessionStorage.removeItem(SIGNED_IN_HINT);
    const idToken = (await this.userManager.getUser())?.id_token;
    await this.userManager.removeUser();
    await this.userManager.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
  };

  forget = async (): Promise<void> => {
    sessionStorage.removeItem(SIGNED_IN_HINT);
    await this.userManager.removeUser();
  };

  completeSignIn = async (): Promise<{ returnTo: string; failed: boolean }> => {
    try {
      const signedIn = await this.userManager.signinCallback();
      sessionStorage.setItem(SIGNED_IN_HINT, '1');
      this.loading = false;
      return { returnTo: (signedIn?.state as SignInState | undefined)?.returnTo ?? '/', failed: false };
    } catch (error) {
      // login_required after a quiet sign-in: Keycloak's session ended; anything else: show the catalogue
      sessionStorage.removeItem(SIGNED_IN_HINT);
      this.loading = false;
      const state = (error as { state?: unknown }).state as SignInState | undefined;
      const quiet = (error as { error?: string }).error === 'login_required';
      return { returnTo: state?.returnTo ?? '/', failed: !quiet };
    }
  };
}

const AUTH = Symbol('auth');

export const authContext = (auth: Auth): [symbol, Auth] => [AUTH, auth];

export function setAuth(auth: Auth): void {
  setContext(AUTH, auth);
}

export function getAuth(): Auth {
  const auth = getContext<Auth | undefined>(AUTH);
  if (!auth) throw new Error('getAuth outside the app');
  return auth;
}
