/**
 * The filter bar of the admin lists: a search box (sent with its button or Enter) and selects that apply at once.
 * Everything lives in the URL, so a filtered list can be bookmarked or shared, and a new filter starts at page 1.
 */
import { useState, type FormEvent } from 'react';
import type { SetURLSearchParams } from 'react-router';
import { Button, Field } from '../components/index.ts';
import { adminMessages as m } from './messages.ts';

export function ListFilters(props: {
  params: URLSearchParams;
  setParams: SetURLSearchParams;
  search: { key: string; label: string; hint?: string };
  selects: Array<{ key: string; label: string; options: Record<string, string> }>;
}) {
  const { params, setParams } = props;
  const [text, setText] = useState(params.get(props.search.key) ?? '');

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('offset');
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ [props.search.key]: text.trim() });
  };

  return (
    <div className="admin-filters">
      <form className="admin-search" role="search" onSubmit={submit}>
        <Field
          label={props.search.label}
          hint={props.search.hint}
          type="search"
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {m.search}
        </Button>
      </form>
      {props.selects.map((s) => (
        <Field key={s.key} label={s.label}>
          {({ id }) => (
            <select
              id={id}
              value={params.get(s.key) ?? ''}
              onChange={(e) => update({ [s.key]: e.target.value })}
            >
              <option value="">{m.any}</option>
              {Object.entries(s.options).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
    </div>
  );
}
