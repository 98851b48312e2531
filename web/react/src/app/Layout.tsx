import { NavLink, Outlet } from 'react-router';
import { AccountMenu } from '../account/AccountMenu';

/** The frame of every page: a skip link, the header with the main places and the account, the page. */
export function Layout() {
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
            </ul>
          </nav>
          <AccountMenu />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
