/**
 * Embedding a dashboard in another site: `POST /api/v1/embed-tokens` hands a signed-in manufacturer member (for its
 * own company) or platform staff a short-lived embed token for one dashboard or chart, and the iframe URL that
 * shows it. The token travels in the URL's fragment, which browsers never send to a server or in a Referer.
 * What the token may do afterwards is decided by api/auth/embed-tokens.ts and the gateway.
 */
import { z } from 'zod';
import type { createDirectory } from '../../marketplace/catalog/directory.ts';
import { EMBED_IDS, resolveEmbedTarget } from '../../dashboards/embed/catalog.ts';
import { THEME_VARIABLES, isThemeValue } from '../../dashboards/embed/theme-variables.ts';
import {
  EMBED_TOKEN_DEFAULT_TTL_SECONDS,
  EMBED_TOKEN_MAX_TTL_SECONDS,
  EMBED_TOKEN_MIN_TTL_SECONDS,
  embedCompanyFor,
  type EmbedTokens,
} from '../auth/embed-tokens.ts';
import type { ApiDefinition } from '../openapi.ts';

const origin = z
  .string()
  .max(200)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
      } catch {
        return false;
      }
    },
    { message: 'must be an origin such as https://shop.example.com (scheme, host and port; no path)' },
  );

const requestSchema = z
  .object({
    dashboard: z.enum(EMBED_IDS as [string, ...string[]], {
      message: `must be one of ${EMBED_IDS.join(', ')}`,
    }),
    companyId: z.uuid({ message: 'must be a company id (UUID)' }).optional().openapi({
      description: 'Platform staff: the manufacturer whose dashboard to embed. Others: own id or none.',
    }),
    ttlSeconds: z
      .number({ message: 'must be a number of seconds' })
      .int({ message: 'must be a whole number of seconds' })
      .min(EMBED_TOKEN_MIN_TTL_SECONDS, {
        message: `must be at least ${EMBED_TOKEN_MIN_TTL_SECONDS} seconds`,
      })
      .max(EMBED_TOKEN_MAX_TTL_SECONDS, {
        message: `must be at most ${EMBED_TOKEN_MAX_TTL_SECONDS} seconds (24 h)`,
      })
      .optional()
      .openapi({
        description: `How long the token works; default ${EMBED_TOKEN_DEFAULT_TTL_SECONDS} (10 minutes)`,
      }),
    allowedOrigins: z
      .array(origin)
      .min(1)
      .max(10)
      .optional()
      .openapi({ description: 'The only sites allowed to show the iframe; any site if left out' }),
    theme: z
      .partialRecord(
        z.enum(THEME_VARIABLES, { message: `must name one of ${THEME_VARIABLES.join(', ')}` }),
        z
          .string()
          .refine(isThemeValue, { message: 'must be a colour, font list or length (no url(), ;, { or })' }),
      )
      .optional()
      .openapi({ description: 'Design tokens to override, e.g. { "color-accent": "#c23b6f" }' }),
  })
  .strict()
  .openapi('EmbedTokenRequest');

const responseSchema = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    url: z.string().openapi({ description: 'The iframe src: the embed page with the token in its fragment' }),
    dashboard: z.string(),
    companyId: z.string(),
  })
  .openapi('EmbedToken');

export function registerEmbedRoutes(
  api: ApiDefinition,
  deps: { embedTokens: EmbedTokens; directory: ReturnType<typeof createDirectory>; publicUrl: string },
) {
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/embed-tokens',
      summary:
        'A short-lived token and iframe URL that show one dashboard or chart of your company on another site',
      tag: 'analytics',
      auth: true,
      status: 201,
      body: requestSchema,
      response: responseSchema,
    },
    async ({ principal, body }) => {
      const target = resolveEmbedTarget(body.dashboard)!;
      const companyId = embedCompanyFor(principal, target, body.companyId);
      // Staff name the manufacturer: it must be one (an active one), or the token would show an empty dashboard.
      if (companyId !== principal.companyId) await deps.directory.profile(companyId, { limit: 1, offset: 0 });
      const { token, expiresAt } = await deps.embedTokens.issue({
        issuerId: principal.userId,
        dashboard: target.id,
        companyId,
        ttlSeconds: body.ttlSeconds ?? EMBED_TOKEN_DEFAULT_TTL_SECONDS,
        allowedOrigins: body.allowedOrigins,
      });
      const theme = new URLSearchParams(
        Object.entries(body.theme ?? {}) as Array<[string, string]>,
      ).toString();
      const url = `${deps.publicUrl.replace(/\/+$/, '')}/embed/${target.id}${theme ? `?${theme}` : ''}#token=${token}`;
      return { token, expiresAt: expiresAt.toISOString(), url, dashboard: target.id, companyId };
    },
  );
}
