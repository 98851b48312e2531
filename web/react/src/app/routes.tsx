import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireRole } from '../account/RequireRole';
import { RequireSignIn } from '../account/RequireSignIn';
import { SignInCallbackPage } from '../account/SignInCallbackPage';
import { may, type Access } from '../auth/access';
import { CataloguePage } from '../catalogue/CataloguePage';
import { TicketDetailsPage } from '../catalogue/TicketDetailsPage';
import { CheckoutPage } from '../checkout/CheckoutPage';
import { MyOrdersPage } from '../orders/MyOrdersPage';
import { OrderCompletedPage } from '../orders/OrderCompletedPage';
import { MyPaymentsPage } from '../payments/MyPaymentsPage';
import { PageHeading } from '../ui/PageHeading';
import { Layout } from './Layout';

// staff and admin pages are for few people: their code loads when first shown, not with the storefront
const StaffTicketsPage = lazy(() =>
  import('../staff/StaffTicketsPage').then((module) => ({ default: module.StaffTicketsPage })),
);
const NewTicketPage = lazy(() =>
  import('../staff/NewTicketPage').then((module) => ({ default: module.NewTicketPage })),
);
const EditTicketPage = lazy(() =>
  import('../staff/EditTicketPage').then((module) => ({ default: module.EditTicketPage })),
);
const AirlineOrdersPage = lazy(() =>
  import('../staff/AirlineOrdersPage').then((module) => ({ default: module.AirlineOrdersPage })),
);
const AirlinePaymentsPage = lazy(() =>
  import('../staff/AirlinePaymentsPage').then((module) => ({ default: module.AirlinePaymentsPage })),
);
const StaffPage = lazy(() => import('../admin/StaffPage').then((module) => ({ default: module.StaffPage })));
const AirlinesPage = lazy(() =>
  import('../platform/AirlinesPage').then((module) => ({ default: module.AirlinesPage })),
);

function Guarded({
  title,
  allowed,
  children,
}: {
  title: string;
  allowed: (access: Access) => boolean;
  children: ReactNode;
}) {
  return (
    <RequireRole title={title} allowed={allowed}>
      <Suspense fallback={<p role="status">Loading the page…</p>}>{children}</Suspense>
    </RequireRole>
  );
}

/** Paths inside the app (the router's basename is Vite's base, /react). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<CataloguePage />} />
        <Route path="tickets/:ticketId" element={<TicketDetailsPage />} />
        <Route
          path="checkout/:orderId"
          element={
            <RequireSignIn title="Your order">
              <CheckoutPage />
            </RequireSignIn>
          }
        />
        <Route
          path="orders"
          element={
            <RequireSignIn title="My orders">
              <MyOrdersPage />
            </RequireSignIn>
          }
        />
        <Route
          path="payments"
          element={
            <RequireSignIn title="My payments">
              <MyPaymentsPage />
            </RequireSignIn>
          }
        />
        <Route
          path="orders/:orderId/completed"
          element={
            <RequireSignIn title="Your booking">
              <OrderCompletedPage />
            </RequireSignIn>
          }
        />
        <Route
          path="staff/tickets"
          element={
            <Guarded title="The airline’s tickets" allowed={may.readTickets}>
              <StaffTicketsPage />
            </Guarded>
          }
        />
        <Route
          path="staff/tickets/new"
          element={
            <Guarded title="New ticket" allowed={may.writeTickets}>
              <NewTicketPage />
            </Guarded>
          }
        />
        <Route
          path="staff/tickets/:ticketId/edit"
          element={
            <Guarded title="Change a ticket" allowed={may.writeTickets}>
              <EditTicketPage />
            </Guarded>
          }
        />
        <Route
          path="staff/orders"
          element={
            <Guarded title="The airline’s orders" allowed={may.readOrders}>
              <AirlineOrdersPage />
            </Guarded>
          }
        />
        <Route
          path="staff/payments"
          element={
            <Guarded title="The airline’s payments" allowed={may.readPayments}>
              <AirlinePaymentsPage />
            </Guarded>
          }
        />
        <Route
          path="admin/staff"
          element={
            <Guarded title="The airline’s staff" allowed={may.manageStaff}>
              <StaffPage />
            </Guarded>
          }
        />
        <Route
          path="platform/airlines"
          element={
            <Guarded title="Airlines" allowed={may.manageAirlines}>
              <AirlinesPage />
            </Guarded>
          }
        />
        <Route path="callback" element={<SignInCallbackPage />} />
        <Route path="*" element={<PageHeading>This page does not exist</PageHeading>} />
      </Route>
    </Routes>
  );
}
