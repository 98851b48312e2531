/**
 * Turns the services' RFC 9457 problems (application/problem+json) into a sentence a person understands.
 *
 * Programs branch on `code` (and `type`), never on `title` or `detail`: most details are written for
 * developers ("Ticket 5f1d… is reserved by an order…"). A few are written for people and are shown as they
 * are: those listed in {@link PEOPLE_DETAILS}.
 */

/** One invalid field or parameter of a validation problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** The Airtix problem shape (libs/platform ProblemSchema): type, title, status, detail, code required. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  traceId?: string;
  errors?: FieldError[];
  [property: string]: unknown;
}

export interface ProblemContext {
  /** The response's Retry-After header: seconds or an HTTP date. */
  retryAfter?: string | null;
  /** For an HTTP-date Retry-After; tests pass a fixed one. */
  now?: Date;
}

const TYPE_BASE = 'https://airtix.io/problems/';

/** Codes whose `detail` the services write for people. */
const PEOPLE_DETAILS = new Set(['TOO_MANY_HOLDS', 'PAYMENT_PROVIDER_UNAVAILABLE']);

/** The problem's code: `code`, else derived from `type` as the services do (last segment, upper case). */
export function problemCode(problem: Problem | undefined): string | undefined {
  if (!problem) return undefined;
  if (typeof problem.code === 'string' && problem.code) return problem.code;
  if (typeof problem.type === 'string' && problem.type.startsWith(TYPE_BASE)) {
    return problem.type.slice(TYPE_BASE.length).replace(/-/g, '_').toUpperCase();
  }
  return undefined;
}

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP date), else the problem's `retryAfter`. */
export function retryAfterSeconds(
  problem: Problem | undefined,
  context: ProblemContext = {},
): number | undefined {
  const header = context.retryAfter?.trim();
  if (header) {
    if (/^\d+$/.test(header)) return Number(header);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) {
      const now = (context.now ?? new Date()).getTime();
      return Math.max(0, Math.ceil((date - now) / 1000));
    }
  }
  const fromBody = problem?.retryAfter;
  return typeof fromBody === 'number' && fromBody >= 0 ? fromBody : undefined;
}

/** "30 seconds", "a minute", "3 minutes", "about an hour". */
export function describeWait(seconds: number): string {
  if (seconds <= 1) return 'a second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes === 1) return 'a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'about an hour' : `about ${hours} hours`;
}

function money(amount: unknown, currency: unknown): string | undefined {
  if ((typeof amount !== 'number' && typeof amount !== 'string') || typeof currency !== 'string') {
    return undefined;
  }
  const value = Number(amount);
  if (Number.isNaN(value)) return undefined;
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`;
  }
}

const FIELD_NAMES: Record<string, string> = {
  origin: 'From',
  destination: 'To',
  airline: 'Airline',
  date: 'Date',
  price: 'Price',
  minPrice: 'Lowest price',
  maxPrice: 'Highest price',
  currency: 'Currency',
  page: 'Page',
  size: 'Page size',
  flightNumber: 'Flight number',
  departureTime: 'Departure',
  cabin: 'Cabin',
  seat: 'Seat',
  version: 'Version',
  alias: 'Airline id',
  name: 'Name',
  email: 'Email',
  firstTenantAdminEmail: 'First administrator’s email',
  roles: 'Roles',
};

/**
 * A message may name another parameter as the API spells it ("must not be less than minPrice"): the person
 * knows the form's words only.
 */
function fieldsInWords(message: string): string {
  return message.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b/g, (name) => FIELD_NAMES[name]?.toLowerCase() ?? name);
}

function validationSentence(problem: Problem): string {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length === 0) return 'Some of what you entered is not valid. Please check it and try again.';
  const parts = errors.map(
    (error) => `${FIELD_NAMES[error.field] ?? error.field} ${fieldsInWords(error.message)}`,
  );
  return `Please check what you entered: ${parts.join('; ')}.`;
}

function notFoundSentence(code: string | undefined): string {
  switch (code) {
    case 'TICKET_NOT_FOUND':
      return 'We could not find this ticket. It may have been withdrawn from sale.';
    case 'ORDER_NOT_FOUND':
      return 'We could not find this order among yours.';
    case 'PAYMENT_NOT_FOUND':
      return 'We could not find this payment among yours.';
    case 'AIRLINE_NOT_FOUND':
      return 'We could not find this airline.';
    case 'STAFF_NOT_FOUND':
      return 'This person does not work for the airline (any more).';
    case 'INVITATION_NOT_FOUND':
      return 'This invitation is no longer open: it was accepted, withdrawn or has expired.';
    case 'SESSION_NOT_FOUND':
      return 'This session has ended already.';
    default:
      return 'We could not find what you asked for. It may have been removed.';
  }
}

function conflictSentence(code: string | undefined, problem: Problem): string {
  switch (code) {
    case 'PRICE_CHANGED': {
      const price = money(problem.currentPrice, problem.currency);
      return price
        ? `The price of this ticket has changed to ${price}. Nothing was reserved: you can reserve it at the new price.`
        : 'The price of this ticket has changed. Nothing was reserved: check the new price and try again.';
    }
    case 'TICKET_UNAVAILABLE':
      return 'Sorry, someone else has just taken this seat. Please choose another ticket.';
    case 'ORDER_NOT_CANCELLABLE':
      return 'This order can no longer be cancelled: it is paid or has already ended.';
    case 'ORDER_NOT_PAYABLE':
      switch (problem.reason) {
        case 'EXPIRED':
          return 'Your hold on this ticket has ended, so the order can no longer be paid.';
        case 'CANCELLED':
          return 'This order was cancelled, so it can no longer be paid.';
        case 'PAID':
        case 'COMPLETED':
          return 'This order is already paid.';
        default:
          return 'This order can no longer be paid.';
      }
    case 'PAYMENT_NOT_CONFIRMABLE':
      return 'This payment can no longer be confirmed. Reload the page to see where it stands.';
    case 'STALE_VERSION':
      return 'Someone changed this in the meantime. Reload the page and try again.';
    case 'TICKET_SOLD':
      return 'This ticket is sold, so it can no longer be changed.';
    case 'ALREADY_STAFF':
      return 'This person already works for the airline.';
    case 'AIRLINE_EXISTS':
      return 'An airline with this id exists already.';
    case 'LAST_TENANT_ADMIN':
      return 'The airline must keep at least one administrator.';
    default:
      return 'This clashes with a change made in the meantime. Reload the page and try again.';
  }
}

/**
 * A sentence for a failed request. `status` is the HTTP status (0: no answer at all), `problem` the parsed
 * body when it was a problem.
 */
export function problemSentence(status: number, problem?: Problem, context: ProblemContext = {}): string {
  const code = problemCode(problem);
  if (code && PEOPLE_DETAILS.has(code) && typeof problem?.detail === 'string' && problem.detail) {
    return problem.detail;
  }
  switch (status) {
    case 0:
      return 'We cannot reach Airtix right now. Check your connection and try again.';
    case 400:
      if (code === 'VALIDATION' && problem) return validationSentence(problem);
      return 'Something in this request was not understood. Reload the page and try again.';
    case 401:
      return 'Please sign in to continue. If you were signed in, your session has ended.';
    case 403:
      return code === 'ACCOUNT_BEYOND_AIRLINE'
        ? 'This person’s account serves other airlines too, so its sign-in and sessions are not this airline’s to change. Suspend the person here instead.'
        : 'Your account is not allowed to do this.';
    case 404:
      return notFoundSentence(code);
    case 409:
      return conflictSentence(code, problem ?? {});
    case 413:
      return 'What you sent is too large.';
    case 423:
      return code === 'TICKET_RESERVED'
        ? 'A customer is holding this ticket right now, so it cannot be changed. Try again when the hold ends.'
        : 'This is locked for a moment. Try again shortly.';
    case 429: {
      const wait = retryAfterSeconds(problem, context);
      return wait !== undefined
        ? `You are going a little fast. Please wait ${describeWait(wait)} and try again.`
        : 'You are going a little fast. Please wait a moment and try again.';
    }
    case 503: {
      const wait = retryAfterSeconds(problem, context);
      return wait !== undefined
        ? `Airtix is briefly unavailable. Please try again in ${describeWait(wait)}.`
        : 'Airtix is briefly unavailable. Please try again in a moment.';
    }
    default: {
      if (status >= 500) {
        const trace = typeof problem?.traceId === 'string' ? ` (reference ${problem.traceId})` : '';
        return `Something went wrong on our side${trace}. Please try again; if it keeps happening, contact us.`;
      }
      return 'That did not work. Please try again.';
    }
  }
}

/** A failed API call: its status, its problem when there was one, and the sentence to show. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly code: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(status: number, problem?: Problem, context: ProblemContext = {}) {
    super(problemSentence(status, problem, context));
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
    this.code = problemCode(problem);
    this.retryAfter = retryAfterSeconds(problem, context);
  }

  /** From a fetch Response whose body was already read (or not JSON). */
  static from(response: Response, body: unknown): ApiProblem {
    const problem = isProblem(body) ? body : undefined;
    return new ApiProblem(response.status, problem, { retryAfter: response.headers.get('Retry-After') });
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('code' in value || 'type' in value || 'title' in value) &&
    !Array.isArray(value)
  );
}

/** The sentence for anything a call may throw: an ApiProblem, a network failure, anything else. */
export function sentenceFor(error: unknown): string {
  if (error instanceof ApiProblem) return error.message;
  if (error instanceof TypeError) return problemSentence(0);
  return 'That did not work. Please try again.';
}
