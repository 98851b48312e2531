import type { User, UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuth } from './auth';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

/** A UserManager that knows this user from the start and tells of later ones through `load`. */
function userManager(user: Partial<User> | null) {
  let loaded: (next: User) => void = () => undefined;
  const manager = {
    events: {
      addUserLoaded: (listener: (next: User) => void) => {
        loaded = listener;
      },
      addUserUnloaded: () => undefined,
      addSilentRenewError: () => undefined,
    },
    getUser: vi.fn(async () => user as User | null),
  };
  return { manager: manager as unknown as UserManager, load: (next: Partial<User>) => loaded(next as User) };
}

afterEach(() => sessionStorage.clear());

describe('the sign-in state', () => {
  it('reads a person’s roles from their access token, and none while signed out', async () => {
    const { manager, load } = userManager(null);
    const auth = createAuth(manager);
    await vi.waitFor(() => expect(auth.status).toBe('signed-out'));
    expect(auth.access).toEqual({ platformAdmin: false, airlines: {} });

    load({
      expired: false,
      profile: { preferred_username: 'ana' } as User['profile'],
      access_token: jwt({ groups: ['/airlines/aerolux/tenant-admin'], realm_access: { roles: [] } }),
    });

    expect(auth.status).toBe('signed-in');
    expect(auth.access).toEqual({ platformAdmin: false, airlines: { aerolux: ['tenant-admin'] } });
  });
});
