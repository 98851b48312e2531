/**
 * What a person may do, read from their access token the way the services read it (libs/platform
 * AirtixPrincipal): platform roles from `realm_access.roles`, tenant roles from the `groups` claim's
 * `/airlines/<airline>/<role>` paths. The services decide; this only chooses what to offer, so a stale or
 * forged token shows at worst a page whose calls are refused.
 */

export type TenantRole = 'tenant-admin' | 'agent' | 'auditor';

export const TENANT_ROLES: readonly TenantRole[] = ['tenant-admin', 'agent', 'auditor'];

export interface Access {
  platformAdmin: boolean;
  /** Airline id → the tenant roles held there; only airlines where at least one is held. */
  airlines: Record<string, TenantRole[]>;
}

export const NO_ACCESS: Access = { platformAdmin: false, airlines: {} };

const AIRLINE_GROUP = /^\/airlines\/([a-z0-9][a-z0-9-]*)\/([a-z][a-z0-9-]*)$/;

export function isTenantRole(role: string): role is TenantRole {
  return (TENANT_ROLES as readonly string[]).includes(role);
}

/** From the token's claims; groups of other shapes (and a suspended member's group) grant nothing. */
export function accessOfClaims(claims: Record<string, unknown>): Access {
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  const realmRoles = Array.isArray(realmAccess?.roles) ? realmAccess.roles.map(String) : [];
  const airlines: Record<string, TenantRole[]> = {};
  for (const group of Array.isArray(claims.groups) ? claims.groups.map(String) : []) {
    const match = AIRLINE_GROUP.exec(group);
    if (!match) continue;
    const [, airline = '', role = ''] = match;
    if (!isTenantRole(role)) continue;
    const held = (airlines[airline] ??= []);
    if (!held.includes(role)) held.push(role);
  }
  return { platformAdmin: realmRoles.includes('platform-admin'), airlines };
}

/** The claims of a JWT, unverified (the services verify it); undefined when it is not one. */
export function claimsOfToken(token: string | undefined | null): Record<string, unknown> | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function accessOfToken(token: string | undefined | null): Access {
  const claims = claimsOfToken(token);
  return claims ? accessOfClaims(claims) : NO_ACCESS;
}

/**
 * The airline whose pages are shown: the first, by id, of those the person works for. Staff of several
 * airlines are rare enough that one at a time, chosen this way, keeps the pages simple.
 */
export function staffAirline(access: Access): string | undefined {
  return Object.keys(access.airlines).sort()[0];
}

function holds(access: Access, roles: readonly TenantRole[]): boolean {
  const airline = staffAirline(access);
  return airline !== undefined && (access.airlines[airline] ?? []).some((role) => roles.includes(role));
}

/** The rules of policies/policy.csv that decide what the navigation offers. */
export const may = {
  readTickets: (access: Access) => holds(access, ['agent', 'tenant-admin', 'auditor']),
  writeTickets: (access: Access) => holds(access, ['agent', 'tenant-admin']),
  /** Agents too: they answer travellers about their bookings (decision 0035). */
  readOrders: (access: Access) => holds(access, ['agent', 'tenant-admin', 'auditor']),
  readPayments: (access: Access) => holds(access, ['agent', 'tenant-admin', 'auditor']),
  manageStaff: (access: Access) => holds(access, ['tenant-admin']),
  manageAirlines: (access: Access) => access.platformAdmin,
};

export const ROLE_NAMES: Record<TenantRole, string> = {
  'tenant-admin': 'Tenant admin',
  agent: 'Agent',
  auditor: 'Auditor',
};

/** What each tenant role allows, in words shown next to it where roles are chosen (policies/policy.csv). */
export const ROLE_HINTS: Record<TenantRole, string> = {
  'tenant-admin': 'the airline’s staff, and everything an agent does',
  agent: 'sells tickets (adds, changes and withdraws them) and sees the airline’s orders and payments',
  auditor: 'reads tickets, orders and payments, changes nothing',
};

export function roleName(role: string): string {
  return isTenantRole(role) ? ROLE_NAMES[role] : role;
}

/** `airline:<id>` for each airline the person works for: its tickets, orders, payments and staff, live. */
export function airlineChannels(access: Access): string[] {
  return Object.keys(access.airlines)
    .sort()
    .map((airline) => `airline:${airline}`);
}
