/**
 * Operations: Prometheus metrics of the event pipeline. On the public API they are for platform admins
 * only (volumes are business data); the worker process serves the same registry on its own loopback port.
 */
import type { RequestHandler, Router } from 'express';
import type { PipelineMetrics } from '../../ingest/metrics.ts';
import { forbidden } from '../../platform/errors.ts';
import { principalOf } from '../auth/authenticate.ts';

export function metricsHandler(metrics: PipelineMetrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

export function registerOpsRoutes(
  router: Router,
  deps: { metrics: PipelineMetrics; authenticate: RequestHandler },
) {
  router.get(
    '/metrics',
    deps.authenticate,
    (req, _res, next) => {
      const principal = principalOf(req);
      if (principal.companyKind !== 'platform' || principal.role !== 'admin')
        throw forbidden('Metrics are for platform admins.');
      next();
    },
    metricsHandler(deps.metrics),
  );
}
