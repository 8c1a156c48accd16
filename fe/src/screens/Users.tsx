import { useState, type FormEvent } from 'react';
import { ApiClient, errorMessage, type IssuedKey, type User } from '../api';
import { ErrorMessage, Section, formatDate } from '../components';
import { useLoad } from '../useLoad';

const ROLES = ['gateway_user', 'gateway_admin'];

export function Users({ client }: { client: ApiClient }) {
  const users = useLoad(() => client.users(), [client]);
  const [selected, setSelected] = useState<number | null>(null);
  const selectedUser = users.data?.find((u) => u.id === selected) ?? null;

  return (
    <>
      <CreateUser client={client} onCreated={(user) => { users.reload(); setSelected(user.id); }} />
      <Section title="Users" actions={<button onClick={users.reload}>Refresh</button>}>
        <ErrorMessage error={users.error} />
        {users.data && (
          <ul className="list" aria-label="Users">
            {users.data.map((user) => (
              <li key={user.id} className={user.id === selected ? 'selected' : undefined}>
                <button className="row-button" onClick={() => setSelected(user.id)}>
                  <strong>{user.email}</strong>
                  <span className="muted">
                    {user.display_name || '—'} · {user.role} · {user.status}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {selectedUser && <ApiKeys key={selectedUser.id} client={client} user={selectedUser} />}
    </>
  );
}

function CreateUser({ client, onCreated }: { client: ApiClient; onCreated: (user: User) => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState(ROLES[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await client.createUser({ email: email.trim(), role, display_name: displayName.trim() });
      setEmail('');
      setDisplayName('');
      onCreated(user);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="New user">
      <form className="form" onSubmit={submit}>
        <label>
          Email
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Display name
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>Create user</button>
      </form>
      <ErrorMessage error={error} />
    </Section>
  );
}

function ApiKeys({ client, user }: { client: ApiClient; user: User }) {
  const keys = useLoad(() => client.apiKeys(user.id), [client, user.id]);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(action: () => Promise<IssuedKey | unknown>) {
    setError(null);
    try {
      const result = await action();
      if (result && typeof result === 'object' && 'token' in result) setIssued(result as IssuedKey);
      keys.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Section
      title={`API keys of ${user.email}`}
      actions={<button onClick={() => act(() => client.createApiKey(user.id))}>Create key</button>}
    >
      {issued && <IssuedToken issued={issued} onDismiss={() => setIssued(null)} />}
      <ErrorMessage error={error ?? keys.error} />
      {keys.data && (
        <div className="table-wrap">
          <table aria-label="API keys">
            <thead>
              <tr>
                <th>Prefix</th>
                <th>Status</th>
                <th>Created</th>
                <th>Revoked</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data.length === 0 && (
                <tr>
                  <td colSpan={5} className="empty">No keys yet.</td>
                </tr>
              )}
              {keys.data.map((key) => (
                <tr key={key.id}>
                  <td data-label="Prefix"><code>{key.prefix}…</code></td>
                  <td data-label="Status" className={key.status === 'active' ? 'ok' : 'bad'}>{key.status}</td>
                  <td data-label="Created">{formatDate(key.created_at)}</td>
                  <td data-label="Revoked">{formatDate(key.revoked_at)}</td>
                  <td className="actions">
                    {key.status === 'active' && (
                      <>
                        <button onClick={() => act(() => client.rotateApiKey(key.id))}>Rotate</button>
                        <button
                          className="danger"
                          aria-label={`Revoke ${key.prefix}`}
                          onClick={() => act(() => client.revokeApiKey(key.id))}
                        >
                          Revoke
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function IssuedToken({ issued, onDismiss }: { issued: IssuedKey; onDismiss: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied('Copied.');
    } catch (e) {
      setCopied(`Copy failed (${errorMessage(e)}): select the key and copy it by hand.`);
    }
  }

  return (
    <div className="issued" role="status">
      <p>
        New key <code>{issued.api_key.prefix}…</code>: copy it now, it is shown only once.
      </p>
      <div className="token-row">
        <input readOnly aria-label="New API key" value={issued.token} onFocus={(e) => e.target.select()} />
        <button onClick={copy}>Copy</button>
        <button onClick={onDismiss}>Done</button>
      </div>
      {copied && <p className="hint">{copied}</p>}
    </div>
  );
}
