import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Access } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { PageHeading } from '../ui/PageHeading';
import { RequireSignIn } from './RequireSignIn';

/**
 * Shows its children to a signed-in person whose roles allow the page; says so to anybody else. The navigation
 * hides what is not allowed already, but an address can be typed or kept from before a role was withdrawn.
 */
export function RequireRole({
  title,
  allowed,
  children,
}: {
  title: string;
  allowed: (access: Access) => boolean;
  children: ReactNode;
}) {
  const auth = useAuth();
  if (auth.status === 'signed-in' && !allowed(auth.access)) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <div className="notice notice--danger" role="alert">
          <p>
            Your account is not allowed to see this page. If your roles changed lately, sign out and in again.
          </p>
          <p>
            <Link to="/">Back to the catalogue</Link>
          </p>
        </div>
      </>
    );
  }
  return <RequireSignIn title={title}>{children}</RequireSignIn>;
}
