/**
 * The team: members with their role, invitations, and the role templates. Owners and admins change roles,
 * remove members and invite; everyone else sees the same controls and, when they try, the API's refusal in its
 * own words (the API is the one that decides, including "nobody grants rights beyond their own").
 */
import '../styles/seller.css';
import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { Badge, Button, Card, DataTable, EmptyState, Field, Notice, PageTitle } from '../components/index.ts';
import { formatDate } from '../data/dates.ts';
import { messageOf, useApi, useApiSend } from '../data/useApi.ts';
import { roleMessages, teamMessages as m } from './messages.ts';
import type { Invitation, Member } from './types.ts';

/** A manufacturer's role templates, most rights first (marketplace/identity/roles.ts). */
const ROLES = ['owner', 'admin', 'catalog_manager', 'order_manager', 'finance', 'viewer'];
const roleName = (role: string) => roleMessages.names[role] ?? role;

type Outcome = { ok: boolean; title?: string; text: string } | null;

function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.title} alert>
      {outcome.text}
    </Notice>
  );
}

export default function TeamPage() {
  const { me } = useSession();
  const base = me ? `/api/v1/companies/${me.companyId}` : null;
  const members = useApi<{ items: Member[] }>(base && `${base}/members`);
  const invitations = useApi<{ items: Invitation[] }>(base && `${base}/invitations`);
  const canManage = Boolean(me?.permissions.includes('members:manage'));

  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      {me && !canManage && <Notice tone="info">{m.readOnly(roleName(me.role))}</Notice>}
      <div className="seller-editor">
        <div className="stack">
          <MembersCard
            base={base}
            members={members.data?.items ?? null}
            error={members.error}
            onChange={() => void members.reload()}
          />
          <InvitationsCard
            base={base}
            invitations={invitations.data?.items ?? null}
            error={invitations.error}
            onChange={() => void invitations.reload()}
          />
        </div>
        <div className="stack">
          <InviteCard base={base} onInvited={() => void invitations.reload()} />
          <Card title={m.roles} subtitle={m.rolesHint}>
            <dl className="role-list">
              {ROLES.map((r) => (
                <div key={r}>
                  <dt>{roleName(r)}</dt>
                  <dd>{roleMessages.rights[r]}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}

function MembersCard(props: {
  base: string | null;
  members: Member[] | null;
  error: unknown;
  onChange: () => void;
}) {
  const { me } = useSession();
  const send = useApiSend();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const act = async (member: Member, request: () => Promise<unknown>, ok: string, refused: string) => {
    setBusy(member.userId);
    setOutcome(null);
    try {
      await request();
      setOutcome({ ok: true, text: ok });
      props.onChange();
    } catch (error) {
      setOutcome({ ok: false, title: refused, text: messageOf(error) });
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  };

  const changeRole = (member: Member, role: string) =>
    void act(
      member,
      () => send(`${props.base}/members/${member.userId}`, 'PATCH', { role }),
      m.roleChanged(member.email, roleName(role)),
      m.roleRefused,
    );
  const remove = (member: Member) =>
    void act(
      member,
      () => send(`${props.base}/members/${member.userId}`, 'DELETE'),
      m.removed(member.email),
      m.removeRefused,
    );

  return (
    <Card title={m.members}>
      <OutcomeNotice outcome={outcome} />
      {props.error ? (
        <Notice tone="negative" title={m.loadError} alert>
          {messageOf(props.error)}
        </Notice>
      ) : (
        <DataTable<Member>
          caption={m.members}
          captionHidden
          rows={props.members}
          rowKey={(x) => x.userId}
          columns={[
            {
              key: 'email',
              header: m.email,
              render: (x) => (
                <span className="product-cell">
                  <span>
                    {x.email} {x.userId === me?.userId && <span className="muted">{m.you}</span>}
                  </span>
                  <span className="muted">{m.joinedOn(formatDate(x.joinedAt))}</span>
                </span>
              ),
            },
            {
              key: 'role',
              header: m.role,
              render: (x) =>
                x.userId === me?.userId ? (
                  roleName(x.role)
                ) : (
                  <select
                    aria-label={m.roleOf(x.email)}
                    className="table-select"
                    value={x.role}
                    disabled={busy === x.userId}
                    onChange={(e) => changeRole(x, e.target.value)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleName(r)}
                      </option>
                    ))}
                  </select>
                ),
            },
            {
              key: 'status',
              header: m.status,
              render: (x) => (
                <span className="badge-row">
                  <Badge tone={x.status === 'active' ? 'positive' : 'negative'}>
                    {x.status === 'active' ? m.active : m.suspended}
                  </Badge>
                  {!x.emailVerified && <Badge tone="warning">{m.unverified}</Badge>}
                  {x.twoFactor && <Badge tone="info">{m.twoFactor}</Badge>}
                </span>
              ),
            },
            {
              key: 'actions',
              header: m.actions,
              render: (x) =>
                x.userId === me?.userId ? null : confirming === x.userId ? (
                  <span className="confirm-row">
                    <span className="wrap">{m.confirmRemove(x.email)}</span>
                    <span className="button-row">
                      <Button busy={busy === x.userId} onClick={() => remove(x)}>
                        {m.confirm}
                      </Button>
                      <Button variant="secondary" onClick={() => setConfirming(null)}>
                        {m.cancel}
                      </Button>
                    </span>
                  </span>
                ) : (
                  <Button
                    variant="secondary"
                    aria-label={m.removeOf(x.email)}
                    onClick={() => setConfirming(x.userId)}
                  >
                    {m.remove}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function InviteCard(props: { base: string | null; onInvited: () => void }) {
  const send = useApiSend();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('viewer');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    // The API's own check is the real one; this only catches what is plainly not an address.
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return setErrors({ email: m.emailInvalid });
    setErrors({});
    setBusy(true);
    setOutcome(null);
    try {
      const invitation = await send<Invitation>(`${props.base}/invitations`, 'POST', {
        email: address,
        role,
      });
      setOutcome({ ok: true, text: m.invited(invitation.email) });
      setEmail('');
      props.onInvited();
    } catch (error) {
      if (error instanceof ApiError)
        setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
      setOutcome({ ok: false, title: m.inviteRefused, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={m.invite} subtitle={m.inviteHint}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={m.invite}>
        <Field
          label={m.inviteEmail}
          type="email"
          autoComplete="off"
          maxLength={254}
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field label={m.inviteRole} error={errors.role}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={role}
              onChange={(e) => setRole(e.target.value)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <OutcomeNotice outcome={outcome} />
        <Button type="submit" busy={busy}>
          {busy ? m.sending : m.send}
        </Button>
      </form>
    </Card>
  );
}

function InvitationsCard(props: {
  base: string | null;
  invitations: Invitation[] | null;
  error: unknown;
  onChange: () => void;
}) {
  const send = useApiSend();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const revoke = async (invitation: Invitation) => {
    setBusy(invitation.id);
    setOutcome(null);
    try {
      await send(`${props.base}/invitations/${invitation.id}`, 'DELETE');
      setOutcome({ ok: true, text: m.revoked(invitation.email) });
      props.onChange();
    } catch (error) {
      setOutcome({ ok: false, title: m.revokeRefused, text: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={m.invitations}>
      <OutcomeNotice outcome={outcome} />
      {props.error ? (
        <Notice tone="negative" title={m.invitationsError}>
          {messageOf(props.error)}
        </Notice>
      ) : (
        <DataTable<Invitation>
          caption={m.invitations}
          captionHidden
          rows={props.invitations}
          rowKey={(i) => i.id}
          empty={<EmptyState title={m.invitationsEmpty}>{m.invitationsEmptyHint}</EmptyState>}
          columns={[
            {
              key: 'email',
              header: m.email,
              render: (i) => (
                <span className="product-cell">
                  <span>{i.email}</span>
                  <span className="muted">{roleName(i.role)}</span>
                </span>
              ),
            },
            {
              key: 'status',
              header: m.status,
              render: (i) => (
                <Badge
                  tone={i.status === 'pending' ? 'info' : i.status === 'accepted' ? 'positive' : 'neutral'}
                >
                  {m.invitationStatus[i.status] ?? i.status}
                </Badge>
              ),
            },
            {
              key: 'dates',
              header: m.sent,
              // Sent and expiry in one cell keep the table narrow enough for a phone.
              render: (i) => (
                <span className="order-cell">
                  <span>{formatDate(i.createdAt)}</span>
                  <span className="muted">{m.expiresOn(formatDate(i.expiresAt))}</span>
                </span>
              ),
            },
            {
              key: 'actions',
              header: m.actions,
              render: (i) =>
                i.status === 'pending' ? (
                  <Button
                    variant="secondary"
                    busy={busy === i.id}
                    aria-label={m.revokeOf(i.email)}
                    onClick={() => void revoke(i)}
                  >
                    {m.revoke}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
