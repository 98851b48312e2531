import { useAuth } from '../auth/AuthProvider';
import { accountConsoleUrl } from '../auth/oidc';

/** Who is signed in, and the way in (or to a new account) or out. */
export function AccountMenu() {
  const auth = useAuth();
  if (auth.status === 'loading') {
    return <p className="account">Checking your sign-in…</p>;
  }
  if (auth.status === 'signed-out') {
    return (
      <div className="account">
        <button type="button" className="button button--secondary" onClick={() => void auth.signIn()}>
          Sign in
        </button>
        <button type="button" className="button button--secondary" onClick={() => void auth.signUp()}>
          Create an account
        </button>
      </div>
    );
  }
  return (
    <div className="account">
      <span className="account__name">Signed in as {auth.name ?? 'you'}</span>
      <a className="account__link" href={accountConsoleUrl()}>
        Your account
      </a>
      <button type="button" className="button button--secondary" onClick={() => void auth.signOut()}>
        Sign out
      </button>
    </div>
  );
}
