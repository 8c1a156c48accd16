import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { ADMIN_ROLES, ApiClient, type Profile } from './api';
import { BrandMark } from './branding';
import { API_BASE_URL, BUILD_TARGET, type Target } from './target';
import { Config } from './screens/Config';
import { Marketplace } from './screens/Marketplace';
import { Overview } from './screens/Overview';
import { Playground } from './screens/Playground';
import { SignIn } from './screens/SignIn';
import { Usage } from './screens/Usage';
import { Users } from './screens/Users';

export const KEY_STORAGE = 'tokligence.gateway.apiKey';

interface Screen {
  id: string;
  label: string;
  adminOnly: boolean;
  render: (client: ApiClient, profile: Profile, admin: boolean) => ReactElement;
}

const SCREENS: Screen[] = [
  { id: 'overview', label: 'Overview', adminOnly: false, render: (c, p) => <Overview client={c} profile={p} /> },
  { id: 'usage', label: 'Usage', adminOnly: false, render: (c, _p, admin) => <Usage client={c} admin={admin} /> },
  { id: 'users', label: 'Users', adminOnly: true, render: (c) => <Users client={c} /> },
  { id: 'marketplace', label: 'Market', adminOnly: false, render: (c) => <Marketplace client={c} /> },
  { id: 'playground', label: 'Playground', adminOnly: false, render: (c) => <Playground client={c} /> },
  { id: 'config', label: 'Config', adminOnly: true, render: (c) => <Config client={c} /> },
];

function currentScreenId(): string {
  return window.location.hash.replace(/^#\/?/, '') || 'overview';
}

export function App({ target = BUILD_TARGET, baseUrl = API_BASE_URL }: { target?: Target; baseUrl?: string }) {
  const [apiKey, setApiKey] = useState<string | null>(() => sessionStorage.getItem(KEY_STORAGE));
  const [profile, setProfile] = useState<Profile | null>(null);
  const [reachable, setReachable] = useState(true);
  const [screenId, setScreenId] = useState(currentScreenId);
  const onReachability = useCallback((ok: boolean) => setReachable(ok), []);
  const anonymous = useMemo(() => new ApiClient(baseUrl, null, onReachability), [baseUrl, onReachability]);
  const client = useMemo(() => anonymous.withKey(apiKey), [anonymous, apiKey]);

  useEffect(() => {
    const onHash = () => setScreenId(currentScreenId());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.body.dataset.target = target;
  }, [target]);

  // A key restored from sessionStorage is re-checked; a rejected one signs out.
  useEffect(() => {
    if (!apiKey || profile) return;
    client.profile().then(setProfile, (e) => {
      if (e?.name === 'ApiError') signOut();
    });
  }, [client]);

  function signIn(key: string, signedIn: Profile) {
    sessionStorage.setItem(KEY_STORAGE, key);
    setApiKey(key);
    setProfile(signedIn);
  }

  function signOut() {
    sessionStorage.removeItem(KEY_STORAGE);
    setApiKey(null);
    setProfile(null);
  }

  const admin = profile !== null && ADMIN_ROLES.includes(profile.role);
  const screens = SCREENS.filter((s) => admin || !s.adminOnly);
  const screen = screens.find((s) => s.id === screenId) ?? screens[0];

  return (
    <div className={`app target-${target}`}>
      {!reachable && (
        <div className="banner" role="alert">
          Cannot reach the gateway at {client.describeTarget()}. Is gatewayd running?{' '}
          <button onClick={() => anonymous.health().catch(() => undefined)}>Retry</button>
        </div>
      )}
      {!apiKey || !profile ? (
        apiKey ? (
          <p className="muted center">Signing in…</p>
        ) : (
          <SignIn client={anonymous} onSignedIn={signIn} />
        )
      ) : (
        <>
          <header className="topbar">
            <strong className="brand"><BrandMark /></strong>
            <span className="muted">{profile.email}</span>
            <button onClick={signOut}>Sign out</button>
          </header>
          <nav className={target === 'h5' ? 'bottom-nav' : 'side-nav'} aria-label="Screens">
            {screens.map((s) => (
              <a key={s.id} href={`#/${s.id}`} aria-current={s.id === screen.id ? 'page' : undefined}>
                {s.label}
              </a>
            ))}
          </nav>
          <main>{screen.render(client, profile, admin)}</main>
        </>
      )}
    </div>
  );
}
