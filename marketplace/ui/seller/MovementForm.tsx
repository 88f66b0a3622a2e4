/**
 * Record a receipt (units arrived) or an adjustment (a signed count correction) for one variant at one
 * location. The API keeps every level as the sum of its movements and refuses one that would go below zero,
 * in its own words, shown here.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../auth/session.ts';
import { Button, Field, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { inventoryMessages as m } from './messages.ts';
import { parseWhole } from './product-form.ts';
import type { StockLevel, WarehouseLocation } from './types.ts';

export interface VariantChoice {
  id: string;
  label: string;
}

/** A row's "Record movement" fills the form; `seq` makes the same choice twice count as a new request. */
export interface MovementPreset {
  variantId: string;
  locationId?: string;
  seq: number;
}

export function MovementForm(props: {
  variants: VariantChoice[];
  locations: WarehouseLocation[];
  preset: MovementPreset | null;
  onRecorded: (level: StockLevel) => void;
}) {
  const send = useApiSend();
  const [variantId, setVariantId] = useState('');
  const [locationId, setLocationId] = useState('');
  const [kind, setKind] = useState<'receipt' | 'adjustment'>('receipt');
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; title?: string; text: string } | null>(null);
  const quantityRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!props.preset) return;
    setVariantId(props.preset.variantId);
    if (props.preset.locationId) setLocationId(props.preset.locationId);
    setOutcome(null);
    // Focus the quantity: the person chose the row, the number is what is left to type.
    quantityRef.current?.querySelector('input')?.focus();
  }, [props.preset]);

  // With locations on file, one is always chosen (MAIN first): the form shows where the units go.
  useEffect(() => {
    if (locationId || props.locations.length === 0) return;
    setLocationId((props.locations.find((l) => l.code === 'MAIN') ?? props.locations[0]!).id);
  }, [locationId, props.locations]);

  const locationLabel = (id: string) => {
    const l = props.locations.find((x) => x.id === id);
    return l ? `${l.code}` : '';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!variantId) found.variantId = m.chooseVariant;
    const amount = parseWhole(quantity, kind === 'receipt' ? 1 : -1_000_000_000, 1_000_000_000);
    if (amount === null || amount === 0)
      found.quantity = kind === 'receipt' ? m.quantityPositive : m.quantityInvalid;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setOutcome(null);
    try {
      const level = await send<StockLevel>('/api/v1/inventory/movements', 'POST', {
        variantId,
        ...(locationId ? { locationId } : {}),
        kind,
        quantity: amount,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      props.onRecorded(level);
      setOutcome({
        ok: true,
        text: m.recorded(level.sku, locationLabel(level.locationId) || 'MAIN', level.onHand, level.available),
      });
      setQuantity('');
      setNote('');
    } catch (error) {
      if (error instanceof ApiError)
        setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
      setOutcome({ ok: false, title: m.refused, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={m.movementTitle} className="movement-form">
      <p className="small-print">{m.movementHint}</p>
      <Field label={m.variant} hint={m.variantHint} error={errors.variantId}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={variantId}
            onChange={(e) => setVariantId(e.target.value)}
          >
            <option value="">{m.chooseVariant}</option>
            {props.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={m.location} error={errors.locationId}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={locationId}
            onChange={(e) => setLocationId(e.target.value)}
          >
            {props.locations.length === 0 && <option value="">{m.defaultLocation}</option>}
            {props.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.code} · {l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="choice-list choice-list--inline">
        <legend>{m.kind}</legend>
        {(['receipt', 'adjustment'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="movement-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span>{m.kinds[k]}</span>
          </label>
        ))}
      </fieldset>
      <div ref={quantityRef}>
        <Field
          label={m.quantity}
          hint={kind === 'receipt' ? m.quantityReceipt : m.quantityAdjustment}
          inputMode={kind === 'receipt' ? 'numeric' : 'text'}
          value={quantity}
          error={errors.quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </div>
      <Field
        label={m.note}
        hint={m.noteHint}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {outcome && (
        <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.title} alert>
          {outcome.text}
        </Notice>
      )}
      <Button type="submit" busy={busy}>
        {busy ? m.recording : m.submit}
      </Button>
    </form>
  );
}
