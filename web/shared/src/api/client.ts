/**
 * The typed API client: one openapi-fetch client per service, typed by the types openapi-typescript generated
 * from the services' OpenAPI documents (web/shared/openapi/*.json, `npm run generate`). Every call goes to the
 * gateway; the access token, when there is one, rides in the Authorization header.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiProblem } from '../problems';
import type { components as OrderComponents, paths as OrderPaths } from './orders';
import type { components as PaymentComponents, paths as PaymentPaths } from './payments';
import type { components as TenantComponents, paths as TenantPaths } from './tenants';
import type { components as TicketComponents, paths as TicketPaths } from './tickets';

export type { OrderPaths, PaymentPaths, TenantPaths, TicketPaths };

type TicketSchemas = TicketComponents['schemas'];
type OrderSchemas = OrderComponents['schemas'];
type PaymentSchemas = PaymentComponents['schemas'];
type TenantSchemas = TenantComponents['schemas'];

export type Ticket = TicketSchemas['TicketResponse'];
export type TicketPage = TicketSchemas['TicketPage'];
export type TicketStatus = Ticket['status'];
/** The catalogue's query parameters, as the tickets API takes them. */
export type TicketSearch = NonNullable<TicketPaths['/api/tickets']['get']['parameters']['query']>;
export type Order = OrderSchemas['OrderResponse'];
export type OrderPage = OrderSchemas['OrderPage'];
export type OrderStatus = Order['status'];
export type ReserveTicketRequest = OrderSchemas['ReserveTicketRequest'];
export type Payment = PaymentSchemas['PaymentResponse'];
export type PaymentStatus = Payment['status'];
export type Airline = TenantSchemas['AirlineResponse'];
export type SimulatedOutcome = PaymentSchemas['SimulatedConfirmation']['outcome'];
export type CreateTicketRequest = TicketSchemas['CreateTicketRequest'];
export type UpdateTicketRequest = TicketSchemas['UpdateTicketRequest'];
export type Cabin = Ticket['cabin'];
export type PaymentPage = PaymentSchemas['PaymentPage'];
export type AirlinePage = TenantSchemas['AirlinePage'];
export type CreateAirlineRequest = TenantSchemas['CreateAirlineRequest'];
export type StaffMember = TenantSchemas['StaffMember'];
export type StaffPage = TenantSchemas['StaffPage'];
export type StaffInvitation = TenantSchemas['StaffInvitation'];
export type StaffSession = TenantSchemas['StaffSession'];
export type AddStaffRequest = TenantSchemas['AddStaffRequest'];

export interface ApiOptions {
  /** Where the gateway answers, e.g. http://localhost:8080; the page's origin in the apps. */
  baseUrl: string;
  /** The current access token, or null when nobody is signed in; asked before every call. */
  getAccessToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Tests pass a fake. */
  fetch?: typeof fetch;
}

export interface Api {
  tickets: Client<TicketPaths>;
  orders: Client<OrderPaths>;
  payments: Client<PaymentPaths>;
  tenants: Client<TenantPaths>;
}

export function createApi(options: ApiOptions): Api {
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await options.getAccessToken?.();
      if (token && !request.headers.has('Authorization'))
        request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  const clientOptions = {
    baseUrl: options.baseUrl,
    headers: { Accept: 'application/json, application/problem+json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const tickets = createClient<TicketPaths>(clientOptions);
  const orders = createClient<OrderPaths>(clientOptions);
  const payments = createClient<PaymentPaths>(clientOptions);
  const tenants = createClient<TenantPaths>(clientOptions);
  for (const client of [tickets, orders, payments, tenants]) client.use(bearer);
  return { tickets, orders, payments, tenants };
}

/**
 * The data of a successful call; a failed one throws an {@link ApiProblem} whose message is the sentence to show.
 * A network failure throws fetch's TypeError (its sentence: `sentenceFor`).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw ApiProblem.from(response, error);
  return data as T;
}
