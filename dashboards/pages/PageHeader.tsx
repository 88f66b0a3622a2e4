import { useEffect } from 'react';

/** The title of a dashboard page, the document title, and the "live" hint. */
export function PageHeader(props: { title: string; description: string }) {
  useEffect(() => {
    document.title = `${props.title} - Wholesail`;
  }, [props.title]);
  return (
    <div className="page-header">
      <div>
        <h1>{props.title}</h1>
        <p>{props.description}</p>
      </div>
      <span className="live-indicator">Live: updates every 2 seconds</span>
    </div>
  );
}
