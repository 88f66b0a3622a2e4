/**
 * Create a product (`/products/new`) or edit one (`/products/:id`). A new product is one request with all its
 * variants, saved as a draft or published at once. A saved product changes its details (PATCH), each variant
 * (VariantEditor.tsx), its images (ProductImages.tsx) and its status (ProductStatusCard.tsx) separately, since
 * each is its own request that either happens or not. Publishing shows the API's own reason when it is refused
 * (company not verified, plan limit).
 */
import '../styles/seller.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../auth/session.ts';
import { Button, Card, EmptyState, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { messageOf, useApi, useApiSend } from '../data/useApi.ts';
import { FormOutcome, focusFirstInvalid, notSent, refused, type Outcome } from './FormOutcome.tsx';
import { productFormMessages as m } from './messages.ts';
import {
  draftFromProduct,
  emptyDraft,
  errorsFromApi,
  newProductBody,
  productPatch,
  type FormErrors,
  type ProductDraft,
} from './product-form.ts';
import { ProductFields } from './ProductFields.tsx';
import { ProductImages } from './ProductImages.tsx';
import { ProductStatusCard } from './ProductStatusCard.tsx';
import type { SellerProduct } from './types.ts';
import { VariantEditor } from './VariantEditor.tsx';
import { NewProductVariants } from './VariantFields.tsx';

export default function ProductEditorPage() {
  const { id } = useParams();
  return id ? <EditProduct id={id} /> : <NewProduct />;
}

function NewProduct() {
  const send = useApiSend();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ProductDraft>(emptyDraft);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<'draft' | 'published' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const save = async (status: 'draft' | 'published') => {
    const checked = newProductBody(draft, status);
    setErrors(checked.errors);
    if (!checked.value) {
      setOutcome(notSent(checked.errors));
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(status);
    setOutcome(null);
    try {
      const product = await send<SellerProduct>('/api/v1/products', 'POST', checked.value);
      navigate(`/products/${product.id}`, {
        state: { flash: status === 'published' ? m.created(product.name) : m.createdDraft(product.name) },
      });
    } catch (error) {
      const found = error instanceof ApiError ? errorsFromApi(error.fields, draft.optionNames) : {};
      setErrors(found);
      setOutcome(refused(error, found));
      focusFirstInvalid(form.current);
    } finally {
      setBusy(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save('published');
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/products">{m.back}</Link>
      </p>
      <PageTitle title={m.newTitle} description={m.newDescription} />
      <form ref={form} className="stack" onSubmit={submit} noValidate aria-label={m.newTitle}>
        <Card title={m.details}>
          <ProductFields draft={draft} errors={errors} creating onChange={setDraft} />
        </Card>
        <Card title={m.variants} subtitle={m.variantsHint}>
          <NewProductVariants draft={draft} errors={errors} onChange={setDraft} />
        </Card>
        {/* Next to the buttons, where the person who pressed one is looking. */}
        <FormOutcome outcome={outcome} />
        <div className="button-row form-actions">
          <Button type="submit" busy={busy === 'published'} disabled={busy !== null}>
            {busy === 'published' ? m.saving : m.savePublish}
          </Button>
          <Button
            variant="secondary"
            busy={busy === 'draft'}
            disabled={busy !== null}
            onClick={() => void save('draft')}
          >
            {busy === 'draft' ? m.saving : m.saveDraft}
          </Button>
        </div>
      </form>
    </>
  );
}

function EditProduct({ id }: { id: string }) {
  const product = useApi<SellerProduct>(`/api/v1/catalog/products/${id}`);
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;

  if (product.error)
    return (
      <>
        <p className="breadcrumb">
          <Link to="/products">{m.back}</Link>
        </p>
        <Card>
          {product.error instanceof ApiError && product.error.status === 404 ? (
            <EmptyState title={m.notFound} />
          ) : (
            <Notice tone="negative" title={m.loadError} alert>
              {messageOf(product.error)}
            </Notice>
          )}
        </Card>
      </>
    );
  if (!product.data)
    return (
      <div className="stack">
        <Skeleton height={32} width="40%" label={m.loading} />
        <Skeleton height={240} />
      </div>
    );
  return (
    <EditForm key={product.data.id} product={product.data} flash={flash} onSaved={(p) => product.set(p)} />
  );
}

function EditForm(props: { product: SellerProduct; flash?: string; onSaved: (p: SellerProduct) => void }) {
  const { product } = props;
  const send = useApiSend();
  const [draft, setDraft] = useState<ProductDraft>(() => draftFromProduct(product));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [flash] = useState(props.flash);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // The "created" message is for this visit only, not for a reload.
    if (props.flash) window.history.replaceState({}, '');
  }, [props.flash]);

  const saveDetails = async (event: FormEvent) => {
    event.preventDefault();
    const checked = productPatch(draft, product);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) {
      setOutcome(notSent(checked.errors));
      return focusFirstInvalid(form.current);
    }
    if (!checked.value) return setOutcome({ ok: true, text: m.nothingChanged });
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await send<SellerProduct>(
        `/api/v1/catalog/products/${product.id}`,
        'PATCH',
        checked.value,
      );
      props.onSaved(saved);
      setDraft(draftFromProduct(saved));
      setOutcome({ ok: true, text: m.detailsSaved });
    } catch (error) {
      const found = error instanceof ApiError ? errorsFromApi(error.fields, draft.optionNames) : {};
      setErrors(found);
      setOutcome(refused(error, found));
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/products">{m.back}</Link>
      </p>
      <PageTitle title={product.name} description={m.editDescription} />
      {flash && <Notice tone="positive">{flash}</Notice>}
      <div className="seller-editor seller-editor--side-first">
        <div className="stack">
          <form ref={form} onSubmit={(e) => void saveDetails(e)} noValidate aria-label={m.details}>
            <Card title={m.details}>
              <ProductFields draft={draft} errors={errors} creating={false} onChange={setDraft} />
              <FormOutcome outcome={outcome} />
              <div className="button-row form-actions">
                <Button type="submit" busy={busy}>
                  {busy ? m.saving : m.saveDetails}
                </Button>
              </div>
            </Card>
          </form>
          <Card title={m.variants} subtitle={m.variantsHint}>
            <VariantEditor product={product} onChange={props.onSaved} />
          </Card>
        </div>
        <div className="stack">
          <ProductStatusCard product={product} onChange={props.onSaved} />
          <ProductImages product={product} onChange={props.onSaved} />
        </div>
      </div>
    </>
  );
}
