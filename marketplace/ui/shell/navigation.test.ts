import { describe, expect, it } from 'vitest';
import { shellCatalogs } from './messages.ts';
import { NAV_ITEMS, cartCountLabel, navLabel, type NavItem } from './navigation.ts';

describe('navigation labels in every language', () => {
  it('keeps the English catalog and the English labels of NAV_ITEMS the same words', () => {
    const english: Record<string, string> = shellCatalogs.en.nav;
    for (const item of NAV_ITEMS.filter((i) => i.path in english))
      expect(english[item.path], item.path).toBe(item.label);
  });

  it('translates the entries other features are adding before they land', () => {
    for (const catalog of [shellCatalogs.es, shellCatalogs.fr]) {
      expect(catalog.nav['/messages']).toBeTruthy();
      expect(catalog.nav['/claims']).toBeTruthy();
    }
  });

  it('shows an entry without a translation under its English label', () => {
    const added: NavItem = { path: '/something-new', label: 'Something new', kinds: ['retailer'] };
    expect(navLabel(added)).toBe('Something new');
    expect(navLabel(NAV_ITEMS.find((i) => i.path === '/billing')!)).toBe('Plan and billing');
  });

  it('counts cart lines with the plural the number needs', () => {
    expect(cartCountLabel(1)).toBe('1 line in the cart');
    expect(cartCountLabel(1200)).toBe('1,200 lines in the cart');
  });
});
