import { describe, expect, it } from 'vitest';
import { accessOfToken, may, staffAirline } from './access';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

describe('access from the access token', () => {
  it('reads tenant roles from the groups claim and platform roles from realm_access, as the services do', () => {
    const access = accessOfToken(
      jwt({
        sub: 'u-1',
        preferred_username: 'zoë',
        realm_access: { roles: ['customer', 'default-roles-airtix'] },
        groups: ['/airlines/aerolux/agent', '/airlines/aerolux/tenant-admin', '/airlines', '/other/x/agent'],
      }),
    );
    expect(access).toEqual({ platformAdmin: false, airlines: { aerolux: ['agent', 'tenant-admin'] } });
    expect(staffAirline(access)).toBe('aerolux');
    expect(may.manageStaff(access)).toBe(true);
    expect(may.manageAirlines(access)).toBe(false);
  });

  it('grants nothing for a suspended member’s group, and knows a platform admin', () => {
    const access = accessOfToken(
      jwt({ realm_access: { roles: ['platform-admin'] }, groups: ['/airlines/aerolux/suspended'] }),
    );
    expect(access).toEqual({ platformAdmin: true, airlines: {} });
    expect(may.readTickets(access)).toBe(false);
    expect(may.manageAirlines(access)).toBe(true);
  });

  it('lets an agent read the airline’s orders and payments, as the policy does, but not its staff', () => {
    const agent = accessOfToken(jwt({ groups: ['/airlines/aerolux/agent'] }));
    expect(may.writeTickets(agent)).toBe(true);
    expect(may.readOrders(agent)).toBe(true);
    expect(may.readPayments(agent)).toBe(true);
    expect(may.manageStaff(agent)).toBe(false);
  });

  it('lets a customer or a suspended member read no airline’s orders or payments', () => {
    const customer = accessOfToken(jwt({ realm_access: { roles: ['customer'] } }));
    const suspended = accessOfToken(jwt({ groups: ['/airlines/aerolux/suspended'] }));
    for (const access of [customer, suspended]) {
      expect(may.readOrders(access)).toBe(false);
      expect(may.readPayments(access)).toBe(false);
    }
  });

  it('grants nothing for what is not a token', () => {
    expect(accessOfToken('opaque')).toEqual({ platformAdmin: false, airlines: {} });
    expect(accessOfToken(undefined)).toEqual({ platformAdmin: false, airlines: {} });
  });
});
