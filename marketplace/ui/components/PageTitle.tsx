import { useEffect, type ReactNode } from 'react';

/** A page's h1 with its one-line description and actions; it also sets the document title. */
export function PageTitle(props: { title: string; description?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${props.title} - Wholesail`;
  }, [props.title]);
  return (
    <div className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.description && <p>{props.description}</p>}
      </div>
      {props.actions && <div className="page-header__actions">{props.actions}</div>}
    </div>
  );
}
