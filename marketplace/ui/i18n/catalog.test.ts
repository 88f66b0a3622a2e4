import { describe, expect, it } from 'vitest';
import { catalogFor, type Catalog } from './catalog.ts';

const en = {
  title: 'Orders',
  lines: (n: number, currency: string) => `${n} lines in ${currency}`,
  status: { placed: 'Placed' },
};

const es = {
  title: 'Pedidos',
  // Parameters take their types from the English catalog: no annotations to keep in step.
  lines: (n, currency) => `${n} líneas en ${currency}`,
  status: { placed: 'Realizado' },
} satisfies Catalog<typeof en>;

const fr = {
  title: 'Commandes',
  // Word order is the language's own: the currency may come first.
  lines: (n, currency) => `${currency}\u00a0: ${n} lignes`,
  status: { placed: 'Passée' },
} satisfies Catalog<typeof en>;

describe('typed message catalogs', () => {
  it("hands out the chosen language's catalog", () => {
    const catalogs = { en, es, fr };
    expect(catalogFor(catalogs, 'en').lines(2, 'USD')).toBe('2 lines in USD');
    expect(catalogFor(catalogs, 'es').lines(2, 'USD')).toBe('2 líneas en USD');
    expect(catalogFor(catalogs, 'fr').lines(2, 'EUR')).toBe('EUR\u00a0: 2 lignes');
    expect(catalogFor(catalogs, 'fr').status.placed).toBe('Passée');
  });

  it('lets the compiler refuse an incomplete or mistaken translation (checked by tsc, not at run time)', () => {
    // Each line below must fail to compile; if Catalog stopped catching it, the unused @ts-expect-error would
    // fail `npx tsc --noEmit` instead.
    // @ts-expect-error a key is missing
    const missing = { title: 'Pedidos', status: { placed: 'Realizado' } } satisfies Catalog<typeof en>;
    const extra = {
      title: 'Pedidos',
      lines: (n, currency) => `${n} ${currency}`,
      status: { placed: 'Realizado' },
      // @ts-expect-error a key English does not have (a typo, or a leftover)
      titel: 'Pedidos',
    } satisfies Catalog<typeof en>;
    const nestedMissing = {
      title: 'Pedidos',
      lines: (n, currency) => `${n} ${currency}`,
      // @ts-expect-error a nested key is missing
      status: {},
    } satisfies Catalog<typeof en>;
    const wrongParameter = {
      title: 'Pedidos',
      // @ts-expect-error a parameter of another type
      lines: (n: string, currency: string) => `${n} ${currency}`,
      status: { placed: 'Realizado' },
    } satisfies Catalog<typeof en>;
    const moreParameters = {
      title: 'Pedidos',
      // @ts-expect-error a parameter English never passes
      lines: (n: number, currency: string, total: string) => `${n} ${currency} ${total}`,
      status: { placed: 'Realizado' },
    } satisfies Catalog<typeof en>;
    const notAFunction = {
      title: 'Pedidos',
      // @ts-expect-error a plain string where English has a sentence with values
      lines: 'líneas',
      status: { placed: 'Realizado' },
    } satisfies Catalog<typeof en>;
    expect([missing, extra, nestedMissing, wrongParameter, moreParameters, notAFunction]).toHaveLength(6);
  });
});
