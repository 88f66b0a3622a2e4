/**
 * The HTTP application: routing, authentication, validation at the edge and error mapping. No business
 * rules live here; every route calls a marketplace service or the semantic-layer gateway.
 */
import express from 'express';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { Platform } from '../platform/container.ts';
import { authenticate } from './auth/authenticate.ts';
import { createEmbedTokens, embedAuthenticator } from './auth/embed-tokens.ts';
import { resolveAuthSecret } from '../platform/secrets.ts';
import type { TokenIssuer } from './auth/tokens.ts';
import { homePage } from './home-page.ts';
import { registerWebApp } from './web.ts';
import { ApiDefinition } from './openapi.ts';
import { errorHandler, notFoundHandler } from './problem.ts';
import { registerEmailLinkPages } from './email-link-pages.ts';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerAdminOrderRoutes } from './routes/admin-order-routes.ts';
import { registerCompanyRoutes } from './routes/company-routes.ts';
import { registerKybDocumentRoutes } from './routes/kyb-document-routes.ts';
import { registerIdentityRoutes } from './routes/identity-routes.ts';
import { registerMemberRoutes } from './routes/member-routes.ts';
import { registerCatalogRoutes } from './routes/catalog-routes.ts';
import { registerCubeRoutes } from './routes/cube-routes.ts';
import { registerEmbedRoutes } from './routes/embed-routes.ts';
import { registerOpsRoutes } from './routes/ops-routes.ts';
import { registerSqlRoutes } from './routes/sql-routes.ts';
import { registerOrderRoutes } from './routes/order-routes.ts';
import { registerCartRoutes } from './routes/cart-routes.ts';
import { registerCheckoutRoutes } from './routes/checkout-routes.ts';
import { registerRefundRoutes } from './routes/refund-routes.ts';
import { registerBillingRoutes } from './routes/billing-routes.ts';
import { registerClaimRoutes } from './routes/claim-routes.ts';
import { registerClaimEvidenceRoutes } from './routes/claim-evidence-routes.ts';
import { registerProofOfDeliveryRoutes } from './routes/proof-of-delivery-routes.ts';
import { registerInvoiceRoutes } from './routes/invoice-routes.ts';
import { registerMessagingRoutes } from './routes/messaging-routes.ts';
import { registerNotificationRoutes } from './routes/notification-routes.ts';
import { registerReviewRoutes } from './routes/review-routes.ts';
import { registerRatingRoutes } from './routes/rating-routes.ts';
import { STRIPE_WEBHOOK_PATH, rawWebhookBody, registerPaymentRoutes } from './routes/payment-routes.ts';

export interface AppOptions {
  tokens: TokenIssuer;
  demoLogins?: Array<{ email: string; role: string }>;
  demoPassword?: string;
  publicUrl: string;
  /** The built web app (default dist/web). */
  webDir?: string;
}

export function createApp(platform: Platform, options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(pinoHttp({ logger: platform.logger, autoLogging: { ignore: (req) => req.url === '/health' } }));
  // Before the JSON parser: webhook signatures are checked over the raw bytes.
  app.use(STRIPE_WEBHOOK_PATH, rawWebhookBody);
  app.use(express.json({ limit: '1mb', strict: false }));

  const router = express.Router();
  const identity = platform.services.identity;
  // Embed tokens are signed with a key of their own, derived from the same secret every API process shares.
  const embedTokens = createEmbedTokens(resolveAuthSecret(platform.config));
  const requireToken = authenticate(
    options.tokens,
    identity.currentPrincipal,
    embedAuthenticator({ embedTokens, currentPrincipal: identity.currentPrincipal }),
  );
  const api = new ApiDefinition(router, requireToken);
  registerOpsRoutes(router, { metrics: platform.metrics, authenticate: requireToken });
  registerIdentityRoutes(api, { identity, tokens: options.tokens });
  registerMemberRoutes(api, { identity });
  registerAdminRoutes(api, { identity });
  registerAdminOrderRoutes(api, { db: platform.db, metrics: platform.metrics });
  // Product image uploads read their raw image body themselves, after authentication (like claim evidence).
  registerCatalogRoutes(api, {
    catalog: platform.services.catalog,
    productImages: platform.services.productImages,
    router,
    authenticate: requireToken,
  });
  registerOrderRoutes(api, { orders: platform.services.orders, fulfilment: platform.services.fulfilment });
  registerPaymentRoutes(api, { payments: platform.services.payments, publicUrl: options.publicUrl });
  registerMessagingRoutes(api, { messaging: platform.services.messaging });
  registerReviewRoutes(api, { reviews: platform.services.reviews });
  registerRatingRoutes(api, { db: platform.db });
  registerNotificationRoutes(api, {
    notifications: platform.services.notifications,
    tickets: platform.services.notificationTickets,
    feed: platform.services.notificationFeed,
    router,
    authenticate: requireToken,
    tokens: options.tokens,
    currentPrincipal: identity.currentPrincipal,
  });
  registerCartRoutes(api, { carts: platform.services.carts });
  registerCheckoutRoutes(api, {
    checkout: platform.services.checkout,
    completion: platform.services.paymentCompletion,
    terms: platform.services.commercialTerms,
    idempotency: platform.services.idempotency,
    payments: platform.services.payments,
  });
  registerRefundRoutes(api, {
    refunds: platform.services.refunds,
    idempotency: platform.services.idempotency,
  });
  registerInvoiceRoutes(api, {
    invoices: platform.services.invoices,
    settlements: platform.services.settlements,
  });
  registerClaimRoutes(api, { claims: platform.services.claims });
  // Evidence uploads read their raw image body themselves, after authentication (the JSON parser ignores images).
  registerClaimEvidenceRoutes(api, { claims: platform.services.claims, router, authenticate: requireToken });
  registerProofOfDeliveryRoutes(api, {
    proofs: platform.services.proofOfDelivery,
    router,
    authenticate: requireToken,
  });
  registerBillingRoutes(api, { billing: platform.services.billing });
  registerCompanyRoutes(api, { companies: platform.services.companies });
  registerKybDocumentRoutes(api, {
    companies: platform.services.companies,
    router,
    authenticate: requireToken,
  });
  registerCubeRoutes(api, { gateway: platform.gateway });
  registerEmbedRoutes(api, {
    embedTokens,
    directory: platform.services.catalog.directory,
    publicUrl: options.publicUrl,
  });
  registerSqlRoutes(api, { sqlConsole: platform.sqlConsole });
  const openApiDocument = api.document(options.publicUrl);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', mode: platform.mode });
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(
    '/api/docs',
    swaggerUi.serve,
    swaggerUi.setup(openApiDocument, { customSiteTitle: 'Wholesail API' }),
  );
  registerEmailLinkPages(app, options.webDir);
  app.use(router);
  registerWebApp(app, {
    webDir: options.webDir,
    demoLogins: options.demoLogins ?? [],
    demoPassword: options.demoPassword,
    fallbackHome: () => homePage({ mode: platform.mode, demoLogins: options.demoLogins ?? [] }),
    embedFrameAncestors: async (token) =>
      (await embedTokens.verify(token).catch(() => undefined))?.allowedOrigins,
  });
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
