import { NavLink, Outlet } from 'react-router';
import { AccountMenu } from '../account/AccountMenu';
import { may } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';

/**
 * The frame of every page: a skip link, the header with the places the person's roles open and the account,
 * the page. Staff links appear only with the roles the APIs ask for (policies/policy.csv); the pages check too.
 */
export function Layout() {
  const { access } = useAuth();
  const staffLinks = [
    may.readTickets(access) && { to: '/staff/tickets', text: 'Airline tickets' },
    may.readOrders(access) && { to: '/staff/orders', text: 'Airline orders' },
    may.readPayments(access) && { to: '/staff/payments', text: 'Airline payments' },
    may.manageStaff(access) && { to: '/admin/staff', text: 'Staff' },
    may.manageAirlines(access) && { to: '/platform/airlines', text: 'Airlines' },
  ].filter((link) => link !== false);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand" end>
            Airtix
          </NavLink>
          <nav aria-label="Main">
            <ul className="nav">
              <li>
                <NavLink to="/" end>
                  Tickets
                </NavLink>
              </li>
              <li>
                <NavLink to="/orders">My orders</NavLink>
              </li>
              <li>
                <NavLink to="/payments">My payments</NavLink>
              </li>
            </ul>
          </nav>
          {staffLinks.length > 0 && (
            <nav aria-label="Work">
              <ul className="nav nav--wrap">
                {staffLinks.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.text}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <AccountMenu />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
