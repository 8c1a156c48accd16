import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { fakeGateway, json } from '../test/fakeGateway';
import { Users } from './Users';

const ALICE = { id: 2, uuid: 'u-2', email: 'alice@example.com', role: 'gateway_user', display_name: 'Alice', status: 'active', created_at: '2026-11-25T10:00:00Z' };
const KEY = { id: 7, user_id: 2, prefix: 'tok_abcdefgh', scopes: [], status: 'active', created_at: '2026-11-25T10:01:00Z', expires_at: null, revoked_at: null as string | null };

function gatewayWithAlice() {
  let keys = [KEY];
  const users = [ALICE];
  return fakeGateway({
    'GET /api/v1/admin/users': () => json(200, { users }),
    'POST /api/v1/admin/users': (call) => {
      const created = { ...ALICE, id: 3, ...(call.body as object) };
      users.push(created);
      return json(201, created);
    },
    'GET /api/v1/admin/users/2/api-keys': () => json(200, { api_keys: keys }),
    'GET /api/v1/admin/users/3/api-keys': () => json(200, { api_keys: [] }),
    'POST /api/v1/admin/users/2/api-keys': () => {
      const created = { ...KEY, id: 8, prefix: 'tok_newnewne' };
      keys = [...keys, created];
      return json(201, { api_key: created, token: 'tok_newnewnewSECRET' });
    },
    'POST /api/v1/admin/api-keys/7/rotate': () => {
      const rotated = { ...KEY, id: 9, prefix: 'tok_rotatedx' };
      keys = [{ ...KEY, status: 'revoked', revoked_at: '2026-11-25T11:00:00Z' }, rotated];
      return json(200, { api_key: rotated, token: 'tok_rotatedxROTATED' });
    },
    'DELETE /api/v1/admin/api-keys/7': () => {
      keys = [{ ...KEY, status: 'revoked', revoked_at: '2026-11-25T11:00:00Z' }];
      return new Response(null, { status: 204 });
    },
  });
}

describe('Users', () => {
  it('creates a user with the chosen role', async () => {
    const { calls } = gatewayWithAlice();
    render(<Users client={new ApiClient('', 'tok_admin')} />);
    await userEvent.type(screen.getByLabelText('Email'), 'bob@example.com');
    await userEvent.type(screen.getByLabelText('Display name'), 'Bob');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'gateway_admin');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('API keys of bob@example.com')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'bob@example.com', role: 'gateway_admin', display_name: 'Bob' });
  });

  it('shows a new key once with a copy button', async () => {
    gatewayWithAlice();
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<Users client={new ApiClient('', 'tok_admin')} />);
    await userEvent.click(await screen.findByRole('button', { name: /alice@example.com/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const token = await screen.findByLabelText('New API key');
    expect(token).toHaveValue('tok_newnewnewSECRET');
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('tok_newnewnewSECRET');
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'API keys' });
    expect(await within(table).findByText('tok_newnewne…')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('New API key')).toBeNull();
    expect(screen.queryByText(/SECRET/)).toBeNull();
  });

  it('rotates and revokes keys', async () => {
    const { calls } = gatewayWithAlice();
    render(<Users client={new ApiClient('', 'tok_admin')} />);
    await userEvent.click(await screen.findByRole('button', { name: /alice@example.com/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Rotate' }));
    expect(await screen.findByLabelText('New API key')).toHaveValue('tok_rotatedxROTATED');
    const table = screen.getByRole('table', { name: 'API keys' });
    expect(await within(table).findByText('revoked')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/admin/api-keys/7/rotate')).toBe(true);
  });

  it('revokes a key and shows API errors', async () => {
    const { calls } = gatewayWithAlice();
    render(<Users client={new ApiClient('', 'tok_admin')} />);
    await userEvent.click(await screen.findByRole('button', { name: /alice@example.com/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke tok_abcdefgh' }));

    expect(await screen.findByText('revoked')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rotate' })).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/admin/api-keys/7')).toBe(true);
  });

  it('shows the error message of a failed request', async () => {
    fakeGateway({
      'GET /api/v1/admin/users': () => json(403, { error: { message: 'admin role required', type: 'permission_error' } }),
    });
    render(<Users client={new ApiClient('', 'tok_user')} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('admin role required');
  });
});
