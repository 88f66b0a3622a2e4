/**
 * A product's images: the uploads shown as pictures, links and older storage keys as placeholders (the page's
 * Content-Security-Policy loads images from Wholesail only), an uploader and a delete per upload. Uploads go as
 * the raw file body with its own Content-Type; the API checks the bytes and answers in its own words when it
 * refuses (not an image, too large, too many). A draft's images are not public, so each is fetched with the
 * session and shown from an object URL.
 */
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, Card, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { ProductImage as Placeholder } from '../storefront/ProductImage.tsx';
import { productFormMessages as m } from './messages.ts';
import type { SellerProduct } from './types.ts';

const UPLOAD = /^\/api\/v1\/product-images\/([0-9a-f-]{36})$/;
const ACCEPT = 'image/jpeg,image/png,image/webp';

function AuthImage(props: { src: string; alt: string }) {
  const { session } = useSession();
  const [url, setUrl] = useState<string | null>(null);
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
      .catch(() => undefined);
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.src, session]);
  return url ? (
    <img className="seller-image__img" src={url} alt={props.alt} />
  ) : (
    <div className="seller-image__img ws-skeleton" role="img" aria-label={props.alt} />
  );
}

export function ProductImages(props: { product: SellerProduct; onChange: (p: SellerProduct) => void }) {
  const { product } = props;
  const { session } = useSession();
  const send = useApiSend();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; title?: string; text: string } | null>(null);

  const refresh = async () =>
    props.onChange(await send<SellerProduct>(`/api/v1/catalog/products/${product.id}`, 'GET'));

  const upload = async (file: File) => {
    setBusy('upload');
    setOutcome(null);
    try {
      await session.fetchOk(`/api/v1/catalog/products/${product.id}/images`, {
        method: 'POST',
        // The type the browser read from the file name; the API checks it against the bytes.
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      await refresh();
      setOutcome({ ok: true, text: m.uploaded });
    } catch (error) {
      setOutcome({ ok: false, title: m.uploadRefused, text: messageOf(error) });
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };

  /** Delete and reorder answer the product as stored. */
  const change = async (key: string, request: () => Promise<SellerProduct>, done: string) => {
    setBusy(key);
    setOutcome(null);
    try {
      props.onChange(await request());
      setOutcome({ ok: true, text: done });
    } catch (error) {
      setOutcome({ ok: false, title: m.imageRefused, text: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };
  const remove = (imageId: string, n: number) =>
    change(
      imageId,
      () => send<SellerProduct>(`/api/v1/catalog/products/${product.id}/images/${imageId}`, 'DELETE'),
      m.imageRemoved(n),
    );
  const makeCover = (src: string, n: number) =>
    change(
      `cover-${src}`,
      () =>
        send<SellerProduct>(`/api/v1/catalog/products/${product.id}/images/order`, 'POST', {
          order: [src, ...product.images.filter((x) => x !== src)],
        }),
      m.coverChanged(n),
    );

  return (
    <Card title={m.images} subtitle={m.imagesHint}>
      {product.images.length === 0 ? (
        <p className="muted">{m.noImages}</p>
      ) : (
        <ul className="seller-images">
          {product.images.map((src, i) => {
            const uploadId = UPLOAD.exec(src)?.[1];
            const alt = m.imageAlt(product.name, i + 1);
            return (
              <li key={src} className="seller-image">
                {uploadId ? (
                  <AuthImage src={src} alt={alt} />
                ) : (
                  <Placeholder name={product.name} index={i} label={alt} />
                )}
                <div className="seller-image__actions">
                  {i === 0 ? (
                    <span className="muted">{m.cover}</span>
                  ) : (
                    <Button
                      variant="ghost"
                      busy={busy === `cover-${src}`}
                      aria-label={m.makeCoverOf(i + 1)}
                      onClick={() => void makeCover(src, i + 1)}
                    >
                      {m.makeCover}
                    </Button>
                  )}
                  {uploadId && (
                    <Button
                      variant="ghost"
                      busy={busy === uploadId}
                      aria-label={m.removeImage(i + 1)}
                      onClick={() => void remove(uploadId, i + 1)}
                    >
                      {m.remove}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {outcome && (
        <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.title} alert>
          {outcome.text}
        </Notice>
      )}
      <label className="ws-button ws-button--secondary file-button">
        {busy === 'upload' ? m.uploading : m.uploadImage}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          disabled={busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
    </Card>
  );
}
