import { useState } from 'react';
import { ApiClient } from '../api';
import { ErrorMessage, Section, formatCost, formatDate } from '../components';
import { useLoad } from '../useLoad';

export const PAGE_SIZE = 20;

export function Usage({ client, admin }: { client: ApiClient; admin: boolean }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const range = { from: from || undefined, to: to || undefined };
  const summary = useLoad(() => client.usageSummary(range, admin), [client, admin, from, to]);
  const page = useLoad(
    () => client.ledgerEntries({ ...range, limit: PAGE_SIZE, offset }, admin),
    [client, admin, from, to, offset],
  );
  const total = page.data?.total ?? 0;

  function refresh() {
    summary.reload();
    page.reload();
  }

  return (
    <>
      <Section title="Usage" actions={<button onClick={refresh}>Refresh</button>}>
        <div className="filters">
          <label>
            From
            <input type="date" aria-label="From date" value={from} onChange={(e) => { setFrom(e.target.value); setOffset(0); }} />
          </label>
          <label>
            To
            <input type="date" aria-label="To date" value={to} onChange={(e) => { setTo(e.target.value); setOffset(0); }} />
          </label>
        </div>
        <ErrorMessage error={summary.error} />
        {summary.data && (
          <div className="table-wrap">
            <table aria-label="Usage by user and model">
              <thead>
                <tr>
                  <th>User</th>
                  <th>Model</th>
                  <th className="num">Requests</th>
                  <th className="num">Prompt tokens</th>
                  <th className="num">Completion tokens</th>
                  <th className="num">Cost</th>
                </tr>
              </thead>
              <tbody>
                {summary.data.length === 0 && (
                  <tr>
                    <td colSpan={6} className="empty">No usage in this period.</td>
                  </tr>
                )}
                {summary.data.map((row) => (
                  <tr key={`${row.user_id}/${row.model}`}>
                    <td data-label="User">{row.email}</td>
                    <td data-label="Model">{row.model}</td>
                    <td data-label="Requests" className="num">{row.requests}</td>
                    <td data-label="Prompt tokens" className="num">{row.prompt_tokens}</td>
                    <td data-label="Completion tokens" className="num">{row.completion_tokens}</td>
                    <td data-label="Cost" className="num">{formatCost(row.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title="Recent requests">
        <ErrorMessage error={page.error} />
        {page.data && (
          <>
            <div className="table-wrap">
              <table aria-label="Recent requests">
                <thead>
                  <tr>
                    <th>Time</th>
                    <th>User</th>
                    <th>Model</th>
                    <th className="num">Prompt</th>
                    <th className="num">Completion</th>
                    <th className="num">Cost</th>
                    <th>Status</th>
                    <th className="num">Latency</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.entries.length === 0 && (
                    <tr>
                      <td colSpan={8} className="empty">No requests recorded.</td>
                    </tr>
                  )}
                  {page.data.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td data-label="Time">{formatDate(entry.created_at)}</td>
                      <td data-label="User">{entry.email}</td>
                      <td data-label="Model">{entry.model}</td>
                      <td data-label="Prompt" className="num">{entry.prompt_tokens}</td>
                      <td data-label="Completion" className="num">{entry.completion_tokens}</td>
                      <td data-label="Cost" className="num">{formatCost(entry.cost)}</td>
                      <td data-label="Status">{entry.status}</td>
                      <td data-label="Latency" className="num">{entry.latency_ms} ms</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager">
              <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                Previous
              </button>
              <span>
                {total === 0 ? '0' : `${offset + 1}–${Math.min(offset + PAGE_SIZE, total)}`} of {total}
              </span>
              <button disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                Next
              </button>
            </div>
          </>
        )}
      </Section>
    </>
  );
}
