import { describe, expect, it } from 'vitest';
import { formatDeparture, formatFlight, formatPaymentOutcome, formatPaymentStatus } from './format';

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

describe('payments in words', () => {
  it('names each state of a payment with the tone of its badge', () => {
    expect(
      (['PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'CANCELLED'] as const).map(formatPaymentStatus),
    ).toEqual([
      { text: 'Pending', tone: 'held' },
      { text: 'Paid', tone: 'success' },
      { text: 'Failed', tone: 'sold' },
      { text: 'Refunded', tone: 'info' },
      { text: 'Cancelled', tone: 'sold' },
    ]);
  });

  it('shows a state it does not know as it came, rather than nothing', () => {
    expect(formatPaymentStatus('DISPUTED')).toEqual({ text: 'DISPUTED', tone: 'sold' });
  });

  it('says what a payment meant for the person who made it, in the provider’s words where it failed', () => {
    expect(formatPaymentOutcome({ status: 'SUCCEEDED', failureReason: null })).toBe('Charged to your card.');
    expect(formatPaymentOutcome({ status: 'FAILED', failureReason: 'Your card was declined.' })).toBe(
      'Your card was declined.',
    );
    expect(formatPaymentOutcome({ status: 'FAILED', failureReason: null })).toBe('The payment was declined.');
    expect(formatPaymentOutcome({ status: 'REFUNDED', failureReason: null })).toBe(
      'The amount was paid back to your card.',
    );
    expect(formatPaymentOutcome({ status: 'CANCELLED', failureReason: null })).toBe('Nothing was charged.');
    expect(formatPaymentOutcome({ status: 'PENDING', failureReason: null })).toBe(
      'Waiting for the card’s answer.',
    );
  });
});
