import { describe, expect, it } from 'vitest';
import { formatDeparture, formatFlight } from './format';

describe('flights in words', () => {
  it('names a flight by its number and route', () => {
    expect(formatFlight({ flightNumber: 'AX101', origin: 'LUX', destination: 'CDG' })).toBe(
      'AX101 LUX → CDG',
    );
  });

  it('gives the departure in UTC, with the zone named', () => {
    expect(formatDeparture('2027-03-14T06:45:00Z')).toBe('Sun, 14 Mar 2027, 06:45 UTC');
  });
});
