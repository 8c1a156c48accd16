import { useState, type FormEvent } from 'react';
import { ApiClient, errorMessage, type Profile } from '../api';
import { BrandMark } from '../branding';
import { ErrorMessage } from '../components';
import { HealthPanel } from './Overview';

export function SignIn({ client, onSignedIn }: { client: ApiClient; onSignedIn: (key: string, profile: Profile) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const token = key.trim();
    if (!token.startsWith('tok_')) {
      setError('An API key starts with tok_ (create one with: gateway key create --user <email>)');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const profile = await client.withKey(token).profile();
      onSignedIn(token, profile);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin">
      <form className="card" onSubmit={submit}>
        <h1 className="brand"><BrandMark /></h1>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          placeholder="tok_…"
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <ErrorMessage error={error} />
        <p className="hint">The key is kept in this browser tab only (session storage).</p>
      </form>
      <HealthPanel client={client} />
    </div>
  );
}
