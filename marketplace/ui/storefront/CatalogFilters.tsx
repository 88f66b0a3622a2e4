import { useState, type FormEvent } from 'react';
import { Button, Field } from '../components/index.ts';
import { decimalInLocale, readAmount } from '../data/money-input.ts';
import { minorDigits, minorToDecimalString } from '../data/money.ts';
import { useApi } from '../data/useApi.ts';
import { CURRENCIES, FILTER_KEYS } from './catalog-query.ts';
import { catalogMessages as m } from './messages.ts';
import type { Category } from './types.ts';

type Draft = Record<(typeof FILTER_KEYS)[number], string>;

// Prices travel in the address as plain decimals ("12.50", the same link in every language) and show in the
// field the page's way ("12,50").
const draftFrom = (params: URLSearchParams): Draft =>
  Object.fromEntries(
    FILTER_KEYS.map((k) => {
      const value = params.get(k) ?? '';
      return [
        k,
        (k === 'minPrice' || k === 'maxPrice') && /^\d+\.\d+$/.test(value) ? decimalInLocale(value) : value,
      ];
    }),
  ) as Draft;

/**
 * The filter panel. Choices (selects, the checkbox) apply at once; typed values apply with the button or Enter,
 * after a check that they can be read (a price the API would refuse is shown as an error here).
 */
export function CatalogFilters(props: { params: URLSearchParams; onApply: (next: Partial<Draft>) => void }) {
  const categories = useApi<{ items: Category[] }>('/api/v1/categories');
  const [draft, setDraft] = useState<Draft>(() => draftFrom(props.params));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const set = (key: keyof Draft, value: string, apply = false) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (apply) props.onApply({ [key]: value });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const applied = { ...draft };
    for (const key of ['minPrice', 'maxPrice'] as const) {
      if (!draft[key].trim()) continue;
      if (!draft.currency) {
        found[key] = m.priceInvalid;
        continue;
      }
      const reading = readAmount(draft[key], draft.currency);
      if (reading.ok) applied[key] = minorToDecimalString(reading.minor, minorDigits(draft.currency));
      else found[key] = reading.message;
    }
    if (draft.country && !/^[A-Za-z]{2}$/.test(draft.country)) found.country = m.countryInvalid;
    setErrors(found);
    if (Object.keys(found).length === 0) props.onApply(applied);
  };

  const clear = () => {
    const empty = Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as Draft;
    setDraft(empty);
    setErrors({});
    props.onApply(empty);
  };

  return (
    <form className="catalog-filters__form" onSubmit={submit} noValidate aria-label={m.filters}>
      <Field label={m.category}>
        {({ id }) => (
          <select id={id} value={draft.category} onChange={(e) => set('category', e.target.value, true)}>
            <option value="">{m.allCategories}</option>
            {(categories.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.slug}>
                {'\u00a0\u00a0'.repeat(c.depth - 1)}
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={m.currency}>
        {({ id }) => (
          <select id={id} value={draft.currency} onChange={(e) => set('currency', e.target.value, true)}>
            <option value="">—</option>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-pair">
        <Field
          label={m.minPrice}
          inputMode="decimal"
          value={draft.minPrice}
          disabled={!draft.currency}
          error={errors.minPrice}
          onChange={(e) => set('minPrice', e.target.value)}
        />
        <Field
          label={m.maxPrice}
          inputMode="decimal"
          value={draft.maxPrice}
          disabled={!draft.currency}
          error={errors.maxPrice}
          onChange={(e) => set('maxPrice', e.target.value)}
        />
      </div>
      <Field
        label={m.maxMoq}
        hint={m.maxMoqHint}
        type="number"
        min={0}
        inputMode="numeric"
        value={draft.maxMoq}
        onChange={(e) => set('maxMoq', e.target.value)}
      />
      <Field
        label={m.country}
        hint={m.countryHint}
        maxLength={2}
        autoCapitalize="characters"
        value={draft.country}
        error={errors.country}
        onChange={(e) => set('country', e.target.value.toUpperCase())}
      />
      <Field
        label={m.certification}
        hint={m.certificationHint}
        value={draft.certification}
        onChange={(e) => set('certification', e.target.value)}
      />
      <label className="check-field">
        <input
          type="checkbox"
          checked={draft.verifiedOnly === 'true'}
          onChange={(e) => set('verifiedOnly', e.target.checked ? 'true' : '', true)}
        />
        {m.verifiedOnly}
      </label>
      <div className="button-row">
        <Button type="submit">{m.apply}</Button>
        <Button variant="secondary" onClick={clear}>
          {m.clear}
        </Button>
      </div>
    </form>
  );
}
