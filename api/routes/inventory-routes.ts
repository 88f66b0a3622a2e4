/** Inventory HTTP: a manufacturer's locations, stock levels, movement history and manual movements. */
import { z } from 'zod';
import type { InventoryService } from '../../marketplace/inventory/inventory-service.ts';
import type { ApiDefinition } from '../openapi.ts';
import { pageQuery } from './pagination.ts';

const location = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    country: z.string(),
    city: z.string(),
    createdAt: z.string(),
  })
  .openapi('WarehouseLocation');
const level = z
  .object({
    productId: z.string(),
    variantId: z.string(),
    sku: z.string(),
    locationId: z.string(),
    locationCode: z.string().optional(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
  })
  .openapi('StockLevel');

export function registerInventoryRoutes(api: ApiDefinition, deps: { inventory: InventoryService }) {
  const { inventory } = deps;
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/inventory/locations',
      summary: "Your company's warehouse locations",
      tag: 'inventory',
      auth: true,
      response: z.object({ items: z.array(location) }),
    },
    async ({ principal }) => ({ items: await inventory.listLocations(principal) }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/inventory/locations',
      summary: 'Add a warehouse location',
      tag: 'inventory',
      auth: true,
      body: z
        .object({
          code: z
            .string()
            .regex(/^[A-Z0-9_-]{1,20}$/, { message: 'must be 1-20 capital letters, digits, "_" or "-"' }),
          name: z.string().trim().min(1).max(100),
          country: z.string().regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code' }),
          city: z.string().trim().min(1).max(100),
        })
        .strict(),
      status: 201,
      response: location,
    },
    async ({ principal, body }) => inventory.addLocation(principal, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/inventory/levels',
      summary: 'Stock per variant and location (on hand, reserved, available)',
      tag: 'inventory',
      auth: true,
      query: z
        .object({ productId: z.uuid({ message: 'must be a product id (UUID)' }).optional() })
        .extend(pageQuery.shape)
        .strict(),
      response: z.object({ items: z.array(level) }),
    },
    async ({ principal, query }) => ({ items: await inventory.levels(principal, query) }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/inventory/movements',
      summary: 'The movement history, newest first: every level is the sum of these',
      tag: 'inventory',
      auth: true,
      query: z
        .object({ variantId: z.uuid({ message: 'must be a variant id (UUID)' }).optional() })
        .extend(pageQuery.shape)
        .strict(),
      response: z.object({
        items: z.array(
          z.object({
            id: z.string(),
            productId: z.string(),
            variantId: z.string(),
            locationId: z.string(),
            kind: z.enum(['receipt', 'adjustment', 'reservation', 'release', 'sale', 'cancellation']),
            onHandDelta: z.number().int(),
            reservedDelta: z.number().int(),
            reference: z.string().nullable(),
            note: z.string().nullable(),
            actorUserId: z.string().nullable(),
            occurredAt: z.string(),
          }),
        ),
      }),
    },
    async ({ principal, query }) => ({ items: await inventory.movements(principal, query) }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/inventory/movements',
      summary: 'Record a receipt, adjustment (signed), reservation or release; sales come from orders',
      tag: 'inventory',
      auth: true,
      body: z
        .object({
          variantId: z.uuid({ message: 'must be a variant id (UUID)' }),
          locationId: z.uuid({ message: 'must be a location id (UUID)' }).optional(),
          kind: z.enum(['receipt', 'adjustment', 'reservation', 'release']),
          quantity: z.number().int().min(-1_000_000_000).max(1_000_000_000),
          note: z.string().max(500).optional(),
        })
        .strict()
        .openapi('StockMovementRequest'),
      status: 201,
      response: level,
    },
    async ({ principal, body }) => inventory.recordMovement(principal, body),
  );
}
