import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../account/RequireSignIn';
import { SignInCallbackPage } from '../account/SignInCallbackPage';
import { CataloguePage } from '../catalogue/CataloguePage';
import { TicketDetailsPage } from '../catalogue/TicketDetailsPage';
import { CheckoutPage } from '../checkout/CheckoutPage';
import { MyOrdersPage } from '../orders/MyOrdersPage';
import { OrderCompletedPage } from '../orders/OrderCompletedPage';
import { PageHeading } from '../ui/PageHeading';
import { Layout } from './Layout';

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
          path="orders/:orderId/completed"
          element={
            <RequireSignIn title="Your booking">
              <OrderCompletedPage />
            </RequireSignIn>
          }
        />
        <Route path="callback" element={<SignInCallbackPage />} />
        <Route path="*" element={<PageHeading>This page does not exist</PageHeading>} />
      </Route>
    </Routes>
  );
}
