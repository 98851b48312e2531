import type { Cabin, Ticket, UpdateTicketRequest } from '@airtix/web-shared/api';
import { formatCabin } from '@airtix/web-shared/format';
import { useId, useState, type FormEvent } from 'react';

const CABINS: Cabin[] = ['ECONOMY', 'PREMIUM_ECONOMY', 'BUSINESS', 'FIRST'];

/** What a ticket form sends, but the airline (create) and the version (edit). */
export type TicketFields = Omit<UpdateTicketRequest, 'version'>;

interface Values {
  flightNumber: string;
  origin: string;
  destination: string;
  departure: string;
  cabin: Cabin;
  seat: string;
  price: string;
  currency: string;
}

const LABELS: Record<keyof Values, string> = {
  flightNumber: 'Flight number',
  origin: 'From',
  destination: 'To',
  departure: 'Departure (UTC)',
  cabin: 'Cabin',
  seat: 'Seat',
  price: 'Price',
  currency: 'Currency',
};

function valuesOf(ticket: Ticket | undefined): Values {
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

function fieldsOf(values: Values): TicketFields {
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

/**
 * A ticket's flight, seat and price. Only emptiness is checked here; the tickets API checks the rest and its
 * validation problem names the fields in the form's words.
 */
export function TicketForm({
  ticket,
  submitLabel,
  pending,
  onSubmit,
}: {
  ticket?: Ticket;
  submitLabel: string;
  pending: boolean;
  onSubmit: (fields: TicketFields) => void;
}) {
  const id = useId();
  const [values, setValues] = useState(() => valuesOf(ticket));
  const [missing, setMissing] = useState<(keyof Values)[]>([]);

  const input = (name: Exclude<keyof Values, 'cabin'>) => ({
    id: `${id}-${name}`,
    name,
    value: values[name],
    'aria-invalid': missing.includes(name) || undefined,
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const value = event.currentTarget.value;
      setValues((before) => ({ ...before, [name]: value }));
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = (Object.keys(LABELS) as (keyof Values)[]).filter((name) => !values[name].trim());
    setMissing(empty);
    if (empty.length === 0) onSubmit(fieldsOf(values));
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      {missing.length > 0 && (
        <div className="notice notice--danger form__wide" role="alert">
          <p>Please fill in: {missing.map((name) => LABELS[name]).join(', ')}.</p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-flightNumber`}>{LABELS.flightNumber}</label>
        <input
          {...input('flightNumber')}
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-flight-hint`}
        />
        <p id={`${id}-flight-hint`} className="field-hint">
          The airline’s 2-character code and 1 to 4 digits, e.g. AX101.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-departure`}>{LABELS.departure}</label>
        <input {...input('departure')} type="datetime-local" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-origin`}>{LABELS.origin}</label>
        <input
          {...input('origin')}
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-airport-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-destination`}>{LABELS.destination}</label>
        <input
          {...input('destination')}
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-airport-hint`}
        />
      </div>
      <p id={`${id}-airport-hint`} className="field-hint form__wide">
        Airports by their 3-letter code, e.g. LUX for Luxembourg.
      </p>
      <div className="field">
        <label htmlFor={`${id}-cabin`}>{LABELS.cabin}</label>
        <select
          id={`${id}-cabin`}
          name="cabin"
          value={values.cabin}
          onChange={(event) => {
            const cabin = event.currentTarget.value as Cabin;
            setValues((before) => ({ ...before, cabin }));
          }}
        >
          {CABINS.map((cabin) => (
            <option key={cabin} value={cabin}>
              {formatCabin(cabin)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-seat`}>{LABELS.seat}</label>
        <input
          {...input('seat')}
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-seat-hint`}
        />
        <p id={`${id}-seat-hint`} className="field-hint">
          Row and letter, e.g. 12A.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-price`}>{LABELS.price}</label>
        <input {...input('price')} inputMode="decimal" autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-currency`}>{LABELS.currency}</label>
        <input
          {...input('currency')}
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-currency-hint`}
        />
        <p id={`${id}-currency-hint`} className="field-hint">
          Its 3-letter code, e.g. EUR.
        </p>
      </div>
      <div className="form__wide actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
