import { z } from 'zod';
import type { IdentityService } from '../../marketplace/identity/identity-service.ts';
import { ACCESS_TOKEN_TTL_SECONDS, type TokenIssuer } from '../auth/tokens.ts';
import type { ApiDefinition } from '../openapi.ts';

const loginBody = z
  .object({
    email: z.email({ message: 'must be an email address' }).max(254),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('LoginRequest');

const tokenResponse = z
  .object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int() })
  .openapi('AccessToken');

export function registerAuthRoutes(
  api: ApiDefinition,
  deps: { identity: IdentityService; tokens: TokenIssuer },
) {
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/login',
      summary: 'Log in with email and password',
      tag: 'auth',
      auth: false,
      body: loginBody,
      response: tokenResponse,
    },
    async ({ body }) => {
      const principal = await deps.identity.authenticate(body.email, body.password);
      return {
        accessToken: await deps.tokens.issue(principal),
        tokenType: 'Bearer',
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      };
    },
  );

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/me',
      summary: 'Who am I: the caller as the API sees it',
      tag: 'auth',
      auth: true,
      response: z.object({
        userId: z.string(),
        companyId: z.string(),
        companyKind: z.string(),
        role: z.string(),
        permissions: z.array(z.string()),
      }),
    },
    async ({ principal }) => principal,
  );
}
