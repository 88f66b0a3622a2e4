import type { ReactNode } from 'react';

/** A titled surface. The title is a real heading so screen-reader users can jump between cards. */
export function Card(props: {
  title?: string;
  subtitle?: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const headingId = props.title ? `card-${props.title.replace(/\W+/g, '-').toLowerCase()}` : undefined;
  return (
    <section className={['ws-card', props.className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      {(props.title || props.actions) && (
        <header className="ws-card__header">
          <div>
            {props.title && <h2 id={headingId}>{props.title}</h2>}
            {props.subtitle && <p className="ws-card__subtitle">{props.subtitle}</p>}
          </div>
          {props.actions}
        </header>
      )}
      {props.children}
    </section>
  );
}
