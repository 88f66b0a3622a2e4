import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download.ts';

describe('the name a downloaded file is saved under', () => {
  it("is the API's, quoted or not", () => {
    expect(fileNameFrom('attachment; filename="wholesail-export.parquet"', 'x')).toBe(
      'wholesail-export.parquet',
    );
    expect(fileNameFrom('attachment; filename=orders.csv', 'x')).toBe('orders.csv');
    expect(fileNameFrom('inline; filename="say \\"hi\\".pdf"', 'x')).toBe('say "hi".pdf');
  });

  it('prefers the UTF-8 name Express adds for names outside ASCII', () => {
    expect(
      fileNameFrom(`attachment; filename="factura-?.pdf"; filename*=UTF-8''factura-%C3%B1.pdf`, 'x'),
    ).toBe('factura-ñ.pdf');
    // A broken escape falls back to the plain name.
    expect(fileNameFrom(`attachment; filename="a.csv"; filename*=UTF-8''%E0%A4%A.csv`, 'x')).toBe('a.csv');
  });

  it('is the caller’s fallback when the API names none', () => {
    expect(fileNameFrom(null, 'wholesail-export.csv')).toBe('wholesail-export.csv');
    expect(fileNameFrom('attachment', 'orders.csv')).toBe('orders.csv');
    expect(fileNameFrom('attachment; filename=""', 'orders.csv')).toBe('orders.csv');
  });
});
