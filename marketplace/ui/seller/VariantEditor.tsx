/**
 * A saved product's variants, each its own small form: change it (only what changed is sent; a price change is
 * audited by the API), retire it (off the storefront, kept for order history), or add a new one with its opening
 * stock. Every answer is the product as stored, so the page shows exactly what the API kept.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../auth/session.ts';
import { Badge, Button, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { FormOutcome, focusFirstInvalid, notSent, refused, type Outcome } from './FormOutcome.tsx';
import { productFormMessages as m } from './messages.ts';
import {
  emptyVariant,
  errorsFromApi,
  newVariantBody,
  optionNamesFrom,
  optionNamesOf,
  variantChange,
  variantDraftFrom,
  type FormErrors,
  type VariantDraft,
} from './product-form.ts';
import type { SellerProduct, SellerVariant } from './types.ts';
import { OptionNamesField, resizeOptions, VariantFieldset } from './VariantFields.tsx';

export function VariantEditor(props: { product: SellerProduct; onChange: (p: SellerProduct) => void }) {
  const { product } = props;
  const active = product.variants.filter((v) => !v.retiredAt);
  const retired = product.variants.filter((v) => v.retiredAt);
  const [optionNames, setOptionNames] = useState(() => optionNamesFrom(product.variants).join(', '));
  const [adding, setAdding] = useState(false);
  // A saved or added variant's form is rebuilt from the API's answer; this is what it says first.
  const [flash, setFlash] = useState<{ sku: string; text: string } | null>(null);
  const [retiredNote, setRetiredNote] = useState<string | null>(null);
  const changed = (p: SellerProduct, note: { sku: string; text: string } | null) => {
    setFlash(note);
    setRetiredNote(null);
    props.onChange(p);
  };

  return (
    <>
      <OptionNamesField value={optionNames} hint={m.optionsEditHint} onChange={setOptionNames} />
      <ol className="variant-list">
        {active.map((v, i) => (
          <li key={`${v.id}-${JSON.stringify(v)}`}>
            <SavedVariantForm
              number={i + 1}
              product={product}
              variant={v}
              optionNames={optionNames}
              canRetire={active.length > 1}
              flash={flash?.sku === v.sku ? flash.text : null}
              onSaved={(p) =>
                changed(p, { sku: p.variants.find((x) => x.id === v.id)?.sku ?? '', text: m.variantSaved })
              }
              onRetired={(p) => {
                changed(p, null);
                setRetiredNote(m.variantRetired(v.sku));
              }}
            />
          </li>
        ))}
        {adding && (
          <li>
            <NewVariantForm
              number={active.length + 1}
              product={product}
              optionNames={optionNames}
              onCancel={() => setAdding(false)}
              onAdded={(p, sku) => {
                setAdding(false);
                changed(p, { sku, text: m.variantAdded });
              }}
            />
          </li>
        )}
      </ol>
      {retiredNote && (
        <Notice tone="positive" alert>
          {retiredNote}
        </Notice>
      )}
      {!adding && (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {m.addVariant}
        </Button>
      )}
      {retired.length > 0 && (
        <>
          <h3 className="subheading">{m.retiredTitle}</h3>
          <ul className="retired-list">
            {retired.map((v) => (
              <li key={v.id}>
                <Badge>{m.retired}</Badge> {v.sku}
                {Object.keys(v.options).length > 0 && (
                  <span className="muted"> · {Object.values(v.options).join(' / ')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function SavedVariantForm(props: {
  number: number;
  product: SellerProduct;
  variant: SellerVariant;
  optionNames: string;
  canRetire: boolean;
  flash: string | null;
  onSaved: (p: SellerProduct) => void;
  onRetired: (p: SellerProduct) => void;
}) {
  const { product, variant } = props;
  const send = useApiSend();
  const names = optionNamesOf({ optionNames: props.optionNames });
  const [draft, setDraft] = useState<VariantDraft>(() =>
    variantDraftFrom(variant, optionNamesFrom(product.variants), product.currency),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<'save' | 'retire' | null>(null);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(
    props.flash ? { ok: true, text: props.flash } : null,
  );
  const shown = resizeOptions(draft, props.optionNames);
  const form = useRef<HTMLFormElement>(null);
  const base = `/api/v1/catalog/products/${product.id}/variants/${variant.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = variantChange(shown, props.optionNames, product.currency, variant);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) {
      setOutcome(notSent(checked.errors));
      return focusFirstInvalid(form.current);
    }
    if (!checked.value) return setOutcome({ ok: true, text: m.nothingChanged });
    setBusy('save');
    setOutcome(null);
    try {
      // The form is replaced by one built from the answer (its key changes), which shows the saved values.
      props.onSaved(await send<SellerProduct>(base, 'PATCH', checked.value));
    } catch (error) {
      const found = error instanceof ApiError ? errorsFromApi(error.fields, props.optionNames) : {};
      setErrors(found);
      setOutcome(refused(error, found));
      focusFirstInvalid(form.current);
      setBusy(null);
    }
  };

  const retire = async () => {
    setBusy('retire');
    setOutcome(null);
    try {
      props.onRetired(await send<SellerProduct>(`${base}/retire`, 'POST'));
    } catch (error) {
      setOutcome({ ok: false, title: m.retireRefused, text: messageOf(error) });
      setBusy(null);
      setConfirmRetire(false);
    }
  };

  const title = m.variantTitle(props.number, variant.sku);
  return (
    <form ref={form} onSubmit={(e) => void save(e)} noValidate aria-label={title}>
      <VariantFieldset
        title={title}
        variant={shown}
        names={names}
        currency={product.currency}
        errorFor={(field) => errors[field]}
        onChange={(change) => setDraft({ ...shown, ...change })}
        withStock={false}
        facts={
          <p className="variant-stock">
            {m.onHandCount(variant.onHand, variant.available)}{' '}
            <Link to={`/inventory?product=${product.id}&variant=${variant.id}`}>{m.stockLink}</Link>
          </p>
        }
      >
        <FormOutcome outcome={outcome} />
        <div className="button-row">
          <Button type="submit" variant="secondary" busy={busy === 'save'}>
            {busy === 'save' ? m.saving : m.saveVariant}
          </Button>
          {props.canRetire &&
            (confirmRetire ? (
              <>
                <span>{m.retireConfirm(variant.sku)}</span>
                <Button variant="secondary" busy={busy === 'retire'} onClick={() => void retire()}>
                  {m.retireYes}
                </Button>
                <Button variant="ghost" onClick={() => setConfirmRetire(false)}>
                  {m.retireNo}
                </Button>
              </>
            ) : (
              <Button variant="ghost" onClick={() => setConfirmRetire(true)}>
                {m.retire}
              </Button>
            ))}
        </div>
      </VariantFieldset>
    </form>
  );
}

function NewVariantForm(props: {
  number: number;
  product: SellerProduct;
  optionNames: string;
  onCancel: () => void;
  onAdded: (p: SellerProduct, sku: string) => void;
}) {
  const send = useApiSend();
  const names = optionNamesOf({ optionNames: props.optionNames });
  const [draft, setDraft] = useState<VariantDraft>(() => emptyVariant(names.length));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shown = resizeOptions(draft, props.optionNames);
  const form = useRef<HTMLFormElement>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const checked = newVariantBody(shown, props.optionNames, props.product.currency);
    setErrors(checked.errors);
    if (!checked.value) {
      setOutcome(notSent(checked.errors));
      return focusFirstInvalid(form.current);
    }
    setBusy(true);
    setOutcome(null);
    try {
      const product = await send<SellerProduct>(
        `/api/v1/catalog/products/${props.product.id}/variants`,
        'POST',
        checked.value,
      );
      props.onAdded(product, checked.value.sku);
    } catch (error) {
      const found = error instanceof ApiError ? errorsFromApi(error.fields, props.optionNames) : {};
      setErrors(found);
      setOutcome(refused(error, found));
      focusFirstInvalid(form.current);
      setBusy(false);
    }
  };

  const title = m.newVariantTitle(props.number);
  return (
    <form ref={form} onSubmit={(e) => void add(e)} noValidate aria-label={title}>
      <VariantFieldset
        title={title}
        variant={shown}
        names={names}
        currency={props.product.currency}
        errorFor={(field) => errors[field]}
        onChange={(change) => setDraft({ ...shown, ...change })}
        withStock
      >
        <FormOutcome outcome={outcome} />
        <div className="button-row">
          <Button type="submit" busy={busy}>
            {busy ? m.saving : m.saveNewVariant}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {m.cancelNewVariant}
          </Button>
        </div>
      </VariantFieldset>
    </form>
  );
}
