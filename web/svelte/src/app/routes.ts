import { may } from '@airtix/web-shared/access';
import SignInCallbackPage from '../account/SignInCallbackPage.svelte';
import CataloguePage from '../catalogue/CataloguePage.svelte';
import TicketDetailsPage from '../catalogue/TicketDetailsPage.svelte';
import CheckoutPage from '../checkout/CheckoutPage.svelte';
import MyOrdersPage from '../orders/MyOrdersPage.svelte';
import OrderCompletedPage from '../orders/OrderCompletedPage.svelte';
import MyPaymentsPage from '../payments/MyPaymentsPage.svelte';
import NotFoundPage from './NotFoundPage.svelte';
import type { Route } from './router.svelte';

/**
 * Paths inside the app (the router's base is Vite's, /svelte); the first that fits wins. Staff and admin pages
 * are for few people: their code loads when first shown, not with the storefront.
 */
export const routes: readonly Route[] = [
  { path: '/', component: CataloguePage },
  { path: '/tickets/:ticketId', component: TicketDetailsPage },
  { path: '/checkout/:orderId', component: CheckoutPage, signIn: 'Your order' },
  { path: '/orders', component: MyOrdersPage, signIn: 'My orders' },
  { path: '/payments', component: MyPaymentsPage, signIn: 'My payments' },
  { path: '/orders/:orderId/completed', component: OrderCompletedPage, signIn: 'Your booking' },
  {
    path: '/staff/tickets',
    load: () => import('../staff/StaffTicketsPage.svelte'),
    roles: { title: 'The airline’s tickets', allowed: may.readTickets },
  },
  {
    path: '/staff/tickets/new',
    load: () => import('../staff/NewTicketPage.svelte'),
    roles: { title: 'New ticket', allowed: may.writeTickets },
  },
  {
    path: '/staff/tickets/:ticketId/edit',
    load: () => import('../staff/EditTicketPage.svelte'),
    roles: { title: 'Change a ticket', allowed: may.writeTickets },
  },
  {
    path: '/staff/orders',
    load: () => import('../staff/AirlineOrdersPage.svelte'),
    roles: { title: 'The airline’s orders', allowed: may.readOrders },
  },
  {
    path: '/staff/payments',
    load: () => import('../staff/AirlinePaymentsPage.svelte'),
    roles: { title: 'The airline’s payments', allowed: may.readPayments },
  },
  {
    path: '/admin/staff',
    load: () => import('../admin/StaffPage.svelte'),
    roles: { title: 'The airline’s staff', allowed: may.manageStaff },
  },
  {
    path: '/platform/airlines',
    load: () => import('../platform/AirlinesPage.svelte'),
    roles: { title: 'Airlines', allowed: may.manageAirlines },
  },
  { path: '/callback', component: SignInCallbackPage },
  { path: '*', component: NotFoundPage },
];
