/**
 * Step 2: the registered address (exactly one, required, frozen like the legal details once verified) and any
 * operations or warehouse addresses. Each change goes to the API at once; the list is re-read after it.
 */
import { useState } from 'react';
import { Button, Card, EmptyState, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { AddressForm, valuesOf } from './AddressForm.tsx';
import { AddressList } from './CaseFacts.tsx';
import { verificationMessages as m } from './messages.ts';
import type { AddressKind, CompanyAddress, CompanyCase } from './types.ts';

const ALL_KINDS: AddressKind[] = ['registered', 'operations', 'warehouse'];
type Outcome = { ok: boolean; title?: string; text: string } | null;

export function AddressesStep(props: {
  company: CompanyCase;
  registeredLocked: boolean;
  onChanged: () => Promise<void>;
}) {
  const send = useApiSend();
  const addresses = props.company.addresses;
  const hasRegistered = addresses.some((a) => a.kind === 'registered');
  // The form is open from the start while the required registered address is missing.
  const [editing, setEditing] = useState<CompanyAddress | 'new' | null>(hasRegistered ? null : 'new');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const kindsFor = (address: CompanyAddress | null): AddressKind[] => {
    if (address?.kind === 'registered') return ['registered'];
    const registeredFree = !hasRegistered && !props.registeredLocked;
    return ALL_KINDS.filter((k) => k !== 'registered' || registeredFree);
  };
  const label = (kind: string) => m.addressKind[kind as AddressKind] ?? kind;

  const save = async (body: { kind: string }, address: CompanyAddress | null) => {
    if (address) await send(`/api/v1/company/addresses/${address.id}`, 'PATCH', body);
    else await send('/api/v1/company/addresses', 'POST', body);
    setEditing(null);
    setOutcome({ ok: true, text: m.addressSaved(label(body.kind)) });
    await props.onChanged();
  };

  const remove = async (address: CompanyAddress) => {
    setBusy(address.id);
    setOutcome(null);
    try {
      await send(`/api/v1/company/addresses/${address.id}`, 'DELETE');
      setOutcome({ ok: true, text: m.addressRemoved(label(address.kind)) });
      await props.onChanged();
    } catch (error) {
      setOutcome({ ok: false, title: m.removeRefused, text: messageOf(error) });
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  };

  const actions = (a: CompanyAddress) => {
    if (a.kind === 'registered' && props.registeredLocked)
      return <p className="small-note">{m.registeredLocked}</p>;
    if (confirming === a.id)
      return (
        <div className="kyb-confirm">
          <p>{m.confirmRemove(label(a.kind))}</p>
          <div className="button-row">
            <Button variant="secondary" busy={busy === a.id} onClick={() => void remove(a)}>
              {m.confirm}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              {m.cancel}
            </Button>
          </div>
        </div>
      );
    return (
      <div className="button-row">
        <Button
          variant="secondary"
          aria-label={m.editOf(label(a.kind))}
          onClick={() => {
            setOutcome(null);
            setEditing(a);
          }}
        >
          {m.edit}
        </Button>
        <Button variant="ghost" aria-label={m.removeOf(label(a.kind))} onClick={() => setConfirming(a.id)}>
          {m.remove}
        </Button>
      </div>
    );
  };

  const editingAddress = editing === 'new' ? null : editing;
  return (
    <Card title={m.stepNames.addresses!} subtitle={m.addressesHint}>
      <div aria-live="polite">{outcome?.ok && <Notice tone="positive">{outcome.text}</Notice>}</div>
      {outcome && !outcome.ok && (
        <Notice tone="negative" title={outcome.title} alert>
          {outcome.text}
        </Notice>
      )}
      <AddressList
        addresses={addresses}
        actions={actions}
        empty={<EmptyState title={m.noAddresses}>{m.noAddressesHint}</EmptyState>}
      />
      {editing ? (
        <AddressForm
          key={editingAddress?.id ?? 'new'}
          title={editingAddress ? m.editAddress(label(editingAddress.kind)) : m.addAddress}
          initial={valuesOf(editingAddress, hasRegistered ? 'operations' : 'registered')}
          kinds={kindsFor(editingAddress)}
          submitLabel={editingAddress ? m.saveAddress : m.addAddressButton}
          onSubmit={(body) => save(body, editingAddress)}
          onCancel={addresses.length > 0 ? () => setEditing(null) : undefined}
        />
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            setOutcome(null);
            setEditing('new');
          }}
        >
          {m.addAddress}
        </Button>
      )}
    </Card>
  );
}
