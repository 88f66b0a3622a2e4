/**
 * A button that downloads a file behind the API (PDF, CSV) with the signed-in session (data/download.ts), shows
 * that it is working, and says so in place when the API refuses.
 */
import { useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { Button } from '../components/index.ts';
import { downloadWithSession } from '../data/download.ts';
import { messageOf } from '../data/useApi.ts';

export function DownloadButton(props: {
  path: string;
  fileName: string;
  label: string;
  busyLabel: string;
  /** The accessible name when the visible label is not enough (a row's "PDF" button). */
  ariaLabel?: string;
  variant?: 'primary' | 'secondary' | 'ghost';
}) {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadWithSession(session, props.path, props.fileName);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="download-button">
      <Button
        variant={props.variant ?? 'secondary'}
        busy={busy}
        aria-label={props.ariaLabel}
        onClick={() => void download()}
      >
        {busy ? props.busyLabel : props.label}
      </Button>
      {error && (
        <span role="alert" className="download-button__error">
          {error}
        </span>
      )}
    </span>
  );
}
