import { accessOfToken, NO_ACCESS, type Access } from '@airtix/web-shared/access';
import type { User, UserManager } from 'oidc-client-ts';
import { computed, inject, reactive, shallowRef, type InjectionKey } from 'vue';

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

export const AuthKey: InjectionKey<Auth> = Symbol('auth');

export function useAuth(): Auth {
  const auth = inject(AuthKey);
  if (!auth) throw new Error('useAuth without an Auth provided');
  return auth;
}

function currentPath(): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const path = window.location.pathname.startsWith(base)
    ? window.location.pathname.slice(base.length) || '/'
    : '/';
  return `${path}${window.location.search}`;
}

/**
 * The app's sign-in state over oidc-client-ts: reactive, made once by App.vue and provided to every page. Lives
 * as long as the page, so its listeners on the UserManager are never removed.
 */
export function createAuth(userManager: UserManager): Auth {
  const user = shallowRef<User | null>(null);
  const loading = shallowRef(true);

  userManager.events.addUserLoaded((next) => {
    user.value = next;
  });
  userManager.events.addUserUnloaded(() => {
    user.value = null;
  });
  userManager.events.addSilentRenewError(() => {
    // the refresh token is gone or refused: signed out for this app
    void userManager.removeUser();
  });
  void userManager.getUser().then((existing) => {
    user.value = existing;
    const onCallback = window.location.pathname.endsWith('/callback');
    if (!existing && !onCallback && sessionStorage.getItem(SIGNED_IN_HINT)) {
      // a reload: Keycloak's session still runs, so get tokens again without showing anything
      void userManager
        .signinRedirect({ prompt: 'none', state: { returnTo: currentPath() } satisfies SignInState })
        .catch(() => {
          sessionStorage.removeItem(SIGNED_IN_HINT);
          loading.value = false;
        });
      return;
    }
    // on the redirect URI, completeSignIn ends the loading
    if (!onCallback) loading.value = false;
  });

  // decoded once per token, not on every read: watchers comparing it see a change only with a new token
  const access = computed(() =>
    user.value && !user.value.expired ? accessOfToken(user.value.access_token) : NO_ACCESS,
  );

  return reactive({
    get status() {
      if (loading.value) return 'loading' as const;
      return user.value && !user.value.expired ? ('signed-in' as const) : ('signed-out' as const);
    },
    get access() {
      return access.value;
    },
    get name() {
      return (user.value?.profile.preferred_username as string | undefined) ?? user.value?.profile.name;
    },
    async getAccessToken() {
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
    },
    signIn: (returnTo?: string) =>
      userManager.signinRedirect({ state: { returnTo: returnTo ?? currentPath() } satisfies SignInState }),
    // the same round trip as a sign-in, so the callback page and the state need nothing of their own
    signUp: (returnTo?: string) =>
      userManager.signinRedirect({
        state: { returnTo: returnTo ?? currentPath() } satisfies SignInState,
        extraQueryParams: { prompt: 'create' },
      }),
    async signOut() {
      sessionStorage.removeItem(SIGNED_IN_HINT);
      const idToken = (await userManager.getUser())?.id_token;
      await userManager.removeUser();
      await userManager.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
    },
    async forget() {
      sessionStorage.removeItem(SIGNED_IN_HINT);
      await userManager.removeUser();
    },
    async completeSignIn() {
      try {
        const signedIn = await userManager.signinCallback();
        sessionStorage.setItem(SIGNED_IN_HINT, '1');
        loading.value = false;
        return { returnTo: (signedIn?.state as SignInState | undefined)?.returnTo ?? '/', failed: false };
      } catch (error) {
        // login_required after a quiet sign-in: Keycloak's session ended; anything else: show the catalogue
        sessionStorage.removeItem(SIGNED_IN_HINT);
        loading.value = false;
        const state = (error as { state?: unknown }).state as SignInState | undefined;
        const quiet = (error as { error?: string }).error === 'login_required';
        return { returnTo: state?.returnTo ?? '/', failed: !quiet };
      }
    },
  });
}
