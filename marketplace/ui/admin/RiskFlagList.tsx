/** Risk flags, most severe first: the severity in words (colour repeats it) and the rule's own explanation. */
import { Badge, type BadgeTone } from '../components/index.ts';
import { adminMessages as m } from './messages.ts';
import type { RiskFlag, RiskSeverity } from './types.ts';

const TONE: Record<RiskSeverity, BadgeTone> = { critical: 'negative', high: 'warning', medium: 'info' };
const ORDER: RiskSeverity[] = ['critical', 'high', 'medium'];

export function RiskFlagList(props: { flags: RiskFlag[] }) {
  if (props.flags.length === 0) return <p className="muted">{m.noRiskFlags}</p>;
  const sorted = [...props.flags].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  return (
    <ul className="flag-list" data-testid="risk-flags">
      {sorted.map((f) => (
        <li key={f.code}>
          <Badge tone={TONE[f.severity]}>{m.severity[f.severity]}</Badge>
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
