/**
 * The trust score with its parts (marketplace/companies/trust-score.ts): the seller sees why it has the score it
 * has, and a reviewer sees the same parts on the case page.
 */
import { Badge, Card, DataTable } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { verificationMessages as m } from './messages.ts';
import type { Trust, TrustPart } from './types.ts';

const PART_ORDER = ['verification', 'fulfilment', 'onTime', 'disputes', 'reviews', 'tenure'];

export function TrustCard(props: { trust: Trust; subtitle?: string }) {
  const { trust } = props;
  const parts = Object.entries(trust.parts ?? {}).sort(
    ([a], [b]) => PART_ORDER.indexOf(a) - PART_ORDER.indexOf(b),
  );
  return (
    <Card title={m.trust} subtitle={props.subtitle}>
      {trust.score === null ? (
        <p className="muted">{m.trustNotYet}</p>
      ) : (
        <p className="kyb-trust">
          <span className="kyb-trust__value" data-testid="trust-score">
            {m.trustOutOf(trust.score)}
          </span>
          <Badge tone={trust.badge === 'basic' ? 'neutral' : 'positive'}>{m.trustBadge[trust.badge]}</Badge>
        </p>
      )}
      {parts.length > 0 && (
        <DataTable<[string, TrustPart]>
          caption={m.trust}
          captionHidden
          rows={parts}
          rowKey={([part]) => part}
          columns={[
            {
              key: 'part',
              header: m.trustPartHeader,
              // The note sits under the part's name: a third column would not fit beside a form.
              render: ([part, p]) => (
                <span className="product-cell">
                  {m.trustPart[part] ?? part}
                  {!p.enoughHistory && <span className="muted">{m.trustTooLittle}</span>}
                </span>
              ),
            },
            {
              key: 'points',
              header: m.trustPointsHeader,
              numeric: true,
              render: ([, p]) => m.trustPoints(p.points, p.max),
            },
          ]}
        />
      )}
      {trust.computedAt && <p className="small-note">{m.trustComputed(formatDateTime(trust.computedAt))}</p>}
    </Card>
  );
}
