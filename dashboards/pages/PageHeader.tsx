import { useEffect } from 'react';
import { pageMessages as m } from './messages.ts';

/** The title of a dashboard page, the document title, and the "live" hint. */
export function PageHeader(props: { title: string; description: string }) {
  useEffect(() => {
    document.title = m.documentTitle(props.title);
  }, [props.title]);
  return (
    <div className="page-header">
      <div>
        <h1>{props.title}</h1>
        <p>{props.description}</p>
      </div>
      <span className="live-indicator">{m.live}</span>
    </div>
  );
}
