import { describe, expect, it } from 'vitest';
import { adminConsoleUrlOf, formatWhen, ticketName } from './staff';

describe('the staff pages’ words', () => {
  it('gives times in UTC, with the zone named', () => {
    expect(formatWhen('2026-12-06T21:00:00Z')).toBe('6 Dec 2026, 21:00 UTC');
  });

  it('names a ticket by flight, route and seat', () => {
    expect(ticketName({ flightNumber: 'AX101', origin: 'LUX', destination: 'CDG', seat: '12A' })).toBe(
      'AX101 LUX to CDG, seat 12A',
    );
  });

  it('finds the realm’s admin console from the authority', () => {
    expect(adminConsoleUrlOf('http://localhost:8180/realms/airtix')).toBe(
      'http://localhost:8180/admin/airtix/console/',
    );
    expect(adminConsoleUrlOf('https://id.example/realms/airtix/')).toBe(
      'https://id.example/admin/airtix/console/',
    );
  });
});
