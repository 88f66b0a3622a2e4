/**
 * One company address: its type, the lines, the country as a two-letter ISO code and optional coordinates. It
 * checks what the API would refuse before sending and shows the API's own words for anything else, next to the
 * field it names.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../auth/session.ts';
import { Button, Field, Notice } from '../components/index.ts';
import { messageOf } from '../data/useApi.ts';
import { addressBody, checkAddress, type AddressProblem, type AddressValues } from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import type { AddressKind, CompanyAddress } from './types.ts';

const problemText = (p: AddressProblem | undefined): string | undefined => {
  if (!p) return undefined;
  if (typeof p === 'object') return m.tooLong(p.tooLong);
  return {
    required: m.required,
    country: m.countryInvalid,
    latitude: m.latitudeInvalid,
    longitude: m.longitudeInvalid,
    bothCoordinates: m.bothCoordinates,
  }[p];
};

export const valuesOf = (a: CompanyAddress | null, kind: AddressKind): AddressValues => ({
  kind: a?.kind ?? kind,
  line1: a?.line1 ?? '',
  line2: a?.line2 ?? '',
  city: a?.city ?? '',
  region: a?.region ?? '',
  postalCode: a?.postalCode ?? '',
  country: a?.country ?? '',
  latitude: a?.latitude === null || a?.latitude === undefined ? '' : String(a.latitude),
  longitude: a?.longitude === null || a?.longitude === undefined ? '' : String(a.longitude),
});

export function AddressForm(props: {
  title: string;
  initial: AddressValues;
  kinds: AddressKind[];
  submitLabel: string;
  onSubmit: (body: ReturnType<typeof addressBody>) => Promise<void>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);

  const set = (field: keyof AddressValues) => (value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    setErrors((e) => {
      if (!e[field]) return e;
      return { ...e, [field]: problemText(checkAddress(next)[field]) };
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const found = Object.fromEntries(
      Object.entries(checkAddress(values)).map(([f, p]) => [f, problemText(p)]),
    ) as Record<string, string>;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // After React has marked the fields, so the first one at fault is where the cursor goes.
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(addressBody(values));
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        setErrors(Object.fromEntries(error.fields.map((f) => [f.field.replace(/^body\./, ''), f.message])));
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    field: keyof AddressValues,
    label: string,
    extra: { hint?: string; autoComplete?: string; maxLength?: number; required?: boolean } = {},
  ) => (
    <Field
      label={label}
      hint={extra.hint}
      error={errors[field]}
      value={values[field]}
      autoComplete={extra.autoComplete}
      maxLength={extra.maxLength}
      required={extra.required}
      onChange={(e) => set(field)(e.target.value)}
    />
  );

  return (
    <form
      ref={form}
      className="kyb-address-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="kyb-subheading">
        {props.title}
      </h3>
      {props.kinds.length > 1 ? (
        <Field label={m.addressType} error={errors.kind}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={values.kind}
              onChange={(e) => set('kind')(e.target.value)}
            >
              {props.kinds.map((k) => (
                <option key={k} value={k}>
                  {m.addressKind[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="kyb-address__kind">{m.addressKind[props.kinds[0] ?? 'operations']}</p>
      )}
      {text('line1', m.line1, { autoComplete: 'address-line1', maxLength: 200, required: true })}
      {text('line2', m.line2, { hint: m.line2Hint, autoComplete: 'address-line2', maxLength: 200 })}
      <div className="field-pair">
        {text('city', m.city, { autoComplete: 'address-level2', maxLength: 120, required: true })}
        {text('region', m.region, { hint: m.regionHint, autoComplete: 'address-level1', maxLength: 120 })}
      </div>
      <div className="field-pair">
        {text('postalCode', m.postalCode, {
          hint: m.postalCodeHint,
          autoComplete: 'postal-code',
          maxLength: 20,
        })}
        <Field
          label={m.country}
          hint={m.countryHint}
          error={errors.country}
          value={values.country}
          autoComplete="country"
          maxLength={2}
          required
          className="kyb-country"
          onChange={(e) => set('country')(e.target.value.toUpperCase())}
        />
      </div>
      <fieldset className="kyb-fieldset">
        <legend>{m.coordinates}</legend>
        <p className="ws-field__hint">{m.coordinatesHint}</p>
        <div className="field-pair">
          <Field
            label={m.latitude}
            error={errors.latitude}
            inputMode="decimal"
            value={values.latitude}
            onChange={(e) => set('latitude')(e.target.value)}
          />
          <Field
            label={m.longitude}
            error={errors.longitude}
            inputMode="decimal"
            value={values.longitude}
            onChange={(e) => set('longitude')(e.target.value)}
          />
        </div>
      </fieldset>
      {refusal && (
        <Notice tone="negative" title={m.addressRefused} alert>
          {refusal}
        </Notice>
      )}
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {busy ? m.saving : props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button variant="secondary" onClick={props.onCancel}>
            {m.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
