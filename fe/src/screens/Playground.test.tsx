import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api';
import { fakeGateway, json, sse } from '../test/fakeGateway';
import { Playground } from './Playground';

const chunk = (content: string) => ({ object: 'chat.completion.chunk', model: 'loopback', choices: [{ index: 0, delta: { content } }] });

describe('Playground', () => {
  it('streams a chat completion and shows the usage', async () => {
    const { calls } = fakeGateway({
      'GET /v1/models': () => json(200, { object: 'list', data: [{ id: 'loopback', object: 'model', owned_by: 'tokligence' }] }),
      'POST /v1/chat/completions': () =>
        sse([
          chunk('echo: '),
          chunk('hello gateway'),
          { ...chunk(''), usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 } },
          '[DONE]',
        ]),
    });
    render(<Playground client={new ApiClient('', 'tok_admin')} />);
    await screen.findByRole('option', { name: 'loopback' });
    await userEvent.type(screen.getByLabelText('Message'), 'hello gateway');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText('echo: hello gateway')).toBeInTheDocument();
    expect(await screen.findByTestId('usage')).toHaveTextContent('2 prompt + 3 completion = 5 tokens');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      model: 'loopback',
      messages: [{ role: 'user', content: 'hello gateway' }],
      stream: true,
    });
  });

  it('shows an upstream error', async () => {
    fakeGateway({
      'GET /v1/models': () => json(200, { data: [{ id: 'gpt-x', owned_by: 'openai' }] }),
      'POST /v1/chat/completions': () => json(502, { error: { message: 'upstream timed out', type: 'upstream_error' } }),
    });
    render(<Playground client={new ApiClient('', 'tok_admin')} />);
    await screen.findByRole('option', { name: 'gpt-x' });
    await userEvent.type(screen.getByLabelText('Message'), 'hi');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('upstream timed out');
  });
});
