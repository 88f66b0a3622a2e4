import type { ReactNode } from 'react';

/**
 * A message in the flow of the page. `alert` announces it at once (an error after a click); the default is
 * polite, for problems already on screen when it loads.
 */
export function Notice(props: {
  tone?: 'info' | 'warning' | 'negative' | 'positive';
  title?: string;
  alert?: boolean;
  id?: string;
  children?: ReactNode;
}) {
  return (
    <div
      className={`ws-notice ws-notice--${props.tone ?? 'info'}`}
      role={props.alert ? 'alert' : undefined}
      id={props.id}
    >
      {props.title && <p className="ws-notice__title">{props.title}</p>}
      {props.children && <div className="ws-notice__body">{props.children}</div>}
    </div>
  );
}
