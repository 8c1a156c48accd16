import { useState } from 'react';
import { ApiClient } from '../api';
import { ErrorMessage, Section } from '../components';
import { useLoad } from '../useLoad';

export function Config({ client }: { client: ApiClient }) {
  const config = useLoad(() => client.config(), [client]);
  const [filter, setFilter] = useState('');
  const values = (config.data ?? []).filter((v) => v.key.toLowerCase().includes(filter.toLowerCase()));
  return (
    <Section title="Effective configuration" actions={<button onClick={config.reload}>Refresh</button>}>
      <input aria-label="Filter keys" placeholder="Filter keys" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ErrorMessage error={config.error} />
      {config.data && (
        <div className="table-wrap">
          <table aria-label="Configuration">
            <thead>
              <tr>
                <th>Key</th>
                <th>Value</th>
                <th>Source</th>
                <th>Origin</th>
              </tr>
            </thead>
            <tbody>
              {values.map((v) => (
                <tr key={v.key}>
                  <td data-label="Key"><code>{v.key}</code></td>
                  <td data-label="Value"><code>{v.value}</code></td>
                  <td data-label="Source">{v.source}</td>
                  <td data-label="Origin" className="muted">{v.origin}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
