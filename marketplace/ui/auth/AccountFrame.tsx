import { useEffect, useRef, type ReactNode } from 'react';
import { Card, Notice } from '../components/index.ts';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';
import { accountMessages as m } from './account-messages.ts';

/**
 * The frame of every public account page: the sign-in page's look (brand, language menu, one narrow card) with a
 * visible heading, since these pages, unlike sign-in, need saying what they are for.
 */
export function AccountFrame(props: {
  title: string;
  heading: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  useEffect(() => {
    document.title = props.title;
  }, [props.title]);
  return (
    <main className="login" id="main">
      <div className="login__panel">
        <LanguageSwitcher style={{ justifyContent: 'flex-end', marginBottom: 'var(--space-4)' }} />
        <p className="login__brand" aria-hidden="true">
          {m.brand}
        </p>
        <h1 style={{ fontSize: 'var(--text-xl)', margin: '0 0 var(--space-2)' }}>{props.heading}</h1>
        {props.lead && <p className="login__lead">{props.lead}</p>}
        <Card>{props.children}</Card>
        {props.footer && (
          <div className="account-footer" style={{ margin: 'var(--space-4) 0 0' }}>
            {props.footer}
          </div>
        )}
      </div>
    </main>
  );
}

/**
 * What went wrong, announced at once and focused so keyboard and screen-reader users land on it; `null` renders
 * nothing. The focus moves each time the message changes.
 */
export function ProblemNotice({ text }: { text: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <div ref={ref} tabIndex={-1} className="focus-target" style={{ marginBottom: 'var(--space-3)' }}>
      <Notice tone="negative" alert>
        {text}
      </Notice>
    </div>
  );
}

/**
 * A finished step (sent, confirmed, changed), with the way on under it. It takes the focus when it appears, which
 * reads it out: the form it replaces is gone, so a live region would be announced unreliably.
 */
export function DoneNotice({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="focus-target" data-testid="account-done">
      <Notice tone="positive" title={title}>
        {children}
      </Notice>
    </div>
  );
}
