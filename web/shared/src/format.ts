import type { Payment, PaymentStatus, Ticket } from './api/client';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** €129.00 */
export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    } catch {
      return `${amount.toFixed(2)} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** Departure times are UTC in the API and shown so (the catalogue's date filter is a UTC day). */
export function formatDeparture(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "AX101 LUX → CDG": a flight by its number and route, where a list names it on one line. */
export function formatFlight(ticket: Pick<Ticket, 'flightNumber' | 'origin' | 'destination'>): string {
  return `${ticket.flightNumber} ${ticket.origin} → ${ticket.destination}`;
}

const cabins: Record<string, string> = {
  ECONOMY: 'Economy',
  PREMIUM_ECONOMY: 'Premium economy',
  BUSINESS: 'Business',
  FIRST: 'First',
};

export function formatCabin(cabin: string): string {
  return cabins[cabin] ?? cabin;
}

/** 14:05 → "14 minutes 5 seconds"; for screen readers and the visible clock alike. */
export function formatRemaining(ms: number): { clock: string; words: string } {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const clock = `${minutes}:${seconds.toString().padStart(2, '0')}`;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return { clock, words: parts.join(' ') };
}

const paymentStatuses: Record<PaymentStatus, { text: string; tone: string }> = {
  PENDING: { text: 'Pending', tone: 'held' },
  SUCCEEDED: { text: 'Paid', tone: 'success' },
  FAILED: { text: 'Failed', tone: 'sold' },
  REFUNDED: { text: 'Refunded', tone: 'info' },
  CANCELLED: { text: 'Cancelled', tone: 'sold' },
};

/** Where a payment stands, in a word and the badge tone that goes with it (`badge--<tone>`). */
export function formatPaymentStatus(status: string): { text: string; tone: string } {
  return paymentStatuses[status as PaymentStatus] ?? { text: status, tone: 'sold' };
}

/** What a payment meant for the person who made it, in a sentence: the provider's words where it failed. */
export function formatPaymentOutcome(payment: Pick<Payment, 'status' | 'failureReason'>): string {
  switch (payment.status) {
    case 'FAILED':
      return payment.failureReason ?? 'The payment was declined.';
    case 'REFUNDED':
      return 'The amount was paid back to your card.';
    case 'CANCELLED':
      return 'Nothing was charged.';
    case 'PENDING':
      return 'Waiting for the card’s answer.';
    default:
      return 'Charged to your card.';
  }
}
