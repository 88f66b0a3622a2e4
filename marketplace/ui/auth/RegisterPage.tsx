/**
 * Sign-up: a company with its owner. The API answers 202 whatever happened (an address that already has an
 * account gets an email instead, so the answer never says who is registered) and emails a link to confirm the
 * address; it returns no session. An unconfirmed owner may sign in and look around, so after sign-up we sign in
 * with the password just typed: then "send the link again" (which needs a session) and the way into the app work.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, Field } from '../components/index.ts';
import { accountMessages as m } from './account-messages.ts';
import { AccountFrame, ProblemNotice } from './AccountFrame.tsx';
import { CheckEmail } from './CheckEmail.tsx';
import { browserCountry, countries } from './countries.ts';
import { check, fieldErrorsFrom, messageOfError, onlyProblems, postPublic } from './public-api.ts';
import { useSession } from './SessionContext.tsx';

type Kind = 'retailer' | 'manufacturer';
const FIELDS = ['companyName', 'country', 'city', 'email', 'password'] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName | 'kind', string>>;

export default function RegisterPage() {
  const { login } = useSession();
  const [kind, setKind] = useState<Kind>('retailer');
  const [form, setForm] = useState<Record<FieldName, string>>({
    companyName: '',
    country: browserCountry(),
    city: '',
    email: '',
    password: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ email: string; kind: Kind; signedIn: boolean } | null>(null);
  const r = m.register;

  if (done) return <CheckEmail {...done} />;

  const localProblems = (values: Record<FieldName, string>): Errors =>
    onlyProblems({
      companyName: check.required(values.companyName),
      country: check.required(values.country),
      city: check.required(values.city),
      email: check.email(values.email),
      password: check.newPassword(values.password),
    });

  // A field's message leaves as soon as that field is right, without another submit.
  const change = (name: FieldName, value: string) => {
    const next = { ...form, [name]: value };
    setForm(next);
    if (errors[name] && !localProblems(next)[name])
      setErrors(({ [name]: _fixed, ...rest }) => rest as Errors);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = localProblems(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem(m.fixFields(Object.keys(found).length));
      return;
    }
    setProblem(null);
    setBusy(true);
    const email = form.email.trim();
    try {
      await postPublic('/api/v1/auth/register', {
        kind,
        companyName: form.companyName.trim(),
        country: form.country,
        city: form.city.trim(),
        email,
        password: form.password,
      });
    } catch (error) {
      setErrors(fieldErrorsFrom(error, [...FIELDS, 'kind']));
      setProblem(messageOfError(error));
      setBusy(false);
      return;
    }
    // Fails when the address already had an account with another password: that person got an email instead.
    const outcome = await login(email, form.password);
    setBusy(false);
    setDone({ email, kind, signedIn: outcome.kind === 'signed-in' });
  };

  const field = (name: FieldName) => ({
    value: form[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => change(name, e.target.value),
    required: true,
  });

  return (
    <AccountFrame
      title={r.documentTitle}
      heading={r.heading}
      lead={r.lead}
      footer={
        <p>
          {m.haveAccount} <Link to="/login">{m.signIn}</Link>
        </p>
      }
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ProblemNotice text={problem} />
        <fieldset className="choice-list" aria-describedby={errors.kind ? 'register-kind-error' : undefined}>
          <legend>{r.kindLegend}</legend>
          {(['retailer', 'manufacturer'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <strong>{k === 'retailer' ? r.retailer : r.manufacturer}</strong>
                <span className="choice-list__hint">
                  {k === 'retailer' ? r.retailerHint : r.manufacturerHint}
                </span>
              </span>
            </label>
          ))}
          {errors.kind && (
            <p className="ws-field__error" id="register-kind-error">
              {errors.kind}
            </p>
          )}
        </fieldset>
        <Field
          label={r.companyName}
          name="companyName"
          autoComplete="organization"
          {...field('companyName')}
        />
        <Field label={r.country} error={errors.country}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="country"
              autoComplete="country"
              required
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.country}
              onChange={(e) => change('country', e.target.value)}
            >
              <option value="">{r.chooseCountry}</option>
              {countries().map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={r.city} name="city" autoComplete="address-level2" {...field('city')} />
        <Field label={m.email} name="email" type="email" autoComplete="email" {...field('email')} />
        <Field
          label={m.password}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={m.passwordHint}
          {...field('password')}
        />
        <Button type="submit" busy={busy} style={{ width: '100%' }}>
          {busy ? r.submitting : r.submit}
        </Button>
      </form>
    </AccountFrame>
  );
}
