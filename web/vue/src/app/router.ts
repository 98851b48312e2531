import { may, type Access } from '@airtix/web-shared/access';
import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import SignInCallbackPage from '../account/SignInCallbackPage.vue';
import CataloguePage from '../catalogue/CataloguePage.vue';
import TicketDetailsPage from '../catalogue/TicketDetailsPage.vue';
import CheckoutPage from '../checkout/CheckoutPage.vue';
import MyOrdersPage from '../orders/MyOrdersPage.vue';
import OrderCompletedPage from '../orders/OrderCompletedPage.vue';
import MyPaymentsPage from '../payments/MyPaymentsPage.vue';
import Layout from './Layout.vue';
import NotFoundPage from './NotFoundPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page asks for a sign-in first; the heading shown meanwhile. */
    signInTitle?: string;
    /** Only for people whose roles allow it (RequireRole); anybody else is told so under `signInTitle`. */
    allowed?: (access: Access) => boolean;
  }
}

/** Paths inside the app (the history's base is Vite's base, /vue/). */
export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: Layout,
    children: [
      { path: '', component: CataloguePage },
      { path: 'tickets/:ticketId', component: TicketDetailsPage },
      { path: 'checkout/:orderId', component: CheckoutPage, meta: { signInTitle: 'Your order' } },
      { path: 'orders', component: MyOrdersPage, meta: { signInTitle: 'My orders' } },
      { path: 'payments', component: MyPaymentsPage, meta: { signInTitle: 'My payments' } },
      {
        path: 'orders/:orderId/completed',
        component: OrderCompletedPage,
        meta: { signInTitle: 'Your booking' },
      },
      // staff and admin pages are for few people: their code loads when first shown, not with the storefront
      {
        path: 'staff/tickets',
        component: () => import('../staff/StaffTicketsPage.vue'),
        meta: { signInTitle: 'The airline’s tickets', allowed: may.readTickets },
      },
      {
        path: 'staff/tickets/new',
        component: () => import('../staff/NewTicketPage.vue'),
        meta: { signInTitle: 'New ticket', allowed: may.writeTickets },
      },
      {
        path: 'staff/tickets/:ticketId/edit',
        component: () => import('../staff/EditTicketPage.vue'),
        meta: { signInTitle: 'Change a ticket', allowed: may.writeTickets },
      },
      {
        path: 'staff/orders',
        component: () => import('../staff/AirlineOrdersPage.vue'),
        meta: { signInTitle: 'The airline’s orders', allowed: may.readOrders },
      },
      {
        path: 'staff/payments',
        component: () => import('../staff/AirlinePaymentsPage.vue'),
        meta: { signInTitle: 'The airline’s payments', allowed: may.readPayments },
      },
      {
        path: 'admin/staff',
        component: () => import('../admin/StaffPage.vue'),
        meta: { signInTitle: 'The airline’s staff', allowed: may.manageStaff },
      },
      {
        path: 'platform/airlines',
        component: () => import('../platform/AirlinesPage.vue'),
        meta: { signInTitle: 'Airlines', allowed: may.manageAirlines },
      },
      { path: 'callback', component: SignInCallbackPage },
      { path: ':unknown(.*)*', component: NotFoundPage },
    ],
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({ history, routes });
}
