import { useEffect, useState } from 'react';
import { Skeleton } from '../components/index.ts';
import { accountMessages as m } from './messages.ts';

type Drawn = { for: string; src: string } | { for: string; failed: true };

/**
 * The otpauth:// address as a QR code, drawn in the browser (the secret never goes to a third-party service).
 * The `qrcode` library is imported here, on first use, so it is a chunk of its own that only someone turning
 * two-factor on downloads. Drawn as SVG (sharp at any zoom) and shown as an image, which the page's CSP allows
 * from `data:`.
 */
export function QrCode({ text }: { text: string }) {
  const [drawn, setDrawn] = useState<Drawn | null>(null);

  useEffect(() => {
    let current = true;
    void import('qrcode')
      // A CommonJS package: the bundler hands its exports over as the default export.
      .then(async ({ default: qrcode }) => {
        const svg = await qrcode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
        if (current)
          setDrawn({ for: text, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch(() => {
        if (current) setDrawn({ for: text, failed: true });
      });
    return () => {
      current = false;
    };
  }, [text]);

  if (!drawn || drawn.for !== text) return <Skeleton height={200} width="200px" label={m.qrLoading} />;
  if ('failed' in drawn)
    return (
      <p className="form-error" role="alert">
        {m.qrFailed}
      </p>
    );
  return <img className="account-qr" src={drawn.src} alt={m.qrAlt} width={200} height={200} />;
}
