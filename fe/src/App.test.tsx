import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App, KEY_STORAGE } from './App';
import { ADMIN, ADMIN_KEY, HEALTH, fakeGateway, json } from './test/fakeGateway';

describe('App', () => {
  it('signs in with an API key, keeps it in sessionStorage and shows health and version', async () => {
    const { calls } = fakeGateway({
      'GET /health': () => json(200, HEALTH),
      'GET /api/v1/profile': () => json(200, ADMIN),
    });
    render(<App target="web" baseUrl="" />);
    await userEvent.type(screen.getByLabelText('API key'), ADMIN_KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('admin@localhost', { selector: '.topbar span' })).toBeInTheDocument();
    expect(sessionStorage.getItem(KEY_STORAGE)).toBe(ADMIN_KEY);
    expect(calls.find((c) => c.path === '/api/v1/profile')?.authorization).toBe(`Bearer ${ADMIN_KEY}`);
    expect(await screen.findByText('0.1.0-SNAPSHOT')).toBeInTheDocument();
    expect(screen.getByText('1m 15s')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Screens' })).toHaveClass('side-nav');
    expect(screen.getByRole('link', { name: 'Users' })).toBeInTheDocument();
  });

  it("shows the gateway's error message when the key is rejected", async () => {
    fakeGateway({
      'GET /health': () => json(200, HEALTH),
      'GET /api/v1/profile': () =>
        json(401, { error: { message: 'invalid API key', type: 'authentication_error', code: 'invalid_api_key' } }),
    });
    render(<App target="web" baseUrl="" />);
    await userEvent.type(screen.getByLabelText('API key'), 'tok_wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('invalid API key');
    expect(sessionStorage.getItem(KEY_STORAGE)).toBeNull();
  });

  it('shows a banner when the gateway cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    render(<App target="web" baseUrl="http://127.0.0.1:9" />);

    expect(await screen.findByText(/Cannot reach the gateway at http:\/\/127\.0\.0\.1:9\. Is gatewayd running\?/))
      .toBeInTheDocument();
  });

  it('uses bottom navigation on H5 and hides admin screens from ordinary users', async () => {
    sessionStorage.setItem(KEY_STORAGE, ADMIN_KEY);
    fakeGateway({
      'GET /health': () => json(200, HEALTH),
      'GET /api/v1/profile': () => json(200, { ...ADMIN, role: 'gateway_user' }),
    });
    render(<App target="h5" baseUrl="" />);

    const nav = await screen.findByRole('navigation', { name: 'Screens' });
    expect(nav).toHaveClass('bottom-nav');
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Config' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Playground' })).toBeInTheDocument();
    expect(document.body.dataset.target).toBe('h5');
  });

  it('signs out when a stored key is no longer accepted', async () => {
    sessionStorage.setItem(KEY_STORAGE, 'tok_revoked');
    fakeGateway({
      'GET /health': () => json(200, HEALTH),
      'GET /api/v1/profile': () => json(401, { error: { message: 'API key revoked', type: 'authentication_error' } }),
    });
    render(<App target="web" baseUrl="" />);

    expect(await screen.findByLabelText('API key')).toBeInTheDocument();
    await waitFor(() => expect(sessionStorage.getItem(KEY_STORAGE)).toBeNull());
  });
});
