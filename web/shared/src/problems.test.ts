import { describe, expect, it } from 'vitest';
import {
  ApiProblem,
  describeWait,
  problemCode,
  problemSentence,
  retryAfterSeconds,
  sentenceFor,
} from './problems';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  type: `https://airtix.io/problems/${code.toLowerCase().replace(/_/g, '-')}`,
  title: 'for developers',
  status,
  detail: `Ticket 5f1d0c2e-0000-4000-8000-000000000001 says ${code}`,
  code,
  ...extra,
});

describe('problemSentence', () => {
  it('lists what to correct in a validation problem, in the words of the form', () => {
    const validation = problem(400, 'VALIDATION', {
      errors: [
        { field: 'origin', message: 'must be a 3-letter IATA airport code' },
        { field: 'date', message: 'must be a date' },
      ],
    });
    expect(problemSentence(400, validation)).toBe(
      'Please check what you entered: From must be a 3-letter IATA airport code; Date must be a date.',
    );
    expect(problemSentence(400, problem(400, 'MALFORMED_REQUEST'))).toMatch(/not understood/);
  });

  it('names the catalogue’s price fields as the form does, in the message too', () => {
    const range = problem(400, 'VALIDATION', {
      errors: [
        { field: 'maxPrice', message: 'must not be less than minPrice' },
        { field: 'currency', message: 'is required with minPrice or maxPrice' },
      ],
    });
    expect(problemSentence(400, range)).toBe(
      'Please check what you entered: Highest price must not be less than lowest price; ' +
        'Currency is required with lowest price or highest price.',
    );
  });

  it('asks to sign in on 401 and says what is not allowed on 403', () => {
    expect(problemSentence(401, problem(401, 'UNAUTHORIZED'))).toMatch(/^Please sign in/);
    expect(problemSentence(403, problem(403, 'FORBIDDEN'))).toBe('Your account is not allowed to do this.');
  });

  it('names what was not found', () => {
    expect(problemSentence(404, problem(404, 'TICKET_NOT_FOUND'))).toMatch(/this ticket.*withdrawn/);
    expect(problemSentence(404, problem(404, 'ORDER_NOT_FOUND'))).toMatch(/this order/);
    expect(problemSentence(404)).toMatch(/could not find/);
  });

  it('explains each conflict of the sale without the developer detail', () => {
    const priceChanged = problem(409, 'PRICE_CHANGED', { currentPrice: 149, currency: 'EUR' });
    expect(problemSentence(409, priceChanged)).toBe(
      'The price of this ticket has changed to €149.00. Nothing was reserved: you can reserve it at the new price.',
    );
    expect(problemSentence(409, problem(409, 'TICKET_UNAVAILABLE'))).toMatch(
      /someone else has just taken this seat/,
    );
    expect(problemSentence(409, problem(409, 'ORDER_NOT_PAYABLE', { reason: 'EXPIRED' }))).toMatch(
      /hold .* ended/,
    );
    expect(problemSentence(409, problem(409, 'ORDER_NOT_PAYABLE', { reason: 'PAID' }))).toBe(
      'This order is already paid.',
    );
    expect(problemSentence(409, problem(409, 'STALE_VERSION'))).toMatch(/in the meantime/);
    for (const code of ['PRICE_CHANGED', 'TICKET_UNAVAILABLE', 'STALE_VERSION', 'ORDER_NOT_CANCELLABLE']) {
      expect(problemSentence(409, problem(409, code))).not.toContain('5f1d0c2e');
    }
  });

  it('shows the detail where the service writes it for people', () => {
    const tooMany = problem(409, 'TOO_MANY_HOLDS', {
      detail:
        'You hold 6 tickets already, as many as one customer may at once. Pay for one or cancel one first.',
    });
    expect(problemSentence(409, tooMany)).toBe(tooMany.detail);
    const provider = problem(503, 'PAYMENT_PROVIDER_UNAVAILABLE', {
      detail:
        'The payment provider (stripe) cannot be reached right now. Nothing was charged; try again in a moment.',
    });
    expect(problemSentence(503, provider)).toBe(provider.detail);
  });

  it('says a held ticket cannot be changed on 423', () => {
    expect(problemSentence(423, problem(423, 'TICKET_RESERVED'))).toMatch(/holding this ticket/);
  });

  it('tells how long to wait on 429 from Retry-After, in seconds or as a date', () => {
    const limited = problem(429, 'RATE_LIMITED', { retryAfter: 7 });
    expect(problemSentence(429, limited, { retryAfter: '30' })).toBe(
      'You are going a little fast. Please wait 30 seconds and try again.',
    );
    expect(problemSentence(429, limited)).toMatch(/wait 7 seconds/);
    expect(
      problemSentence(429, limited, {
        retryAfter: 'Sun, 06 Dec 2026 21:02:00 GMT',
        now: new Date('2026-12-06T21:00:00Z'),
      }),
    ).toMatch(/wait 2 minutes/);
    expect(problemSentence(429, undefined)).toMatch(/wait a moment/);
  });

  it('asks to come back on 503, and gives a reference on other server errors', () => {
    expect(problemSentence(503, problem(503, 'UNAVAILABLE'), { retryAfter: '60' })).toBe(
      'Airtix is briefly unavailable. Please try again in a minute.',
    );
    expect(problemSentence(503)).toMatch(/in a moment/);
    expect(problemSentence(500, problem(500, 'INTERNAL', { traceId: 'abc123' }))).toMatch(/reference abc123/);
    expect(problemSentence(0)).toMatch(/cannot reach Airtix/);
  });
});

describe('problemSentence for staff and airlines', () => {
  it('names the fields of the ticket and airline forms', () => {
    const validation = problem(400, 'VALIDATION', {
      errors: [
        { field: 'flightNumber', message: 'must match the pattern' },
        { field: 'firstTenantAdminEmail', message: 'must be an email address' },
      ],
    });
    expect(problemSentence(400, validation)).toBe(
      'Please check what you entered: Flight number must match the pattern; First administrator’s email must be an email address.',
    );
  });

  it('says why an account’s sign-in is not the airline’s to change, and what staff was not found', () => {
    expect(problemSentence(403, problem(403, 'ACCOUNT_BEYOND_AIRLINE'))).toMatch(/Suspend the person here/);
    expect(problemSentence(404, problem(404, 'STAFF_NOT_FOUND'))).toMatch(/does not work for the airline/);
    expect(problemSentence(404, problem(404, 'INVITATION_NOT_FOUND'))).toMatch(/no longer open/);
  });
});

describe('problemCode', () => {
  it('takes the code, else derives it from the type as the services do', () => {
    expect(problemCode({ code: 'PRICE_CHANGED' })).toBe('PRICE_CHANGED');
    expect(problemCode({ type: 'https://airtix.io/problems/too-many-holds' })).toBe('TOO_MANY_HOLDS');
    expect(problemCode({ type: 'about:blank' })).toBeUndefined();
    expect(problemCode(undefined)).toBeUndefined();
  });
});

describe('waits', () => {
  it('reads Retry-After and words the wait', () => {
    expect(retryAfterSeconds(undefined, { retryAfter: '12' })).toBe(12);
    expect(retryAfterSeconds({ retryAfter: 3 })).toBe(3);
    expect(retryAfterSeconds(undefined, { retryAfter: 'soon' })).toBeUndefined();
    expect([1, 45, 60, 61, 150, 3600, 7200].map(describeWait)).toEqual([
      'a second',
      '45 seconds',
      'a minute',
      '2 minutes',
      '3 minutes',
      'about an hour',
      'about 2 hours',
    ]);
  });
});

describe('ApiProblem', () => {
  it('carries status, code, wait and the sentence from a response', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '5' } });
    const error = ApiProblem.from(response, problem(429, 'RATE_LIMITED'));
    expect(error.status).toBe(429);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfter).toBe(5);
    expect(sentenceFor(error)).toBe('You are going a little fast. Please wait 5 seconds and try again.');
  });

  it('words a network failure and anything else', () => {
    expect(sentenceFor(new TypeError('Failed to fetch'))).toMatch(/cannot reach Airtix/);
    expect(sentenceFor(new Error('x'))).toBe('That did not work. Please try again.');
  });
});
