import { Field } from '../components/index.ts';
import { checkoutMessages as m } from './messages.ts';
import type { ShippingAddress } from './types.ts';

export type AddressErrors = Partial<Record<keyof ShippingAddress, string>>;

export const EMPTY_ADDRESS: ShippingAddress = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
};

/** The checks the API makes, made first here so the buyer hears about them before sending. */
export function validateAddress(a: ShippingAddress): AddressErrors {
  const errors: AddressErrors = {};
  for (const key of ['name', 'line1', 'city', 'postalCode'] as const)
    if (!a[key].trim()) errors[key] = m.required;
  if (!/^[A-Za-z]{2}$/.test(a.country.trim()))
    errors.country = a.country.trim() ? m.countryInvalid : m.required;
  return errors;
}

/** The API names fields as `shippingAddress.country`; these become errors next to our fields. */
export function addressErrorsFrom(fields: Array<{ field: string; message: string }>): AddressErrors {
  const errors: AddressErrors = {};
  for (const f of fields) {
    const key = f.field.replace(/^shippingAddress\./, '') as keyof ShippingAddress;
    if (key in EMPTY_ADDRESS) errors[key] = f.message;
  }
  return errors;
}

export function AddressForm(props: {
  value: ShippingAddress;
  errors: AddressErrors;
  onChange: (value: ShippingAddress) => void;
}) {
  const field = (key: keyof ShippingAddress) => ({
    value: props.value[key] ?? '',
    error: props.errors[key],
    name: key,
    onChange: (e: { target: { value: string } }) => props.onChange({ ...props.value, [key]: e.target.value }),
  });
  return (
    <fieldset className="address-form">
      <legend>{m.addressTitle}</legend>
      <Field label={m.name} autoComplete="organization" required {...field('name')} />
      <Field label={m.line1} autoComplete="address-line1" required {...field('line1')} />
      <Field label={m.line2} autoComplete="address-line2" {...field('line2')} />
      <div className="field-pair">
        <Field label={m.city} autoComplete="address-level2" required {...field('city')} />
        <Field label={m.region} hint={m.regionHint} autoComplete="address-level1" {...field('region')} />
      </div>
      <div className="field-pair">
        <Field label={m.postalCode} autoComplete="postal-code" required {...field('postalCode')} />
        <Field
          label={m.country}
          hint={m.countryHint}
          autoComplete="country"
          maxLength={2}
          required
          {...field('country')}
          onChange={(e) => props.onChange({ ...props.value, country: e.target.value.toUpperCase() })}
        />
      </div>
    </fieldset>
  );
}
