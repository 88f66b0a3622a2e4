/**
 * Identity over HTTP: sign-up, email verification, login (with two-factor), refresh, logout, password reset,
 * accepting an invitation, and the caller's own two-factor settings. Thin: validate, call the identity service,
 * sign the access token.
 */
import type { Request } from 'express';
import { z } from 'zod';
import type { IdentityService } from '../../marketplace/identity/identity-service.ts';
import type { Principal } from '../../platform/principal.ts';
import { ACCESS_TOKEN_TTL_SECONDS, type TokenIssuer } from '../auth/tokens.ts';
import type { ApiDefinition } from '../openapi.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

const email = z.email({ message: 'must be an email address' }).max(254);
const newPassword = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(256, { message: 'must be at most 256 characters' });
const secretToken = z.string().min(20).max(200);
const code = z
  .string()
  .min(6)
  .max(20)
  .openapi({ description: 'A 6-digit authenticator code, or a recovery code like `1a2b3-c4d5e`' });

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code like US or DE' })
  .refine((c) => !/^[A-Z]{2}$/.test(c) || regionNames.of(c) !== c, {
    message: 'is not a known ISO 3166-1 country code',
  });

const registerBody = z
  .object({
    kind: z.enum(['manufacturer', 'retailer']),
    companyName: z.string().trim().min(2).max(200),
    country: countryCode,
    city: z.string().trim().min(1).max(120),
    email,
    password: newPassword,
  })
  .strict()
  .openapi('RegisterRequest');

const session = z
  .object({
    twoFactorRequired: z.literal(false),
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ description: 'Seconds the access token lives' }),
    refreshToken: z.string().openapi({ description: 'Single use: each refresh returns the next one' }),
    emailVerified: z.boolean(),
  })
  .openapi('Session');

const challenge = z
  .object({
    twoFactorRequired: z.literal(true),
    challengeToken: z.string(),
    expiresIn: z.number().int(),
  })
  .openapi('TwoFactorChallenge');

const accepted = z.object({ status: z.literal('accepted'), message: z.string() });

const ipOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export function registerIdentityRoutes(
  api: ApiDefinition,
  deps: { identity: IdentityService; tokens: TokenIssuer },
) {
  const { identity, tokens } = deps;

  const sessionBody = async (principal: Principal, sessionId: string, refreshToken: string) => ({
    twoFactorRequired: false as const,
    accessToken: await tokens.issue(principal, sessionId),
    tokenType: 'Bearer' as const,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    refreshToken,
    emailVerified: (await identity.getOwnAccount(principal.userId)).emailVerified,
  });

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/register',
      summary:
        'Register a company with its owner. Always answers 202 (an existing address gets an email instead), and sends a verification link',
      tag: 'auth',
      auth: false,
      body: registerBody,
      status: 202,
      response: accepted,
      rateLimited: true,
    },
    async ({ body, req }) => {
      await identity.signUp(body, ipOf(req));
      return {
        status: 'accepted',
        message: `We sent an email to ${body.email}: open its link to confirm the address.`,
      };
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/verify-email',
      summary: 'Confirm an email address with the token from the verification link (single use)',
      tag: 'auth',
      auth: false,
      body: z.object({ token: secretToken }).strict(),
      response: z.object({ verified: z.literal(true) }),
    },
    async ({ body }) => {
      await identity.verifyEmail(body.token);
      return { verified: true };
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/verify-email/resend',
      summary: 'Send a new verification link to the caller',
      tag: 'auth',
      auth: true,
      status: 202,
      response: accepted,
    },
    async ({ principal }) => {
      await identity.resendVerification(principal);
      return { status: 'accepted', message: 'We sent a new verification link.' };
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/login',
      summary:
        'Log in with email and password: a session, or a two-factor challenge when the account has it on',
      tag: 'auth',
      auth: false,
      body: z
        .object({ email, password: z.string().min(1).max(256) })
        .strict()
        .openapi('LoginRequest'),
      response: z.union([session, challenge]),
      rateLimited: true,
    },
    async ({ body, req }) => {
      const outcome = await identity.login({ ...body, ip: ipOf(req) });
      if (outcome.kind === 'two_factor_required')
        return {
          twoFactorRequired: true,
          challengeToken: outcome.challengeToken,
          expiresIn: outcome.expiresInSeconds,
        };
      return sessionBody(outcome.principal, outcome.sessionId, outcome.refreshToken);
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/login/two-factor',
      summary: 'Second login step: the challenge token and an authenticator or recovery code',
      tag: 'auth',
      auth: false,
      body: z.object({ challengeToken: secretToken, code }).strict(),
      response: session,
      rateLimited: true,
    },
    async ({ body, req }) => {
      const outcome = await identity.completeTwoFactor({ ...body, ip: ipOf(req) });
      return sessionBody(outcome.principal, outcome.sessionId, outcome.refreshToken);
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/refresh',
      summary:
        'Trade a refresh token for a new access token and the next refresh token; a reused one ends the session',
      tag: 'auth',
      auth: false,
      body: z.object({ refreshToken: secretToken }).strict(),
      response: session,
    },
    async ({ body }) => {
      const next = await identity.rotate(body.refreshToken);
      const principal = await identity.currentPrincipal(next.userId, next.sessionId);
      return sessionBody(principal, next.sessionId, next.refreshToken);
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/logout',
      summary: 'End the session of this refresh token (its access tokens stop working too)',
      tag: 'auth',
      auth: false,
      body: z.object({ refreshToken: secretToken }).strict(),
    },
    async ({ body }) => {
      await identity.logout(body.refreshToken);
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/password-reset',
      summary: 'Ask for a password reset link; answers the same whether or not the address has an account',
      tag: 'auth',
      auth: false,
      body: z.object({ email }).strict(),
      status: 202,
      response: accepted,
      rateLimited: true,
    },
    async ({ body, req }) => {
      await identity.requestPasswordReset(body.email, ipOf(req));
      return { status: 'accepted', message: 'If an account uses this address, we sent it a reset link.' };
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/password-reset/confirm',
      summary: 'Set a new password with the token from the reset link; ends every session of the account',
      tag: 'auth',
      auth: false,
      body: z.object({ token: secretToken, password: newPassword }).strict(),
      response: z.object({ passwordChanged: z.literal(true) }),
    },
    async ({ body }) => {
      await identity.confirmPasswordReset(body.token, body.password);
      return { passwordChanged: true };
    },
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/invitations/accept',
      summary: 'Accept an invitation: choose a password; the account joins the inviting company',
      tag: 'members',
      auth: false,
      body: z.object({ token: secretToken, password: newPassword }).strict(),
      status: 201,
      response: z.object({ userId: z.string(), companyId: z.string(), role: z.string() }),
    },
    async ({ body }) => identity.acceptInvitation(body),
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
        email: z.string(),
        emailVerified: z.boolean(),
        twoFactor: z.boolean(),
      }),
    },
    async ({ principal }) => ({ ...principal, ...(await identity.getOwnAccount(principal.userId)) }),
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/2fa/enroll',
      summary: 'Start two-factor enrolment: a TOTP secret and its otpauth:// URL (for a QR code)',
      tag: 'auth',
      auth: true,
      response: z.object({ secret: z.string(), otpauthUrl: z.string() }),
    },
    async ({ principal }) => identity.twoFactor.enroll(principal),
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/2fa/confirm',
      summary: 'Turn two-factor on with a first code; returns ten single-use recovery codes (shown once)',
      tag: 'auth',
      auth: true,
      body: z.object({ code }).strict(),
      response: z.object({ enabled: z.literal(true), recoveryCodes: z.array(z.string()) }),
    },
    async ({ principal, body }) => identity.twoFactor.confirm(principal, body.code),
  );

  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/auth/2fa/disable',
      summary: 'Turn two-factor off with a current or recovery code',
      tag: 'auth',
      auth: true,
      body: z.object({ code }).strict(),
      response: z.object({ enabled: z.literal(false) }),
    },
    async ({ principal, body }) => identity.twoFactor.disable(principal, body.code),
  );
}
