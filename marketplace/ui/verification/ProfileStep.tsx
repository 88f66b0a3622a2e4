/**
 * Step 1: the legal details KYB checks (legal name, registration number, tax id) and the public ones buyers read
 * (website, description, founding year). Only changed fields are sent; once the company is verified the legal
 * fields are shown read-only, as the API would refuse them.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../auth/session.ts';
import { Button, Card, Field, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import {
  checkProfile,
  PROFILE_LIMITS,
  profilePatch,
  profileValues,
  type ProfileProblem,
  type ProfileValues,
} from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import type { CompanyCase } from './types.ts';

const problemText = (p: ProfileProblem | undefined): string | undefined => {
  if (!p) return undefined;
  switch (p.kind) {
    case 'required':
      return m.required;
    case 'tooLong':
      return m.tooLong(p.max);
    case 'website':
      return m.websiteInvalid;
    case 'year':
      return m.yearInvalid(p.max);
  }
};

export function ProfileStep(props: {
  company: CompanyCase;
  legalLocked: boolean;
  /** The company as the API now has it; `changed` is false when nothing needed saving. */
  onSaved: (company: CompanyCase, changed: boolean) => void;
  submitLabel: string;
}) {
  const send = useApiSend();
  const [values, setValues] = useState<ProfileValues>(() => profileValues(props.company));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const options = { legalLocked: props.legalLocked };

  const set = (field: keyof ProfileValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A field's error leaves as soon as it is fixed, without another submit.
    setErrors((e) => {
      if (!e[field]) return e;
      const again = problemText(
        checkProfile({ ...values, [field]: value }, new Date().getFullYear(), options)[field],
      );
      return { ...e, [field]: again };
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const problems = checkProfile(values, new Date().getFullYear(), options);
    const found = Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, problemText(p)]));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // After React has marked the fields, so the first one at fault is where the cursor goes.
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const patch = profilePatch(props.company, values, options);
    if (Object.keys(patch).length === 0) return props.onSaved(props.company, false);
    setBusy(true);
    try {
      const company = await send<CompanyCase>('/api/v1/company', 'PATCH', patch);
      props.onSaved(company, true);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        setErrors(Object.fromEntries(error.fields.map((f) => [f.field.replace(/^body\./, ''), f.message])));
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const errorCount = Object.values(errors).filter(Boolean).length;
  const legal = (field: 'legalName' | 'registrationNumber' | 'taxId', label: string, hint: string) => (
    <Field
      label={label}
      hint={props.legalLocked ? undefined : hint}
      error={errors[field]}
      value={values[field]}
      readOnly={props.legalLocked}
      required={!props.legalLocked}
      maxLength={PROFILE_LIMITS[field]}
      autoComplete={field === 'legalName' ? 'organization' : 'off'}
      onChange={(e) => set(field)(e.target.value)}
    />
  );

  return (
    <Card title={m.stepNames.profile!} subtitle={m.profileHint}>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label={m.stepNames.profile}>
        {props.legalLocked && <Notice tone="info">{m.lockedHint}</Notice>}
        {legal('legalName', m.legalName, m.legalNameHint)}
        <div className="field-pair">
          {legal('registrationNumber', m.registrationNumber, m.registrationNumberHint)}
          {legal('taxId', m.taxId, m.taxIdHint)}
        </div>
        <div className="field-pair">
          <Field
            label={m.website}
            hint={m.websiteHint}
            error={errors.website}
            type="url"
            inputMode="url"
            autoComplete="url"
            maxLength={PROFILE_LIMITS.website}
            value={values.website}
            onChange={(e) => set('website')(e.target.value)}
          />
          <Field
            label={m.foundedYear}
            hint={m.foundedYearHint}
            error={errors.foundedYear}
            inputMode="numeric"
            maxLength={4}
            value={values.foundedYear}
            onChange={(e) => set('foundedYear')(e.target.value)}
          />
        </div>
        <Field label={m.companyDescription} hint={m.companyDescriptionHint} error={errors.description}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={4}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              maxLength={PROFILE_LIMITS.description}
              value={values.description}
              onChange={(e) => set('description')(e.target.value)}
            />
          )}
        </Field>
        {errorCount > 0 && !refusal && (
          <Notice tone="negative" alert>
            {m.fixFields(errorCount)}
          </Notice>
        )}
        {refusal && (
          <Notice tone="negative" title={m.profileRefused} alert>
            {refusal}
          </Notice>
        )}
        <Button type="submit" busy={busy}>
          {busy ? m.saving : props.submitLabel}
        </Button>
      </form>
    </Card>
  );
}
