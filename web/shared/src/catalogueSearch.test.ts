import { describe, expect, it } from 'vitest';
import { searchOf } from './catalogueSearch';

describe('the catalogue’s search from its address', () => {
  it('takes every filter, in the API’s spelling', () => {
    const params = new URLSearchParams(
      'airline= AeroLux &origin=lux&destination=cdg&date=2027-03-01&minPrice=100&maxPrice=250.5&currency=chf',
    );

    expect(searchOf(params)).toEqual({
      airline: 'aerolux',
      origin: 'LUX',
      destination: 'CDG',
      date: '2027-03-01',
      minPrice: 100,
      maxPrice: 250.5,
      currency: 'CHF',
    });
  });

  it('prices in euros unless a currency is named, and leaves out what is empty or not a number', () => {
    expect(searchOf(new URLSearchParams('minPrice=120&maxPrice=lots&origin='))).toEqual({
      minPrice: 120,
      currency: 'EUR',
    });
    expect(searchOf(new URLSearchParams())).toEqual({});
  });
});
