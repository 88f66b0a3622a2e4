/**
 * Inventory: stock per variant and location, the form to record a receipt or adjustment, the locations, and
 * the movement history every level is the sum of. `?product=<id>` narrows the page to one product (the
 * product page links here), which also offers its variants that have no stock yet.
 */
import '../styles/seller.css';
import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Badge,
  Button,
  Card,
  DataTable,
  EmptyState,
  Notice,
  PageTitle,
  PrevNext,
} from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { formatNumber } from '../i18n/index.ts';
import { LocationsCard } from './LocationsCard.tsx';
import { inventoryMessages as m } from './messages.ts';
import { MovementForm, type MovementPreset, type VariantChoice } from './MovementForm.tsx';
import type { SellerProduct, StockLevel, StockMovement, WarehouseLocation } from './types.ts';
import { usePagedApi } from './usePagedApi.ts';
import { useProductLookup } from './useProductLookup.ts';

const LEVELS_PAGE = 25;
const MOVEMENTS_PAGE = 20;

const optionText = (options: Record<string, string>) => Object.values(options).join(' / ');

export default function InventoryPage() {
  const [params, setParams] = useSearchParams();
  const productId = params.get('product');
  const variantParam = params.get('variant');
  const product = useApi<SellerProduct>(productId ? `/api/v1/catalog/products/${productId}` : null);
  const locations = useApi<{ items: WarehouseLocation[] }>('/api/v1/inventory/locations');
  const levels = usePagedApi<StockLevel>(
    `/api/v1/inventory/levels${productId ? `?productId=${productId}` : ''}`,
    LEVELS_PAGE,
  );
  const movements = usePagedApi<StockMovement>('/api/v1/inventory/movements', MOVEMENTS_PAGE);
  const names = useProductLookup([
    ...(levels.rows ?? []).map((l) => l.productId),
    ...(movements.rows ?? []).map((mv) => mv.productId),
  ]);
  const [preset, setPreset] = useState<MovementPreset | null>(
    variantParam ? { variantId: variantParam, seq: 0 } : null,
  );
  const formRef = useRef<HTMLDivElement>(null);

  const locationCode = (id: string) => locations.data?.items.find((l) => l.id === id)?.code ?? '…';
  const productName = (id: string) => names[id]?.name ?? (names[id] === null ? '—' : '…');
  const skuOf = (mv: StockMovement) =>
    names[mv.productId]?.variants.find((v) => v.id === mv.variantId)?.sku ??
    levels.rows?.find((l) => l.variantId === mv.variantId)?.sku ??
    '…';

  /** The variants the form offers: the chosen product's (even those without stock), else those on screen. */
  const choices = useMemo<VariantChoice[]>(() => {
    if (product.data)
      return product.data.variants.map((v) => ({
        id: v.id,
        label: [v.sku, optionText(v.options)].filter(Boolean).join(' · '),
      }));
    const seen = new Map<string, VariantChoice>();
    for (const l of levels.rows ?? [])
      if (!seen.has(l.variantId))
        seen.set(l.variantId, {
          id: l.variantId,
          label: [l.sku, names[l.productId]?.name].filter(Boolean).join(' · '),
        });
    if (preset && !seen.has(preset.variantId))
      seen.set(preset.variantId, { id: preset.variantId, label: '…' });
    return [...seen.values()];
  }, [product.data, levels.rows, names, preset]);

  const recordFor = (l: StockLevel) => {
    setPreset((p) => ({ variantId: l.variantId, locationId: l.locationId, seq: (p?.seq ?? 0) + 1 }));
    formRef.current?.scrollIntoView({ block: 'start' });
  };

  const recorded = () => {
    void levels.reload();
    void movements.reload();
    // The first movement creates the MAIN location.
    void locations.reload();
  };

  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      {productId && (
        <Notice tone="info" title={m.forProduct(product.data?.name ?? '…')}>
          <p>
            <Button variant="secondary" onClick={() => setParams({})}>
              {m.allProducts}
            </Button>
          </p>
        </Notice>
      )}
      <div className="seller-editor">
        <Card title={m.levels}>
          {levels.error ? (
            <Notice tone="negative" title={m.loadError} alert>
              {messageOf(levels.error)}
            </Notice>
          ) : (
            <DataTable<StockLevel>
              caption={m.levels}
              captionHidden
              rows={levels.rows}
              rowKey={(l) => `${l.variantId}-${l.locationId}`}
              empty={<EmptyState title={m.levelsEmpty}>{m.levelsEmptyHint}</EmptyState>}
              columns={[
                {
                  key: 'product',
                  header: m.product,
                  render: (l) => (
                    <span className="product-cell">
                      <Link to={`/products/${l.productId}`}>{productName(l.productId)}</Link>
                      <span className="muted">{l.sku}</span>
                    </span>
                  ),
                },
                {
                  key: 'location',
                  header: m.location,
                  render: (l) => l.locationCode ?? locationCode(l.locationId),
                },
                { key: 'onHand', header: m.onHand, numeric: true, render: (l) => formatNumber(l.onHand) },
                {
                  key: 'reserved',
                  header: m.reserved,
                  numeric: true,
                  render: (l) => formatNumber(l.reserved),
                },
                {
                  key: 'available',
                  header: m.available,
                  numeric: true,
                  render: (l) => <span data-testid={`available-${l.sku}`}>{formatNumber(l.available)}</span>,
                },
                {
                  key: 'actions',
                  header: m.actions,
                  render: (l) => (
                    <Button
                      variant="secondary"
                      aria-label={m.recordFor(l.sku, l.locationCode ?? locationCode(l.locationId))}
                      onClick={() => recordFor(l)}
                    >
                      {m.record}
                    </Button>
                  ),
                },
              ]}
            />
          )}
          <PrevNext
            label={m.pages(m.levels)}
            offset={levels.offset}
            limit={LEVELS_PAGE}
            hasNext={levels.hasNext}
            onChange={levels.setOffset}
          />
        </Card>
        <div className="stack">
          <div ref={formRef} className="scroll-target">
            <Card title={m.movementTitle}>
              <MovementForm
                variants={choices}
                locations={locations.data?.items ?? []}
                preset={preset}
                onRecorded={recorded}
              />
            </Card>
          </div>
          <LocationsCard
            locations={locations.data?.items ?? (locations.error ? [] : null)}
            error={locations.error}
            onAdded={() => void locations.reload()}
          />
        </div>
      </div>
      <Card title={m.history}>
        {movements.error ? (
          <Notice tone="negative" title={m.loadError}>
            {messageOf(movements.error)}
          </Notice>
        ) : (
          <DataTable<StockMovement>
            caption={m.history}
            captionHidden
            rows={movements.rows}
            rowKey={(mv) => mv.id}
            empty={<EmptyState title={m.historyEmpty}>{m.historyEmptyHint}</EmptyState>}
            columns={[
              {
                key: 'when',
                header: m.when,
                render: (mv) => <time dateTime={mv.occurredAt}>{formatDateTime(mv.occurredAt)}</time>,
              },
              {
                key: 'product',
                header: m.product,
                render: (mv) => (
                  <span className="product-cell">
                    <span>{productName(mv.productId)}</span>
                    <span className="muted">{skuOf(mv)}</span>
                  </span>
                ),
              },
              { key: 'location', header: m.location, render: (mv) => locationCode(mv.locationId) },
              { key: 'kind', header: m.kind, render: (mv) => <Badge>{m.kinds[mv.kind] ?? mv.kind}</Badge> },
              { key: 'change', header: m.change, numeric: true, render: (mv) => m.signed(mv.onHandDelta) },
              {
                key: 'reserved',
                header: m.reservedChange,
                numeric: true,
                render: (mv) => m.signed(mv.reservedDelta),
              },
              {
                key: 'note',
                header: m.reference,
                render: (mv) => (
                  <span className="wrap">{[mv.reference, mv.note].filter(Boolean).join(' · ')}</span>
                ),
              },
            ]}
          />
        )}
        <PrevNext
          label={m.pages(m.history)}
          offset={movements.offset}
          limit={MOVEMENTS_PAGE}
          hasNext={movements.hasNext}
          onChange={movements.setOffset}
        />
      </Card>
    </>
  );
}
