/**
 * The controls above a dashboard: the period (presets or custom days), what to compare it with, and the
 * page's filters (country, category) whose choices come from a Cube query, so a caller is offered only values
 * in its own rows. Everything goes into the URL through the page's DashboardFiltersProvider.
 */
import type { Query } from '@cubejs-client/core';
import { useId, useMemo } from 'react';
import { Field } from '../../marketplace/ui/components/index.ts';
import { locale } from '../../marketplace/ui/i18n/index.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { formatDayRange } from '../format.ts';
import './controls.css';
import { useFiltersApi } from './DashboardFilters.tsx';
import { controlMessages as m } from './messages.ts';
import {
  COMPARISON_LABELS,
  COMPARISONS,
  isDay,
  PRESET_LABELS,
  PRESETS,
  rangeOf,
  todayUtc,
  type Comparison,
  type Preset,
} from './period.ts';

/** A filter the page offers: its label, and the query whose rows are its choices (value, label). */
export interface ChoiceFilter {
  name: 'country' | 'category';
  label: string;
  allLabel: string;
  options: Query;
  valueMember: string;
  labelMember?: string;
  /** How a value reads when it has no label member (country codes -> names). */
  describe?: (value: string) => string;
  /** Which figures it narrows, when not all of them do. */
  hint?: string;
}

function ChoiceSelect({
  filter,
  value,
  onChange,
}: {
  filter: ChoiceFilter;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  // Choices change rarely: asked once per visit, not every two seconds.
  const q = useLiveQuery(filter.options, { live: false });
  const options = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of q.resultSet?.rawData() ?? []) {
      const v = r[filter.valueMember];
      if (v === null || v === undefined || v === '') continue;
      const text = String(v);
      const label = filter.labelMember
        ? String(r[filter.labelMember] ?? text)
        : (filter.describe?.(text) ?? text);
      seen.set(text, label);
    }
    // The chosen value stays selectable even if it has no rows in the list (a shared link from elsewhere).
    if (value && !seen.has(value)) seen.set(value, filter.describe?.(value) ?? value);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [q.resultSet, filter, value]);
  return (
    <Field label={filter.label} hint={filter.hint} className="filter-bar__field">
      {({ id }) => (
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{filter.allLabel}</option>
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function FilterBar(props: { choices?: ChoiceFilter[] }) {
  const api = useFiltersApi();
  const compareName = useId();
  if (!api) return null;
  const { filters, setPeriod, setFilter } = api;
  const period = filters.period!;
  const range = filters.range!;
  const today = todayUtc();

  const choosePreset = (preset: Preset) =>
    setPeriod(
      preset === 'custom'
        ? { preset, compare: period.compare, custom: rangeOf(period) }
        : { preset, compare: period.compare },
    );
  const chooseDay = (end: 'from' | 'to', day: string) => {
    if (!isDay(day)) return;
    const next = { ...range, [end]: day };
    if (next.from > next.to) return;
    setPeriod({ preset: 'custom', compare: period.compare, custom: next });
  };

  return (
    <form className="filter-bar" aria-label={m.filters} onSubmit={(e) => e.preventDefault()}>
      <Field label={m.period} className="filter-bar__field">
        {({ id }) => (
          <select id={id} value={period.preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {period.preset === 'custom' && (
        <>
          <Field
            label={m.from}
            type="date"
            className="filter-bar__field filter-bar__day"
            value={range.from}
            max={range.to}
            onChange={(e) => chooseDay('from', e.target.value)}
          />
          <Field
            label={m.to}
            type="date"
            className="filter-bar__field filter-bar__day"
            value={range.to}
            min={range.from}
            max={today}
            onChange={(e) => chooseDay('to', e.target.value)}
          />
        </>
      )}
      <fieldset className="filter-bar__compare">
        <legend>{m.compareWith}</legend>
        {COMPARISONS.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name={compareName}
              value={c}
              checked={period.compare === c}
              onChange={() => setPeriod({ ...period, compare: c as Comparison })}
            />
            {COMPARISON_LABELS[c]}
          </label>
        ))}
      </fieldset>
      {props.choices?.map((choice) => (
        <ChoiceSelect
          key={choice.name}
          filter={choice}
          value={filters[choice.name]}
          onChange={(v) => setFilter(choice.name, v)}
        />
      ))}
      <p className="filter-bar__summary" aria-live="polite" data-testid="period-summary">
        {formatDayRange(range)}
        <span className="filter-bar__vs">{m.comparedWith(formatDayRange(filters.comparison!))}</span>
      </p>
    </form>
  );
}
