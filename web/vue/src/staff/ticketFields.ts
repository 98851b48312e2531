import type { Cabin, Ticket, UpdateTicketRequest } from '@airtix/web-shared/api';

export const CABINS: Cabin[] = ['ECONOMY', 'PREMIUM_ECONOMY', 'BUSINESS', 'FIRST'];

/** What a ticket form sends, but the airline (create) and the version (edit). */
export type TicketFields = Omit<UpdateTicketRequest, 'version'>;

export interface TicketValues {
  flightNumber: string;
  origin: string;
  destination: string;
  departure: string;
  cabin: Cabin;
  seat: string;
  price: string;
  currency: string;
}

export const LABELS: Record<keyof TicketValues, string> = {
  flightNumber: 'Flight number',
  origin: 'From',
  destination: 'To',
  departure: 'Departure (UTC)',
  cabin: 'Cabin',
  seat: 'Seat',
  price: 'Price',
  currency: 'Currency',
};

export function valuesOf(ticket: Ticket | undefined): TicketValues {
  return {
    flightNumber: ticket?.flightNumber ?? '',
    origin: ticket?.origin ?? '',
    destination: ticket?.destination ?? '',
    // datetime-local has no zone: the form shows and takes UTC, as the catalogue does
    departure: ticket ? ticket.departureTime.slice(0, 16) : '',
    cabin: ticket?.cabin ?? 'ECONOMY',
    seat: ticket?.seat ?? '',
    price: ticket ? String(ticket.price) : '',
    currency: ticket?.currency ?? 'EUR',
  };
}

export function fieldsOf(values: TicketValues): TicketFields {
  const departure = values.departure.length === 16 ? `${values.departure}:00` : values.departure;
  return {
    flightNumber: values.flightNumber.trim().toUpperCase(),
    origin: values.origin.trim().toUpperCase(),
    destination: values.destination.trim().toUpperCase(),
    departureTime: `${departure}Z`,
    cabin: values.cabin,
    seat: values.seat.trim().toUpperCase(),
    price: Number(values.price.replace(',', '.')),
    currency: values.currency.trim().toUpperCase(),
  };
}
