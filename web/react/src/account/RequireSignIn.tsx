import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { PageHeading } from '../ui/PageHeading';

/** Shows its children to a signed-in person; asks anybody else to sign in, and brings them back here. */
export function RequireSignIn({ title, children }: { title: string; children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'signed-in') return <>{children}</>;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {auth.status === 'loading' ? (
        <p role="status">Checking your sign-in…</p>
      ) : (
        <>
          <p>Please sign in to see this page.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void auth.signIn(`${location.pathname}${location.search}`)}
          >
            Sign in
          </button>
        </>
      )}
    </>
  );
}
