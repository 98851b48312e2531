import { InMemoryWebStorage } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminConsoleUrl, oidcSettings } from './oidc';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the sign-in settings', () => {
  it('come back to the app under /vue/, with code and PKCE against the airtix realm', () => {
    // as built: Vitest serves the tests from /
    vi.stubEnv('BASE_URL', '/vue/');
    const settings = oidcSettings();

    expect(settings.authority).toBe('http://localhost:8180/realms/airtix');
    expect(settings.client_id).toBe('airtix-web');
    expect(settings.redirect_uri).toBe(`${window.location.origin}/vue/callback`);
    expect(settings.post_logout_redirect_uri).toBe(`${window.location.origin}/vue/`);
    expect(settings.response_type).toBe('code');
    expect(settings.monitorSession).toBe(false);
  });

  it('keep the tokens in memory, and only the round trip’s state in sessionStorage', () => {
    const settings = oidcSettings();

    expect((settings.userStore as unknown as { _store: unknown })._store).toBeInstanceOf(InMemoryWebStorage);
    expect((settings.stateStore as unknown as { _store: unknown })._store).toBe(window.sessionStorage);
  });
});

describe('the realm’s admin console', () => {
  it('is found beside the realm the app signs in to', () => {
    expect(adminConsoleUrl()).toBe('http://localhost:8180/admin/airtix/console/');
  });
});
