import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api';
import { fakeGateway, json } from '../test/fakeGateway';
import { Usage } from './Usage';

const entry = (id: number) => ({
  id, user_id: 1, email: 'admin@localhost', api_key_id: 1, model: 'loopback', prompt_tokens: 2,
  completion_tokens: 3, cost: 0, status: 'ok', latency_ms: 4, created_at: '2026-11-25T10:00:00Z',
});

describe('Usage', () => {
  it('shows the summary and pages through the ledger with a date filter', async () => {
    const { calls } = fakeGateway({
      'GET /api/v1/admin/ledger/summary': () =>
        json(200, { rows: [{ user_id: 1, email: 'admin@localhost', model: 'loopback', requests: 45, prompt_tokens: 90, completion_tokens: 135, cost: 0.0123 }] }),
      'GET /api/v1/admin/ledger/entries': (call) => {
        const offset = Number(new URL(call.path, 'http://x').searchParams.get('offset'));
        return json(200, { entries: [entry(offset + 1)], total: 45 });
      },
    });
    render(<Usage client={new ApiClient('', 'tok_admin')} admin />);

    const summary = await screen.findByRole('table', { name: 'Usage by user and model' });
    expect(summary).toHaveTextContent('loopback');
    expect(summary).toHaveTextContent('$0.0123');
    expect(await screen.findByText('1–20 of 45')).toBeInTheDocument();
    expect(screen.getByText('4 ms')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('21–40 of 45')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('41–45 of 45')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2026-11-01' } });
    expect(await screen.findByText('1–20 of 45')).toBeInTheDocument();
    const last = calls.filter((c) => c.path.startsWith('/api/v1/admin/ledger/entries')).at(-1)!;
    expect(last.path).toBe('/api/v1/admin/ledger/entries?limit=20&offset=0&from=2026-11-01');
    expect(calls.some((c) => c.path === '/api/v1/admin/ledger/summary?from=2026-11-01')).toBe(true);
  });

  it('uses the caller’s own usage endpoints for a non-admin', async () => {
    const { calls } = fakeGateway({
      'GET /api/v1/usage/summary': () => json(200, { rows: [] }),
      'GET /api/v1/usage/logs': () => json(200, { entries: [], total: 0 }),
    });
    render(<Usage client={new ApiClient('', 'tok_user')} admin={false} />);
    expect(await screen.findByText('No requests recorded.')).toBeInTheDocument();
    expect(calls.map((c) => c.path)).toContain('/api/v1/usage/logs?limit=20&offset=0');
  });
});
