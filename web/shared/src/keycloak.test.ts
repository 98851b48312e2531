import { describe, expect, it } from 'vitest';
import { accountConsoleUrlOf, adminConsoleUrlOf } from './keycloak';

describe("Keycloak's pages", () => {
  it('finds the account console under the realm', () => {
    expect(accountConsoleUrlOf('http://localhost:8180/realms/airtix')).toBe(
      'http://localhost:8180/realms/airtix/account',
    );
    expect(accountConsoleUrlOf('https://id.airtix.io/realms/airtix/')).toBe(
      'https://id.airtix.io/realms/airtix/account',
    );
  });

  it("finds the realm's admin console beside the realms", () => {
    expect(adminConsoleUrlOf('http://localhost:8180/realms/airtix')).toBe(
      'http://localhost:8180/admin/airtix/console/',
    );
  });
});
