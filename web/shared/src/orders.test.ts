import { describe, expect, it } from 'vitest';
import { endedByATicketChange, orderEndedBadge, orderEnding } from './orders';

describe('how an order ended, in words', () => {
  it('tells the customer the catalogue refused the order because the price changed', () => {
    expect(orderEnding({ cancellationReason: 'PRICE_CHANGED', refunded: false })).toBe(
      'The airline changed the price of this ticket just before your order reached it, so the order was cancelled at the old price. You can book the ticket again at its new price.',
    );
    expect(orderEndedBadge({ cancellationReason: 'PRICE_CHANGED' })).toBe('Price changed');
  });

  it('tells the customer a ticket changed or withdrawn meanwhile ended the order', () => {
    expect(orderEnding({ cancellationReason: 'TICKET_CHANGED', refunded: false })).toMatch(
      /changed this ticket's flight or seat/,
    );
    expect(orderEnding({ cancellationReason: 'TICKET_WITHDRAWN', refunded: false })).toMatch(
      /withdrew this ticket/,
    );
    expect(orderEndedBadge({ cancellationReason: 'TICKET_WITHDRAWN' })).toBe('Withdrawn');
  });

  it('adds that the payment went back when it was refunded', () => {
    expect(orderEnding({ cancellationReason: 'PRICE_CHANGED', refunded: true })).toMatch(
      /at its new price\. Your payment was refunded in full\.$/,
    );
  });

  it('keeps the words of the deadlines and of the customer', () => {
    expect(orderEnding({ cancellationReason: 'CUSTOMER', refunded: false })).toBe(
      'You cancelled this order.',
    );
    expect(orderEndedBadge({ cancellationReason: 'CUSTOMER' })).toBe('Cancelled');
    expect(orderEndedBadge({ cancellationReason: 'EXPIRED' })).toBe('Ended unpaid');
    expect(orderEndedBadge({ cancellationReason: 'UNPAID' })).toBe('Ended unpaid');
  });

  it('says something plain of a reason it does not know', () => {
    expect(orderEnding({ cancellationReason: null, refunded: false })).toBe('This order was cancelled.');
    expect(orderEndedBadge({ cancellationReason: null })).toBe('Cancelled');
  });

  it('leads back to the ticket only when its change ended the order', () => {
    expect(endedByATicketChange({ cancellationReason: 'PRICE_CHANGED' })).toBe(true);
    expect(endedByATicketChange({ cancellationReason: 'TICKET_CHANGED' })).toBe(true);
    expect(endedByATicketChange({ cancellationReason: 'TICKET_WITHDRAWN' })).toBe(false);
    expect(endedByATicketChange({ cancellationReason: 'EXPIRED' })).toBe(false);
  });
});
