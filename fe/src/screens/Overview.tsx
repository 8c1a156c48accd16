import { ApiClient, type Profile } from '../api';
import { ErrorMessage, Section } from '../components';
import { useLoad } from '../useLoad';

export function HealthPanel({ client }: { client: ApiClient }) {
  const health = useLoad(() => client.health(), [client]);
  return (
    <Section title="Gateway" actions={<button onClick={health.reload}>Refresh</button>}>
      <ErrorMessage error={health.error} />
      {health.data && !health.error && (
        <dl className="facts" data-testid="health">
          <dt>Status</dt>
          <dd className={health.data.status === 'ok' ? 'ok' : 'bad'}>{health.data.status}</dd>
          <dt>Version</dt>
          <dd>{health.data.version}</dd>
          <dt>Uptime</dt>
          <dd>{formatUptime(health.data.uptime_seconds)}</dd>
          <dt>Database</dt>
          <dd>{health.data.database}</dd>
        </dl>
      )}
    </Section>
  );
}

export function Overview({ client, profile }: { client: ApiClient; profile: Profile }) {
  return (
    <>
      <HealthPanel client={client} />
      <Section title="Signed in as">
        <dl className="facts">
          <dt>Email</dt>
          <dd>{profile.email}</dd>
          <dt>Name</dt>
          <dd>{profile.display_name || '—'}</dd>
          <dt>Role</dt>
          <dd>{profile.role}</dd>
          <dt>Status</dt>
          <dd>{profile.status}</dd>
        </dl>
      </Section>
    </>
  );
}

export function formatUptime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}
