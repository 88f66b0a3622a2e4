import { describe, expect, it } from 'vitest';
import { pluralFor } from './plural.ts';

const line = { one: 'line', other: 'lines' };

describe('plural words by the rules of each language', () => {
  it('English and Spanish use the plural for zero; French the singular', () => {
    const [en, es, fr] = ['en', 'es', 'fr'].map(pluralFor);
    expect([0, 1, 2].map((n) => en!(n, line))).toEqual(['lines', 'line', 'lines']);
    expect([0, 1, 2].map((n) => es!(n, { one: 'línea', other: 'líneas' }))).toEqual([
      'líneas',
      'línea',
      'líneas',
    ]);
    expect([0, 1, 2].map((n) => fr!(n, { one: 'ligne', other: 'lignes' }))).toEqual([
      'ligne',
      'ligne',
      'lignes',
    ]);
  });

  it('French says "1,5 ligne" but English "1.5 lines"', () => {
    expect(pluralFor('fr')(1.5, { one: 'ligne', other: 'lignes' })).toBe('ligne');
    expect(pluralFor('en')(1.5, line)).toBe('lines');
  });

  it('round millions take the "many" form in Spanish and French when one is given, else "other"', () => {
    const forms = { one: 'produit', other: 'produits', many: 'de produits' };
    expect(pluralFor('fr')(1_000_000, forms)).toBe('de produits');
    expect(pluralFor('es')(1_000_000, { one: 'producto', other: 'productos' })).toBe('productos');
    expect(pluralFor('en')(1_000_000, { ...line, many: 'never' })).toBe('lines');
  });
});
