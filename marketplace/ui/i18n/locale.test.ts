import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseLocale } from './locale.ts';

/** Evaluates locale.ts afresh, as a page load does, in a browser made of the given parts. */
async function startPage(browser: { saved?: string | null; storageThrows?: boolean; languages: string[] }) {
  const stored = new Map<string, string>();
  if (browser.saved) stored.set('wholesail.locale', browser.saved);
  const refuse = () => {
    throw new DOMException('storage is disabled', 'SecurityError');
  };
  vi.stubGlobal('localStorage', {
    getItem: browser.storageThrows ? refuse : (key: string) => stored.get(key) ?? null,
    setItem: browser.storageThrows ? refuse : (key: string, value: string) => void stored.set(key, value),
  });
  vi.stubGlobal('navigator', { languages: browser.languages, language: browser.languages[0] ?? '' });
  const html = { lang: '' };
  vi.stubGlobal('document', { documentElement: html });
  vi.resetModules();
  const module = await import('./locale.ts');
  return { ...module, html, stored };
}

describe('the language a page load speaks', () => {
  it("is the user's saved choice, whatever the browser prefers", () => {
    expect(chooseLocale('fr', ['es-ES', 'en-US'])).toEqual({ locale: 'fr', formatLocale: 'fr' });
    expect(chooseLocale('es', [])).toEqual({ locale: 'es', formatLocale: 'es' });
  });

  it('formats in the regional variant the browser lists for the chosen language', () => {
    expect(chooseLocale('es', ['en-US', 'es-MX'])).toEqual({ locale: 'es', formatLocale: 'es-MX' });
    expect(chooseLocale(null, ['en-GB', 'en'])).toEqual({ locale: 'en', formatLocale: 'en-GB' });
    // Tags are canonicalised; junk is skipped rather than handed to Intl, which would throw.
    expect(chooseLocale(null, ['fr-ca'])).toEqual({ locale: 'fr', formatLocale: 'fr-CA' });
    expect(chooseLocale('fr', ['fr-!!', 'fr-BE'])).toEqual({ locale: 'fr', formatLocale: 'fr-BE' });
  });

  it("without a saved choice, is the first of the browser's languages we translate", () => {
    expect(chooseLocale(null, ['de-DE', 'fr-FR', 'es-ES'])).toEqual({ locale: 'fr', formatLocale: 'fr-FR' });
    expect(chooseLocale(undefined, ['pt-BR', 'es'])).toEqual({ locale: 'es', formatLocale: 'es' });
    expect(chooseLocale(null, ['ES_es'])).toMatchObject({ locale: 'es' });
  });

  it('ignores a saved value that is not one of our languages', () => {
    expect(chooseLocale('de', ['es-AR'])).toEqual({ locale: 'es', formatLocale: 'es-AR' });
    expect(chooseLocale('', ['fr'])).toEqual({ locale: 'fr', formatLocale: 'fr' });
  });

  it('falls back to English when nothing matches', () => {
    expect(chooseLocale(null, ['de-DE', 'ja'])).toEqual({ locale: 'en', formatLocale: 'en' });
    expect(chooseLocale(null, [])).toEqual({ locale: 'en', formatLocale: 'en' });
  });
});

describe('the start-up decision in the browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('reads the saved choice and sets <html lang>', async () => {
    const page = await startPage({ saved: 'fr', languages: ['es-ES'] });
    expect([page.locale, page.formatLocale, page.html.lang]).toEqual(['fr', 'fr', 'fr']);
  });

  it("uses the browser's languages when nothing is saved, and saving a choice keeps it for the next load", async () => {
    const page = await startPage({ languages: ['de-AT', 'es-MX'] });
    expect([page.locale, page.formatLocale, page.html.lang]).toEqual(['es', 'es-MX', 'es']);
    expect(page.saveLocale('fr')).toBe(true);
    expect(page.stored.get('wholesail.locale')).toBe('fr');
  });

  it('still starts, from the browser languages, when storage is blocked', async () => {
    const page = await startPage({ storageThrows: true, languages: ['fr-CA'] });
    expect([page.locale, page.formatLocale]).toEqual(['fr', 'fr-CA']);
    expect(page.saveLocale('es')).toBe(false);
  });

  it('falls back to English', async () => {
    const page = await startPage({ languages: ['ja-JP'] });
    expect([page.locale, page.html.lang]).toEqual(['en', 'en']);
  });
});
