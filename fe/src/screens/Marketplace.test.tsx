import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api';
import { fakeGateway, json } from '../test/fakeGateway';
import { Config } from './Config';
import { Marketplace } from './Marketplace';

describe('Marketplace and Config', () => {
  it('lists offerings with prices', async () => {
    fakeGateway({
      'GET /api/v1/marketplace/offerings': () =>
        json(200, { source: 'local', offerings: [{ id: 'o1', name: 'Loopback', provider: 'tokligence', model_family: 'loopback', price_per_1k: 0.002, description: 'Echoes' }] }),
    });
    render(<Marketplace client={new ApiClient('', 'tok_admin')} />);
    expect(await screen.findByText('$0.0020 / 1K tokens')).toBeInTheDocument();
    expect(screen.getByText('Local offerings (exchange not configured).')).toBeInTheDocument();
  });

  it('shows each configuration value with its source', async () => {
    fakeGateway({
      'GET /api/v1/admin/config': () =>
        json(200, { values: [{ key: 'openai_api_key', value: '****abcd', source: 'env', origin: 'TOKLIGENCE_OPENAI_API_KEY' }] }),
    });
    render(<Config client={new ApiClient('', 'tok_admin')} />);
    expect(await screen.findByText('****abcd')).toBeInTheDocument();
    expect(screen.getByText('TOKLIGENCE_OPENAI_API_KEY')).toBeInTheDocument();
  });
});
