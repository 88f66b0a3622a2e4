/** The one way tests check an error answer: its status, the problem+json type, its code, and the field at fault. */
import { expect } from 'vitest';
import type { HttpResult } from './test-platform.ts';

export function expectProblem(res: HttpResult, status: number, code: string, field?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.type).toContain('application/problem+json');
  expect(res.body.code).toBe(code);
  if (field) expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
}
