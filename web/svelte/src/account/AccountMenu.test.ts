import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { UserManager } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthState, authContext } from '../auth/auth.svelte';
import AccountMenu from './AccountMenu.svelte';

/** Nobody signed in, and no hint of an earlier sign-in. */
function signedOutUserManager() {
  return {
    events: {
      addUserLoaded: vi.fn(),
      addUserUnloaded: vi.fn(),
      addSilentRenewError: vi.fn(),
      removeUserLoaded: vi.fn(),
      removeUserUnloaded: vi.fn(),
      removeSilentRenewError: vi.fn(),
    },
    getUser: vi.fn(async () => null),
    signinRedirect: vi.fn(async () => undefined),
  };
}

let stop: (() => void) | undefined;

function showMenu() {
  const userManager = signedOutUserManager();
  const auth = new AuthState(userManager as unknown as UserManager);
  stop = auth.start();
  render(AccountMenu, { context: new Map([authContext(auth)]) });
  return userManager;
}

describe('the account menu, signed out', () => {
  beforeEach(() => {
    // Vitest serves from /, the build from the base the gateway serves the app under
    vi.stubEnv('BASE_URL', '/svelte/');
    sessionStorage.clear();
    window.history.replaceState(null, '', '/svelte/?origin=LUX');
  });

  afterEach(() => {
    stop?.();
    vi.unstubAllEnvs();
  });

  it('opens Keycloak’s registration form for a new account, and comes back to the page shown', async () => {
    const userManager = showMenu();

    await userEvent.click(await screen.findByRole('button', { name: 'Create an account' }));

    expect(userManager.signinRedirect).toHaveBeenCalledWith({
      state: { returnTo: '/?origin=LUX' },
      extraQueryParams: { prompt: 'create' },
    });
  });

  it('signs in beside it, on Keycloak’s sign-in form', async () => {
    const userManager = showMenu();

    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(userManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/?origin=LUX' } });
    expect(screen.getByRole('button', { name: 'Create an account' })).toHaveClass(
      'button',
      'button--secondary',
    );
  });
});
