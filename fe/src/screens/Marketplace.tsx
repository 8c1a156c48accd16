import { ApiClient } from '../api';
import { ErrorMessage, Section } from '../components';
import { useLoad } from '../useLoad';

export function Marketplace({ client }: { client: ApiClient }) {
  const market = useLoad(() => client.marketplace(), [client]);
  return (
    <Section title="Marketplace" actions={<button onClick={market.reload}>Refresh</button>}>
      <ErrorMessage error={market.error} />
      {market.data && (
        <>
          <p className="muted">
            {market.data.source === 'exchange' ? 'Offerings from the Tokligence exchange.' : 'Local offerings (exchange not configured).'}
          </p>
          <div className="offerings">
            {market.data.offerings.length === 0 && <p className="empty">No offerings.</p>}
            {market.data.offerings.map((offering) => (
              <article key={offering.id} className="offering">
                <h3>{offering.name}</h3>
                <p className="muted">
                  {offering.provider} · {offering.model_family}
                </p>
                <p className="price">${offering.price_per_1k.toFixed(4)} / 1K tokens</p>
                <p>{offering.description}</p>
              </article>
            ))}
          </div>
        </>
      )}
    </Section>
  );
}
