import { useEffect, useRef, useState } from 'react';
import { Button, Notice } from '../components/index.ts';
import { accountMessages as m } from './messages.ts';
import { recoveryCodesFile } from './two-factor.ts';

/**
 * The ten recovery codes the API hands out once, when two-factor is turned on: listed, with copy and download,
 * until the person says they have saved them. They are never fetched again (the API keeps only their hashes).
 */
export function RecoveryCodes(props: { email: string; codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const file = recoveryCodesFile(m.recoveryFile(props.email), props.codes);

  // The form that had the focus is gone: move it to what replaced it.
  useEffect(() => titleRef.current?.focus(), []);

  const copy = async () => {
    try {
      // Undefined outside a secure context: that throws here too, and the person is told to copy by hand.
      await navigator.clipboard.writeText(props.codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([file], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'wholesail-recovery-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the URL is revoked.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className="stack">
      <h3 className="account-subtitle" tabIndex={-1} ref={titleRef}>
        {m.recoveryTitle}
      </h3>
      <p className="account-explain">{m.recoveryExplain}</p>
      <ul className="account-recovery" aria-label={m.recoveryList} data-testid="recovery-codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {copied !== null && (
        <Notice tone={copied ? 'positive' : 'warning'} alert>
          {copied ? m.copied : m.copyFailed}
        </Notice>
      )}
      <div className="button-row">
        <Button variant="secondary" onClick={() => void copy()}>
          {m.copy}
        </Button>
        <Button variant="secondary" onClick={download}>
          {m.download}
        </Button>
        <Button onClick={props.onDone}>{m.savedThem}</Button>
      </div>
    </div>
  );
}
