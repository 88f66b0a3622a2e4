/**
 * How a verification case reads when nobody is editing it: the profile as a definition list, the addresses, the
 * documents and the history. The seller's read-only summary, the wizard's review step and the admins' case page
 * all show these, so a reviewer reads exactly what the seller saw before submitting.
 */
import type { ReactNode } from 'react';
import { formatDateTime } from '../data/dates.ts';
import { formatLocale } from '../i18n/index.ts';
import { verificationMessages as m } from './messages.ts';
import type { CompanyAddress, CompanyCase, DocumentKind, KybDocument, KybHistoryEntry } from './types.ts';

// Country names in the app's language ("Deutschland" is "Alemania" in Spanish), not the browser's.
const regions = (() => {
  try {
    return new Intl.DisplayNames(formatLocale, { type: 'region' });
  } catch {
    return null;
  }
})();

export function countryLabel(code: string): string {
  let name: string | undefined;
  try {
    name = regions?.of(code);
  } catch {
    name = undefined;
  }
  return m.countryName(code, name);
}

export const documentKindLabel = (kind: string) => m.documentKind[kind as DocumentKind] ?? kind;

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** The legal and public profile; `legalHidden` when the reader may not see the identifiers (null from the API). */
export function ProfileFacts(props: { company: CompanyCase; legalHidden?: boolean }) {
  const c = props.company;
  const value = (v: string | number | null, hidden = false) =>
    v === null || v === '' ? <span className="muted">{hidden ? m.hiddenForRole : m.notGiven}</span> : v;
  return (
    <dl className="facts kyb-facts">
      <Fact term={m.legalName}>{value(c.legalName)}</Fact>
      <Fact term={m.registrationNumber}>{value(c.registrationNumber, props.legalHidden)}</Fact>
      <Fact term={m.taxId}>{value(c.taxId, props.legalHidden)}</Fact>
      <Fact term={m.website}>{value(c.website)}</Fact>
      <Fact term={m.foundedYear}>{value(c.foundedYear)}</Fact>
      <Fact term={m.companyDescription}>
        {c.description ? <span className="kyb-prose">{c.description}</span> : value(null)}
      </Fact>
    </dl>
  );
}

export function AddressText({ address: a }: { address: CompanyAddress }) {
  return (
    <address className="kyb-address__text">
      {a.line1}
      {a.line2 && (
        <>
          <br />
          {a.line2}
        </>
      )}
      <br />
      {[a.postalCode, a.city].filter(Boolean).join(' ')}
      {a.region && `, ${a.region}`}
      <br />
      {countryLabel(a.country)}
      {a.latitude !== null && a.longitude !== null && (
        <span className="muted kyb-address__coords">{m.coordinatesShown(a.latitude, a.longitude)}</span>
      )}
    </address>
  );
}

/** Addresses, the registered one first; `actions` adds buttons under each (the wizard's change and remove). */
export function AddressList(props: {
  addresses: CompanyAddress[];
  actions?: (address: CompanyAddress) => ReactNode;
  empty?: ReactNode;
}) {
  const sorted = [...props.addresses].sort(
    (a, b) => Number(b.kind === 'registered') - Number(a.kind === 'registered'),
  );
  if (sorted.length === 0) return <>{props.empty ?? <p className="muted">{m.noAddresses}</p>}</>;
  return (
    <ul className="kyb-addresses">
      {sorted.map((a) => (
        <li key={a.id} className="kyb-address" data-testid={`address-${a.kind}`}>
          <p className="kyb-address__kind">{m.addressKind[a.kind] ?? a.kind}</p>
          <AddressText address={a} />
          {props.actions?.(a)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Documents with their kind, name, size and time; `open` is how the reader gets the file (the seller downloads
 * it, an admin opens it in a new tab), both with the access token.
 */
export function DocumentList(props: {
  documents: KybDocument[];
  open: (doc: KybDocument) => void;
  openLabel: (doc: KybDocument) => string;
  actions?: (doc: KybDocument) => ReactNode;
  note?: (doc: KybDocument) => ReactNode;
  showKind?: boolean;
}) {
  if (props.documents.length === 0) return <p className="muted">{m.noDocuments}</p>;
  return (
    <ul className="kyb-documents">
      {props.documents.map((d) => (
        <li key={d.id} className="kyb-document" data-testid="kyb-document">
          <div className="kyb-document__main">
            {props.showKind && <span className="kyb-document__kind">{documentKindLabel(d.kind)}</span>}
            <button
              type="button"
              className="link-button"
              aria-label={props.openLabel(d)}
              onClick={() => props.open(d)}
            >
              {d.fileName}
            </button>
            <span className="muted">
              {m.size(d.sizeBytes)} · {m.uploadedAt(formatDateTime(d.uploadedAt))}
              {d.withdrawnAt && <> · {m.withdrawnAt(formatDateTime(d.withdrawnAt))}</>}
            </span>
            {props.note?.(d)}
          </div>
          {props.actions?.(d)}
        </li>
      ))}
    </ul>
  );
}

/** The case's history, oldest first: submissions and decisions with the reviewer's words. */
export function HistoryList(props: { entries: KybHistoryEntry[] }) {
  if (props.entries.length === 0) return null;
  return (
    <ol className="timeline" data-testid="kyb-history">
      {props.entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className="timeline__entry">
          <p className="timeline__status">{m.historyAction[e.action] ?? e.action}</p>
          <p className="muted">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            {e.by && <> · {m.by(e.by)}</>}
          </p>
          {e.reason && <p>{e.reason}</p>}
          {e.requestedDocuments.length > 0 && (
            <p>{m.requested(e.requestedDocuments.map(documentKindLabel).join(', '))}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
