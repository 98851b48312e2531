import type { TicketSearch } from '@airtix/web-shared/api';
import { searchOf } from '@airtix/web-shared/catalogue-search';
import { useEffect, useId, useState, type FormEvent } from 'react';

type Values = Record<
  'airline' | 'origin' | 'destination' | 'date' | 'minPrice' | 'maxPrice' | 'currency',
  string
>;

function valuesOf(search: TicketSearch): Values {
  return {
    airline: search.airline ?? '',
    origin: search.origin ?? '',
    destination: search.destination ?? '',
    date: search.date ?? '',
    minPrice: search.minPrice?.toString() ?? '',
    maxPrice: search.maxPrice?.toString() ?? '',
    currency: search.currency ?? '',
  };
}

/** Filters on airline, route, day and price; the page keeps them in the address, so they survive a reload. */
export function CatalogueFilters({
  search,
  onSearch,
}: {
  search: TicketSearch;
  onSearch: (search: TicketSearch) => void;
}) {
  const id = useId();
  // controlled, and set again when the address changes (back, forward, clear): the form is never remounted, so
  // the focus stays where the person left it
  const [values, setValues] = useState(() => valuesOf(search));
  const searchKey = JSON.stringify(search);
  useEffect(() => setValues(valuesOf(JSON.parse(searchKey) as TicketSearch)), [searchKey]);
  const field = (name: keyof Values) => ({
    name,
    value: values[name],
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const value = event.currentTarget.value;
      setValues((before) => ({ ...before, [name]: value }));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value.trim()) params.set(name, value);
    onSearch(searchOf(params));
  };
  return (
    <form className="filters" role="search" aria-label="Find tickets" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-origin`}>From</label>
        <input
          id={`${id}-origin`}
          {...field('origin')}
          placeholder="LUX"
          maxLength={3}
          pattern="[A-Za-z]{3}"
          title="A 3-letter airport code, e.g. LUX"
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-airport-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-destination`}>To</label>
        <input
          id={`${id}-destination`}
          {...field('destination')}
          placeholder="CDG"
          maxLength={3}
          pattern="[A-Za-z]{3}"
          title="A 3-letter airport code, e.g. CDG"
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-airport-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Departure day (UTC)</label>
        <input id={`${id}-date`} type="date" {...field('date')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-airline`}>Airline</label>
        <input
          id={`${id}-airline`}
          {...field('airline')}
          placeholder="aerolux"
          pattern="[A-Za-z0-9][A-Za-z0-9\-]{1,62}"
          title="The airline's id, e.g. aerolux"
          autoComplete="off"
        />
      </div>
      <p id={`${id}-airport-hint`} className="field-hint">
        Airports by their 3-letter code, e.g. LUX for Luxembourg.
      </p>
      <div className="field">
        <label htmlFor={`${id}-min-price`}>Lowest price</label>
        <input
          id={`${id}-min-price`}
          type="number"
          {...field('minPrice')}
          min={0}
          step={0.01}
          inputMode="decimal"
          aria-describedby={`${id}-price-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-max-price`}>Highest price</label>
        <input
          id={`${id}-max-price`}
          type="number"
          {...field('maxPrice')}
          min={0}
          step={0.01}
          inputMode="decimal"
          aria-describedby={`${id}-price-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-currency`}>Currency</label>
        <input
          id={`${id}-currency`}
          {...field('currency')}
          placeholder="EUR"
          maxLength={3}
          pattern="[A-Za-z]{3}"
          title="A 3-letter currency code, e.g. EUR"
          autoCapitalize="characters"
          autoComplete="off"
          aria-describedby={`${id}-price-hint`}
        />
      </div>
      <p id={`${id}-price-hint`} className="field-hint">
        Prices in euros unless you name another currency.
      </p>
      <div className="filters__actions">
        <button type="submit" className="button">
          Show tickets
        </button>
        <button type="button" className="button button--secondary" onClick={() => onSearch({})}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
