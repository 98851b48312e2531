import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { PageHeading } from '../ui/PageHeading';

/** The redirect URI (/react/callback): trades Keycloak's code for tokens, then goes where the person was. */
export function SignInCallbackPage() {
  const { completeSignIn } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // once: a code can be traded only once, and StrictMode runs effects twice in development
    if (started.current) return;
    started.current = true;
    void completeSignIn().then(({ returnTo, failed: didFail }) => {
      if (didFail) setFailed(true);
      else void navigate(returnTo, { replace: true });
    });
  }, [completeSignIn, navigate]);

  return (
    <>
      <PageHeading>Signing you in</PageHeading>
      {failed ? (
        <div className="notice notice--danger" role="alert">
          <p>Signing in did not work. Please try again.</p>
          <p>
            <Link to="/">Back to the catalogue</Link>
          </p>
        </div>
      ) : (
        <p role="status">One moment…</p>
      )}
    </>
  );
}
