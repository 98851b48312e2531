import { storefrontConfig } from '@airtix/web-shared/config';
import { accountConsoleUrlOf, adminConsoleUrlOf } from '@airtix/web-shared/keycloak';
import {
  InMemoryWebStorage,
  UserManager,
  WebStorageStateStore,
  type UserManagerSettings,
} from 'oidc-client-ts';

/** The realm that signs people in, from the settings the app read at start (`/react/config.json`). */
function authority(): string {
  return storefrontConfig().authority;
}

/** The app's own address, e.g. http://localhost:8080/react/ */
export function appUrl(path = ''): string {
  return `${window.location.origin}${import.meta.env.BASE_URL}${path}`;
}

/**
 * Authorization code flow with PKCE (S256, oidc-client-ts's only way) against the realm's public client
 * (`airtix-web` by default). Tokens stay in memory: a reload forgets them (see AuthProvider for the quiet sign-in that
 * follows). Only the short-lived sign-in state (PKCE verifier, where to come back to) is kept in
 * sessionStorage, since it must survive the round trip to Keycloak. Renewal uses the refresh token, which needs
 * no iframe (Keycloak's pages refuse to be framed by another origin, and the gateway's CSP frames nothing).
 */
export function oidcSettings(): UserManagerSettings {
  return {
    authority: authority(),
    client_id: storefrontConfig().clientId,
    redirect_uri: appUrl('callback'),
    post_logout_redirect_uri: appUrl(),
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    monitorSession: false,
    loadUserInfo: false,
  };
}

/**
 * The realm's admin console, where a tenant admin sees their airline's groups (Keycloak's fine-grained admin
 * permissions limit it to them): http://localhost:8180/admin/airtix/console/ for the default authority.
 */
export function adminConsoleUrl(): string {
  return adminConsoleUrlOf(authority());
}

/** The realm's account console: profile, password, second factor, sessions, linked accounts, deletion. */
export function accountConsoleUrl(): string {
  return accountConsoleUrlOf(authority());
}

export function createUserManager(): UserManager {
  return new UserManager(oidcSettings());
}
