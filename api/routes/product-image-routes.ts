/**
 * Product images: the upload is the raw image as the request body (Content-Type image/jpeg, image/png or
 * image/webp), read only after the caller is known to be a catalog writer of the product's company and the
 * declared type is one we take (like claim evidence). Deleting and reordering are JSON routes. The public read
 * serves the bytes with their type and cache headers to anyone while the product is on sale; with an access
 * token, also the owning company's drafts and hidden products.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { CatalogService } from '../../marketplace/catalog/catalog-service.ts';
import {
  MAX_IMAGES_PER_PRODUCT,
  MAX_PRODUCT_IMAGE_BYTES,
  PRODUCT_IMAGE_TYPES,
  type ProductImages,
} from '../../marketplace/catalog/product-images.ts';
import type { Principal } from '../../platform/principal.ts';
import { principalOf } from '../auth/authenticate.ts';
import type { ApiDefinition } from '../openapi.ts';
import { answerProblem, declaredType, problemResponse as problems, readRawBody } from '../raw-files.ts';
import { parseInput } from '../validate.ts';
import { productImage, sellerProduct } from './product-responses.ts';

const MB = MAX_PRODUCT_IMAGE_BYTES / 1024 / 1024;
const productParams = z.object({ id: z.uuid({ message: 'must be a product id (UUID)' }) }).strict();
const imageParams = productParams
  .extend({ imageId: z.uuid({ message: 'must be an image id (UUID)' }) })
  .strict();
const publicImageParams = z.object({ imageId: z.uuid({ message: 'must be an image id (UUID)' }) }).strict();

export function registerProductImageRoutes(
  api: ApiDefinition,
  deps: {
    catalog: CatalogService;
    productImages: ProductImages;
    router: Router;
    authenticate: RequestHandler;
  },
) {
  const { catalog, productImages: images, router } = deps;
  const binary = z.string().openapi({ type: 'string', format: 'binary' });
  const imageContent = Object.fromEntries(PRODUCT_IMAGE_TYPES.map((t) => [t, { schema: binary }]));

  api.registry.registerPath({
    method: 'post',
    path: '/api/v1/catalog/products/{id}/images',
    summary: `Upload an image of one of your products: the image itself as the body, JPEG, PNG or WebP (checked by its bytes), at most ${MB} MB, ${MAX_IMAGES_PER_PRODUCT} images per product; it goes last (first = cover)`,
    tags: ['catalog'],
    security: [{ bearer: [] }],
    request: { params: productParams as never, body: { content: imageContent, required: true } },
    responses: {
      201: { description: 'Stored', content: { 'application/json': { schema: productImage } } },
      400: problems,
      401: problems,
      403: problems,
      404: problems,
      413: problems,
      415: problems,
      422: problems,
    },
  });
  router.post(
    '/api/v1/catalog/products/:id/images',
    deps.authenticate,
    async (req: Request, res: Response) => {
      const { id } = parseInput(productParams, req.params, 'path');
      const principal = principalOf(req);
      await images.mayUpload(principal, id);
      const declared = declaredType(req);
      if (!(PRODUCT_IMAGE_TYPES as readonly string[]).includes(declared))
        return answerProblem(
          res,
          415,
          'unsupported_image_type',
          `Send the image itself as the body with Content-Type ${PRODUCT_IMAGE_TYPES.join(', ')} (got ${declared || 'none'}).`,
        );
      const bytes = await readRawBody(req, res, MAX_PRODUCT_IMAGE_BYTES);
      if (bytes === 'tooLarge')
        return answerProblem(res, 413, 'image_too_large', `A product image may be at most ${MB} MB.`);
      res.status(201).json(await images.upload(principal, id, { bytes, contentType: declared }));
    },
  );

  api.defineRoute(
    {
      method: 'delete',
      path: '/api/v1/catalog/products/:id/images/:imageId',
      summary: 'Delete an uploaded image of one of your products (links are edited with PATCH images)',
      tag: 'catalog',
      auth: true,
      params: imageParams,
      response: sellerProduct,
    },
    async ({ principal, params }) => {
      await images.remove(principal, params.id, params.imageId);
      return catalog.myProduct(principal, params.id);
    },
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/catalog/products/:id/images/order',
      summary:
        "Reorder a product's images (the first is the cover): each once, an upload by its id, a link by its URL",
      tag: 'catalog',
      auth: true,
      params: productParams,
      body: z
        .object({
          order: z.array(z.string().min(1).max(500)).min(1).max(MAX_IMAGES_PER_PRODUCT),
        })
        .strict()
        .openapi('ImageOrderRequest'),
      response: sellerProduct,
    },
    async ({ principal, params, body }) => {
      await images.reorder(principal, params.id, body.order);
      return catalog.myProduct(principal, params.id);
    },
  );

  api.registry.registerPath({
    method: 'get',
    path: '/api/v1/product-images/{imageId}',
    summary:
      "A product image as uploaded, with its type: public while the product is on sale; a draft's or hidden product's only with an access token of its company",
    tags: ['catalog'],
    security: [{}, { bearer: [] }],
    request: { params: publicImageParams as never },
    responses: {
      200: { description: 'The image', content: imageContent },
      304: { description: 'Not modified (If-None-Match)' },
      400: problems,
      401: problems,
      404: problems,
    },
  });
  router.get('/api/v1/product-images/:imageId', async (req: Request, res: Response) => {
    const { imageId } = parseInput(publicImageParams, req.params, 'path');
    const image = await images.read(await optionalCaller(req, res, deps.authenticate), imageId);
    const etag = `"${image.sha256}"`;
    res.set({
      etag,
      // Bytes under an id never change; whether they may be shown can (moderation), so caches check hourly.
      'cache-control': image.public ? 'public, max-age=3600' : 'private, no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    if (req.get('if-none-match') === etag) return res.status(304).end();
    res
      .status(200)
      .set({
        'content-type': image.contentType,
        'content-length': String(image.bytes.length),
        'content-disposition': `inline; filename="product-image-${imageId}"`,
      })
      .end(image.bytes);
  });
}

/** The caller when the request carries a token (a bad one is refused as anywhere else), else nobody. */
async function optionalCaller(
  req: Request,
  res: Response,
  authenticate: RequestHandler,
): Promise<Principal | undefined> {
  if (!req.get('authorization')) return undefined;
  await new Promise<void>((resolve, reject) => {
    Promise.resolve(authenticate(req, res, (error?: unknown) => (error ? reject(error) : resolve()))).catch(
      reject,
    );
  });
  return principalOf(req);
}
