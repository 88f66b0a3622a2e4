/**
 * A claim's photo. Evidence is only for the claim's parties and Wholesail, so the image is fetched with the
 * session's token (which never leaves memory) and shown from a short-lived object URL, as draft product images
 * are; the page's Content-Security-Policy allows blob: images.
 */
import { useEffect, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';

export function EvidenceImage(props: { src: string; alt: string }) {
  const { session } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let alive = true;
    void session
      .fetchOk(props.src)
      .then((r) => r.blob())
      .then((blob) => {
        if (!alive) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.src, session]);
  if (url) return <img className="claim-photo__img" src={url} alt={props.alt} />;
  return (
    <div
      className={`claim-photo__img${failed ? ' claim-photo__img--failed' : ' ws-skeleton'}`}
      role="img"
      aria-label={props.alt}
    />
  );
}
