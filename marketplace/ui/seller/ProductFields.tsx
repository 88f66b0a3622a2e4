/**
 * The product-level fields of the product form: SKU and currency (only when creating: neither can change
 * later), name, description, category from the tree, lead time, certifications and specifications.
 */
import { Button, Field } from '../components/index.ts';
import { useApi } from '../data/useApi.ts';
import { CURRENCIES } from '../storefront/catalog-query.ts';
import { productFormMessages as m } from './messages.ts';
import { newKey, type FormErrors, type ProductDraft } from './product-form.ts';
import type { Category } from './types.ts';

export function ProductFields(props: {
  draft: ProductDraft;
  errors: FormErrors;
  creating: boolean;
  onChange: (draft: ProductDraft) => void;
}) {
  const { draft, errors } = props;
  const categories = useApi<{ items: Category[] }>('/api/v1/categories');
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) =>
    props.onChange({ ...draft, [key]: value });
  const text = (key: 'sku' | 'name' | 'leadTimeDays' | 'certifications') => ({
    value: draft[key],
    error: errors[key],
    name: key,
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });

  return (
    <>
      <div className="field-pair">
        {props.creating ? (
          <Field label={m.sku} hint={m.skuHint} required maxLength={64} autoComplete="off" {...text('sku')} />
        ) : (
          <Field label={m.sku} value={draft.sku} readOnly name="sku" />
        )}
        <Field label={m.currency} hint={props.creating ? m.currencyHint : undefined} error={errors.currency}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={draft.currency}
              disabled={!props.creating}
              onChange={(e) => set('currency', e.target.value)}
            >
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={m.name} required maxLength={200} {...text('name')} />
      <Field label={m.description} error={errors.description}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={4}
            maxLength={5000}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <div className="field-pair">
        <Field label={m.category} error={errors.category}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={draft.category}
              onChange={(e) => set('category', e.target.value)}
            >
              <option value="">{m.noCategory}</option>
              {/* A saved category stays selectable while the tree loads. */}
              {!categories.data && draft.category && <option value={draft.category}>{draft.category}</option>}
              {(categories.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.slug}>
                  {'\u00a0\u00a0'.repeat(c.depth - 1)}
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={m.leadTime}
          hint={m.leadTimeHint}
          inputMode="numeric"
          maxLength={3}
          {...text('leadTimeDays')}
        />
      </div>
      <Field label={m.certifications} hint={m.certificationsHint} {...text('certifications')} />
      <SpecificationsEditor draft={draft} errors={errors} onChange={props.onChange} />
    </>
  );
}

function SpecificationsEditor(props: {
  draft: ProductDraft;
  errors: FormErrors;
  onChange: (draft: ProductDraft) => void;
}) {
  const specs = props.draft.specifications;
  const setSpecs = (specifications: ProductDraft['specifications']) =>
    props.onChange({ ...props.draft, specifications });
  return (
    <fieldset className="seller-fieldset">
      <legend>{m.specifications}</legend>
      <p className="ws-field__hint">{m.specificationsHint}</p>
      {props.errors.specifications && <p className="ws-field__error">{props.errors.specifications}</p>}
      {specs.map((s, i) => (
        <div key={s.key} className="row-editor">
          <Field
            label={m.specName(i + 1)}
            value={s.name}
            maxLength={80}
            error={props.errors[`specifications.${i}.name`]}
            onChange={(e) =>
              setSpecs(specs.map((x) => (x.key === s.key ? { ...x, name: e.target.value } : x)))
            }
          />
          <Field
            label={m.specValue(i + 1)}
            value={s.value}
            maxLength={500}
            error={props.errors[`specifications.${i}.value`]}
            onChange={(e) =>
              setSpecs(specs.map((x) => (x.key === s.key ? { ...x, value: e.target.value } : x)))
            }
          />
          <Button
            variant="ghost"
            className="row-editor__remove"
            aria-label={m.removeSpec(i + 1)}
            onClick={() => setSpecs(specs.filter((x) => x.key !== s.key))}
          >
            ×
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        disabled={specs.length >= 50}
        onClick={() => setSpecs([...specs, { key: newKey(), name: '', value: '' }])}
      >
        {m.addSpec}
      </Button>
    </fieldset>
  );
}
