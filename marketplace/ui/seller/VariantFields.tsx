/**
 * The fields of one variant (SKU, option values, price, MOQ, case pack, private unit cost, opening stock and
 * quantity prices), and the variants of a new product, added and removed before anything is sent. A saved
 * product's variants are edited one by one in VariantEditor.tsx, with the same fields.
 */
import type { ReactNode } from 'react';
import { Button, Field } from '../components/index.ts';
import { productFormMessages as m } from './messages.ts';
import {
  emptyTier,
  emptyVariant,
  optionNamesOf,
  type FormErrors,
  type ProductDraft,
  type TierDraft,
  type VariantDraft,
} from './product-form.ts';

/** The option names field: what tells the variants apart ("Colour, Size"). */
export function OptionNamesField(props: {
  value: string;
  error?: string;
  hint?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field
      label={m.options}
      hint={props.hint ?? m.optionsHint}
      value={props.value}
      error={props.error}
      name="optionNames"
      autoComplete="off"
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/** Values stay with their position, so renaming "Color" to "Colour" keeps what was typed. */
export const resizeOptions = (v: VariantDraft, optionNames: string): VariantDraft => {
  const count = optionNamesOf({ optionNames }).length;
  return { ...v, optionValues: Array.from({ length: count }, (_, k) => v.optionValues[k] ?? '') };
};

export function VariantFieldset(props: {
  title: string;
  variant: VariantDraft;
  names: string[];
  currency: string;
  /** The error for one of the variant's fields, by the API's name (`priceMinor`, `priceTiers.0.minQuantity`). */
  errorFor: (field: string) => string | undefined;
  onChange: (change: Partial<VariantDraft>) => void;
  /** Opening stock: only when the variant is created (later, stock moves through inventory). */
  withStock: boolean;
  facts?: ReactNode;
  children?: ReactNode;
}) {
  const { variant: v, errorFor } = props;
  const set = (key: keyof VariantDraft) => (e: { target: { value: string } }) =>
    props.onChange({ [key]: e.target.value });
  return (
    <fieldset className="variant-fieldset">
      <legend>{props.title}</legend>
      {props.facts}
      <div className="variant-grid">
        <Field
          label={m.variantSku}
          value={v.sku}
          maxLength={64}
          autoComplete="off"
          required
          error={errorFor('sku')}
          onChange={set('sku')}
        />
        {props.names.map((name, k) => (
          <Field
            key={`${k}-${name}`}
            label={m.optionValue(name)}
            value={v.optionValues[k] ?? ''}
            maxLength={80}
            required
            error={errorFor(`options.${k}`)}
            onChange={(e) =>
              props.onChange({ optionValues: v.optionValues.map((x, j) => (j === k ? e.target.value : x)) })
            }
          />
        ))}
        <Field
          label={m.price(props.currency)}
          inputMode="decimal"
          autoComplete="off"
          value={v.price}
          error={errorFor('priceMinor')}
          onChange={set('price')}
        />
        <Field
          label={m.moq}
          inputMode="numeric"
          value={v.moq}
          error={errorFor('moq')}
          onChange={set('moq')}
        />
        <Field
          label={m.casePack}
          hint={m.casePackHint}
          inputMode="numeric"
          value={v.casePack}
          error={errorFor('casePack')}
          onChange={set('casePack')}
        />
        <Field
          label={m.unitCost(props.currency)}
          hint={m.unitCostHint}
          inputMode="decimal"
          autoComplete="off"
          value={v.unitCost}
          error={errorFor('unitCostMinor')}
          onChange={set('unitCost')}
        />
        {props.withStock && (
          <Field
            label={m.stock}
            hint={m.stockHint}
            inputMode="numeric"
            value={v.stock}
            error={errorFor('stock')}
            onChange={set('stock')}
          />
        )}
      </div>
      <TierFields
        title={props.title}
        tiers={v.tiers}
        currency={props.currency}
        errorFor={errorFor}
        onChange={(tiers) => props.onChange({ tiers })}
      />
      {props.children}
    </fieldset>
  );
}

function TierFields(props: {
  title: string;
  tiers: TierDraft[];
  currency: string;
  errorFor: (field: string) => string | undefined;
  onChange: (tiers: TierDraft[]) => void;
}) {
  const { tiers, errorFor } = props;
  const setTier = (key: string, change: Partial<TierDraft>) =>
    props.onChange(tiers.map((t) => (t.key === key ? { ...t, ...change } : t)));
  return (
    <fieldset className="seller-fieldset tier-fields">
      <legend>{m.tiers}</legend>
      <p className="ws-field__hint">{m.tiersHint}</p>
      {errorFor('priceTiers') && <p className="ws-field__error">{errorFor('priceTiers')}</p>}
      {tiers.map((t, j) => (
        <div key={t.key} className="row-editor">
          <Field
            label={m.tierFrom(j + 1)}
            inputMode="numeric"
            value={t.minQuantity}
            error={errorFor(`priceTiers.${j}.minQuantity`)}
            onChange={(e) => setTier(t.key, { minQuantity: e.target.value })}
          />
          <Field
            label={m.tierPrice(j + 1, props.currency)}
            inputMode="decimal"
            value={t.price}
            error={errorFor(`priceTiers.${j}.priceMinor`)}
            onChange={(e) => setTier(t.key, { price: e.target.value })}
          />
          <Button
            variant="ghost"
            className="row-editor__remove"
            aria-label={m.removeTier(j + 1, props.title)}
            onClick={() => props.onChange(tiers.filter((x) => x.key !== t.key))}
          >
            ×
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        disabled={tiers.length >= 10}
        onClick={() => props.onChange([...tiers, emptyTier()])}
      >
        {m.addTier}
      </Button>
    </fieldset>
  );
}

/** The variants of a product being created: all sent with it in one request. */
export function NewProductVariants(props: {
  draft: ProductDraft;
  errors: FormErrors;
  onChange: (draft: ProductDraft) => void;
}) {
  const { draft, errors } = props;
  const names = optionNamesOf(draft);
  const setVariants = (variants: VariantDraft[]) => props.onChange({ ...draft, variants });
  const setVariant = (key: string, change: Partial<VariantDraft>) =>
    setVariants(draft.variants.map((v) => (v.key === key ? { ...v, ...change } : v)));
  return (
    <>
      <OptionNamesField
        value={draft.optionNames}
        error={errors.optionNames}
        onChange={(optionNames) =>
          props.onChange({
            ...draft,
            optionNames,
            variants: draft.variants.map((v) => resizeOptions(v, optionNames)),
          })
        }
      />
      {errors.variants && <p className="ws-field__error">{errors.variants}</p>}
      <ol className="variant-list">
        {draft.variants.map((v, i) => (
          <li key={v.key}>
            <VariantFieldset
              title={m.variantTitle(i + 1, v.sku.trim())}
              variant={v}
              names={names}
              currency={draft.currency}
              errorFor={(field) => errors[`variants.${i}.${field}`]}
              onChange={(change) => setVariant(v.key, change)}
              withStock
            >
              {draft.variants.length > 1 && (
                <Button
                  variant="secondary"
                  onClick={() => setVariants(draft.variants.filter((x) => x.key !== v.key))}
                >
                  {m.removeVariant(i + 1)}
                </Button>
              )}
            </VariantFieldset>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        disabled={draft.variants.length >= 100}
        onClick={() => setVariants([...draft.variants, emptyVariant(names.length)])}
      >
        {m.addVariant}
      </Button>
    </>
  );
}
