/**
 * Which notifications the person gets, per kind (the API's list, never one made up here) and channel. Edits stay
 * on the page until saved; the save sends only the kinds that changed and shows the API's answer, which is the
 * whole set as stored.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Card, DataTable, Notice } from '../components/index.ts';
import { messageOf, useApi, useApiSend } from '../data/useApi.ts';
import { accountMessages as m } from './messages.ts';
import { changedPreferences, withChannel, type Channel, type NotificationPreference } from './preferences.ts';

const PATH = '/api/v1/notifications/preferences';
type Preferences = { items: NotificationPreference[] };

/** A kind's name in the page's language; a kind the API added since this catalog was written keeps its id. */
const kindName = (kind: string) => m.kindNames[kind] ?? kind;

export function NotificationsCard() {
  const stored = useApi<Preferences>(PATH);
  const send = useApiSend();
  const [edited, setEdited] = useState<NotificationPreference[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (stored.data) setEdited(stored.data.items);
  }, [stored.data]);

  const toggle = (kind: string, channel: Channel, on: boolean) => {
    setOutcome(null);
    setEdited((rows) => rows && withChannel(rows, kind, channel, on));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!stored.data || !edited) return;
    const items = changedPreferences(stored.data.items, edited);
    if (items.length === 0) return setOutcome({ ok: true, text: m.nothingToSave });
    setBusy(true);
    setOutcome(null);
    try {
      stored.set(await send<Preferences>(PATH, 'PUT', { items }));
      setOutcome({ ok: true, text: m.saved });
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const box = (row: NotificationPreference, channel: Channel, label: string) => (
    <input
      type="checkbox"
      className="account-check"
      aria-label={label}
      checked={row[channel]}
      onChange={(e) => toggle(row.kind, channel, e.target.checked)}
    />
  );

  return (
    <Card title={m.notifications} subtitle={m.notificationsHint}>
      {stored.error ? (
        <Notice tone="negative" title={m.loadError} alert>
          {messageOf(stored.error)}
        </Notice>
      ) : (
        <form className="stack account-notifications" onSubmit={(e) => void save(e)}>
          <DataTable<NotificationPreference>
            caption={m.notificationsTable}
            captionHidden
            rows={edited}
            rowKey={(row) => row.kind}
            columns={[
              {
                key: 'kind',
                header: m.kind,
                render: (row) => (
                  <span className="account-kind">
                    <span>{kindName(row.kind)}</span>
                    {m.kindHints[row.kind] && <span className="muted">{m.kindHints[row.kind]}</span>}
                  </span>
                ),
              },
              {
                key: 'inApp',
                header: m.inApp,
                render: (row) => box(row, 'inApp', m.inAppOf(kindName(row.kind))),
              },
              {
                key: 'email',
                header: m.byEmail,
                render: (row) => box(row, 'email', m.emailOf(kindName(row.kind))),
              },
            ]}
          />
          {outcome && (
            <Notice
              tone={outcome.ok ? 'positive' : 'negative'}
              title={outcome.ok ? undefined : m.notSaved}
              alert
            >
              {outcome.text}
            </Notice>
          )}
          <div className="button-row">
            <Button type="submit" busy={busy} disabled={!edited}>
              {m.save}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
