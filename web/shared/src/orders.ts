import type { Order } from './api/client';

type Reason = NonNullable<Order['cancellationReason']>;

const endings: Record<Reason, { badge: string; sentence: string }> = {
  CUSTOMER: { badge: 'Cancelled', sentence: 'You cancelled this order.' },
  EXPIRED: {
    badge: 'Ended unpaid',
    sentence: 'Your hold ended before the ticket was paid, so the seat went back on sale.',
  },
  UNPAID: {
    badge: 'Ended unpaid',
    sentence: 'The payment did not go through in time, so the seat went back on sale.',
  },
  PRICE_CHANGED: {
    badge: 'Price changed',
    sentence:
      'The airline changed the price of this ticket just before your order reached it, so the order was cancelled at the old price. You can book the ticket again at its new price.',
  },
  TICKET_CHANGED: {
    badge: 'Ticket changed',
    sentence:
      "The airline changed this ticket's flight or seat just before your order reached it, so the order was cancelled. Look at the ticket again before you book it.",
  },
  TICKET_WITHDRAWN: {
    badge: 'Withdrawn',
    sentence:
      'The airline withdrew this ticket just before your order reached it, so the order was cancelled.',
  },
};

type Ended = Pick<Order, 'cancellationReason' | 'refunded'>;

/** Why a cancelled order ended, in sentences its customer reads on the order's page. */
export function orderEnding(order: Ended): string {
  const reason = order.cancellationReason ? endings[order.cancellationReason]?.sentence : undefined;
  const ending = reason ?? 'This order was cancelled.';
  return order.refunded ? `${ending} Your payment was refunded in full.` : ending;
}

/** Whether the order ended because its ticket changed, which is still on sale as it is now. */
export function endedByATicketChange(order: Pick<Order, 'cancellationReason'>): boolean {
  return order.cancellationReason === 'PRICE_CHANGED' || order.cancellationReason === 'TICKET_CHANGED';
}

/** A cancelled order's ending in a word or two, for a list of orders. */
export function orderEndedBadge(order: Pick<Order, 'cancellationReason'>): string {
  return (order.cancellationReason && endings[order.cancellationReason]?.badge) || 'Cancelled';
}
