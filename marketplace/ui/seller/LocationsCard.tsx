/** The seller's warehouse locations, and a form to add one (checked as the API checks it). */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../auth/session.ts';
import { Button, Card, DataTable, EmptyState, Field, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { inventoryMessages as m } from './messages.ts';
import type { WarehouseLocation } from './types.ts';

const EMPTY = { code: '', name: '', city: '', country: '' };
type LocationDraft = typeof EMPTY;

function validate(d: LocationDraft) {
  const errors: Partial<Record<keyof LocationDraft, string>> = {};
  if (!/^[A-Z0-9_-]{1,20}$/.test(d.code.trim())) errors.code = d.code.trim() ? m.codeInvalid : m.required;
  if (!d.name.trim()) errors.name = m.required;
  if (!d.city.trim()) errors.city = m.required;
  if (!/^[A-Z]{2}$/.test(d.country.trim())) errors.country = d.country.trim() ? m.countryInvalid : m.required;
  return errors;
}

export function LocationsCard(props: {
  locations: WarehouseLocation[] | null;
  error: unknown;
  onAdded: () => void;
}) {
  const send = useApiSend();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof LocationDraft, string>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; title?: string; text: string } | null>(null);

  const field = (key: keyof LocationDraft, upper = false) => ({
    value: draft[key],
    error: errors[key],
    name: key,
    onChange: (e: { target: { value: string } }) =>
      setDraft({ ...draft, [key]: upper ? e.target.value.toUpperCase() : e.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setOutcome(null);
    try {
      const added = await send<WarehouseLocation>('/api/v1/inventory/locations', 'POST', {
        code: draft.code.trim(),
        name: draft.name.trim(),
        city: draft.city.trim(),
        country: draft.country.trim(),
      });
      setOutcome({ ok: true, text: m.locationAdded(added.code) });
      setDraft(EMPTY);
      props.onAdded();
    } catch (error) {
      if (error instanceof ApiError)
        setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
      setOutcome({ ok: false, title: m.locationRefused, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={m.locations}>
      {props.error ? (
        <Notice tone="negative" title={m.loadError}>
          {messageOf(props.error)}
        </Notice>
      ) : (
        <DataTable<WarehouseLocation>
          caption={m.locations}
          captionHidden
          rows={props.locations}
          rowKey={(l) => l.id}
          empty={<EmptyState title={m.locationsEmpty}>{m.locationsEmptyHint}</EmptyState>}
          columns={[
            { key: 'code', header: m.code, render: (l) => <strong>{l.code}</strong> },
            {
              key: 'name',
              header: m.name,
              // Name and place in one cell keep the table narrow enough for the side column.
              render: (l) => (
                <span className="product-cell">
                  <span>{l.name}</span>
                  <span className="muted">
                    {l.city}, {l.country}
                  </span>
                </span>
              ),
            },
          ]}
        />
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={m.addLocation} className="subform">
        <h3 className="subheading">{m.addLocation}</h3>
        <div className="field-pair">
          <Field
            label={m.code}
            hint={m.codeHint}
            maxLength={20}
            autoComplete="off"
            {...field('code', true)}
          />
          <Field label={m.name} maxLength={100} {...field('name')} />
        </div>
        <div className="field-pair">
          <Field label={m.city} maxLength={100} {...field('city')} />
          <Field label={m.country} hint={m.countryHint} maxLength={2} {...field('country', true)} />
        </div>
        {outcome && (
          <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.title} alert>
            {outcome.text}
          </Notice>
        )}
        <Button type="submit" variant="secondary" busy={busy}>
          {m.addLocation}
        </Button>
      </form>
    </Card>
  );
}
