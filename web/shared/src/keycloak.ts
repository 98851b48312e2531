/** Keycloak's own pages for the realm the apps sign in to, from the apps' OIDC authority. */

/**
 * The realm's admin console for an OIDC authority, where a tenant admin sees their airline's groups (Keycloak's
 * fine-grained admin permissions limit it to them): http://localhost:8180/realms/airtix gives
 * http://localhost:8180/admin/airtix/console/.
 */
export function adminConsoleUrlOf(authority: string): string {
  return authority.replace(/\/$/, '').replace(/\/realms\/([^/]+)$/, '/admin/$1/console/');
}

/**
 * The realm's account console, where a person keeps their profile, password, second factor, sessions and linked
 * accounts, and deletes their account: http://localhost:8180/realms/airtix gives
 * http://localhost:8180/realms/airtix/account.
 */
export function accountConsoleUrlOf(authority: string): string {
  return `${authority.replace(/\/$/, '')}/account`;
}
