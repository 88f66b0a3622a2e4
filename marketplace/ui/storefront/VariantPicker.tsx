import { formatMoney } from '../data/money.ts';
import { productMessages as m } from './messages.ts';
import { optionsLabel, type Variant } from './types.ts';

/** Choose one variant: a radio group (arrow keys move between them), each with its options and base price. */
export function VariantPicker(props: {
  variants: Variant[];
  value: string;
  currency: string;
  onChange: (id: string) => void;
}) {
  return (
    <fieldset className="variant-picker">
      <legend>{m.variant}</legend>
      {props.variants.map((v) => (
        <label key={v.id} className={v.id === props.value ? 'is-selected' : undefined}>
          <input
            type="radio"
            name="variant"
            value={v.id}
            checked={v.id === props.value}
            onChange={() => props.onChange(v.id)}
          />
          <span>{optionsLabel(v.options) || v.sku}</span>
          <span className="muted">{formatMoney(v.priceMinor, props.currency)}</span>
        </label>
      ))}
    </fieldset>
  );
}
