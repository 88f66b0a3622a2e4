/**
 * The app in Spanish and French, in Chromium: a retailer picks Español on the sign-in page (the page reloads in
 * Spanish and remembers the choice), signs in, and reads the catalog and an order in Spanish, with dollar and
 * euro amounts written the Spanish way (decimal comma, symbol after) and equal to what the API holds. A second
 * browser does the same in French. The shell's navigation speaks each language; an analyst explores in French
 * (numbers typed and shown the French way); a seller types a price as "12,50" and the API stores 1250 cents.
 * Pages not yet translated (the dashboards) are reached by address.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, buyerEmail } from '../../scripts/seed/demo-data.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import {
  launchBrowser,
  screenshot,
  seriousAxeViolations,
  skipBrowserTests,
  startDemoPlatform,
} from './support/browser.ts';

const BUYER = buyerEmail('cornerstore');
const SWITCHER = 'Language / Idioma / Langue';

/** Amounts as each language writes them; `\s` covers the no-break spaces Intl puts before symbols and groups. */
const SPANISH_USD = /^(\d{1,4}|\d{1,3}(\.\d{3})+),\d{2}\sUS\$$/;
const SPANISH_EUR = /^(\d{1,4}|\d{1,3}(\.\d{3})+),\d{2}\s€$/;
const FRENCH_EUR = /^\d{1,3}(\s\d{3})*,\d{2}\s€$/;
/** Minor units back from the text: with two decimals, the digits alone are the amount in cents. */
const minorOf = (text: string) => Number(text.replace(/\D/g, ''));

const SIGN_IN_WORDS = {
  es: { email: 'Correo electrónico', password: 'Contraseña', signIn: 'Iniciar sesión' },
  fr: { email: 'Adresse e-mail', password: 'Mot de passe', signIn: 'Se connecter' },
};
/** Intl puts no-break spaces in French numbers; which one depends on the ICU of each runtime. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** Signs in through the translated form: the words on the page are the chosen language's. */
async function switchAndSignIn(page: Page, baseUrl: string, language: 'es' | 'fr') {
  const words = {
    es: { email: 'Correo electrónico', password: 'Contraseña', signIn: 'Iniciar sesión' },
    fr: { email: 'Adresse e-mail', password: 'Mot de passe', signIn: 'Se connecter' },
  }[language];
  await page.goto(`${baseUrl}/login`);
  // Nothing saved and an English browser: the page starts in English.
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.getByLabel(SWITCHER).selectOption(language);
  // The choice reloads the page in the new language.
  await page.getByRole('button', { name: words.signIn, exact: true }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  expect(await page.getByLabel(SWITCHER).inputValue()).toBe(language);
  await page.getByLabel(words.email).fill(BUYER);
  await page.getByLabel(words.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
  await page.waitForURL(`${baseUrl}/spending`);
}

/** The <dd> next to the <dt> saying exactly `label` in the order page's totals ("Total", not "Subtotal"). */
const totalsValue = (page: Page, label: string) =>
  page
    .locator('.totals > div')
    .filter({ has: page.locator('dt').getByText(label, { exact: true }) })
    .locator('dd');

describe.skipIf(skipBrowserTests)('the app in Spanish and French', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let order: { id: string; subtotalMinor: number; currency: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    // An order of our own in euros from a European manufacturer, so the test knows what the page must show.
    const token = await tp.login(BUYER, DEMO_PASSWORD);
    const euros = await tp.http('GET', '/api/v1/products?currency=EUR&sort=popularity&limit=10');
    const product = await tp.http('GET', `/api/v1/products/${euros.body.items[0].id}`);
    const variant = product.body.variants[0];
    // Enough cases for a five-digit amount where stock allows, so thousands separators show as well.
    const cases = (units: number) => Math.ceil(units / variant.casePack) * variant.casePack;
    const wanted = Math.max(cases(variant.moq), cases(1_000_000 / variant.priceMinor));
    const quantity = Math.max(
      cases(variant.moq),
      Math.min(wanted, Math.floor(variant.available / variant.casePack) * variant.casePack),
    );
    const placed = await tp.http('POST', '/api/v1/orders', {
      token,
      body: { lines: [{ variantId: variant.id, quantity }] },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.currency).toBe('EUR');
    order = placed.body;
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('in Spanish: the sign-in page, the catalog in dollars and an order in euros', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await switchAndSignIn(page, tp.url, 'es');

    // The catalog, narrowed to dollar prices.
    await page.goto(`${tp.url}/catalog?currency=USD`);
    await page.getByRole('heading', { level: 1, name: 'Catálogo' }).waitFor();
    await page.getByRole('heading', { name: /^[\d.]+ productos$/ }).waitFor();
    await page.getByLabel('Ordenar por').waitFor();
    expect(await page.getByRole('searchbox', { name: 'Buscar productos' }).count()).toBe(1);
    const prices = await page.locator('.product-card__price strong').allInnerTexts();
    const api = await tp.http('GET', '/api/v1/products?currency=USD&sort=popularity&limit=24&offset=0');
    expect(prices.length).toBe(api.body.items.length);
    for (const [i, text] of prices.entries()) {
      const amount = text.replace(/^desde /, '');
      expect(text, `card ${i}`).toMatch(/^desde /);
      expect(amount, `card ${i}`).toMatch(SPANISH_USD);
      expect(minorOf(amount), `card ${i}`).toBe(api.body.items[i].priceMinor);
    }
    await page.getByText('por unidad').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-catalog-es');

    // The order page, in euros.
    await page.goto(`${tp.url}/orders/${order.id}`);
    await page
      .getByRole('heading', { level: 1, name: `Pedido #${order.id.slice(-8).toUpperCase()}` })
      .waitFor();
    await page.getByTestId('order-status').filter({ hasText: 'Realizado' }).waitFor();
    await page.getByRole('heading', { name: 'Historial de estados' }).waitFor();
    await page.getByRole('columnheader', { name: 'Cantidad × precio unitario' }).waitFor();
    await page.getByText(/realizado el \d{1,2} [a-z]{3}\.? \d{4}/).waitFor();
    const subtotal = await totalsValue(page, 'Subtotal').innerText();
    expect(subtotal).toMatch(SPANISH_EUR);
    expect(minorOf(subtotal)).toBe(order.subtotalMinor);
    // The invoice (issued when the order is placed) adds tax and the total, in the same way.
    await totalsValue(page, 'Impuestos').waitFor();
    expect(await totalsValue(page, 'Total').innerText()).toMatch(SPANISH_EUR);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-order-es');

    // The choice outlives the session: a new visit to the sign-in page is still in Spanish.
    await page.goto(`${tp.url}/login`);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
  });

  it('in French: an order page with its words and euro amounts', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await switchAndSignIn(page, tp.url, 'fr');
    await page.goto(`${tp.url}/orders/${order.id}`);
    await page
      .getByRole('heading', { level: 1, name: `Commande #${order.id.slice(-8).toUpperCase()}` })
      .waitFor();
    await page.getByTestId('order-status').filter({ hasText: 'Passée' }).waitFor();
    await page.getByRole('heading', { name: 'Historique des statuts' }).waitFor();
    await page.getByText(/passée le \d{1,2} [a-zéû]{3,5}\.? \d{4}/).waitFor();
    const subtotal = await totalsValue(page, 'Sous-total').innerText();
    expect(subtotal).toMatch(FRENCH_EUR);
    expect(minorOf(subtotal)).toBe(order.subtotalMinor);
    await totalsValue(page, 'Taxes').waitFor();
    expect(await totalsValue(page, 'Total').innerText()).toMatch(FRENCH_EUR);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-order-fr');
  });

  it('in Spanish and French: the seller inventory and an admin KYB case, in the language, phone-wide', async () => {
    const { PLATFORM_STAFF, sellerEmail } = await import('../../scripts/seed/demo-data.ts');
    const seller = sellerEmail('alpine');
    const admin = PLATFORM_STAFF.find((s) => s.role === 'admin')!.email;
    // What the API holds, to compare with what the pages write: the largest stock level on the first page
    // (thousands separators show), and the case waiting longest for review.
    const sellerToken = await tp.login(seller, DEMO_PASSWORD);
    const levels = await tp.http('GET', '/api/v1/inventory/levels?limit=25&offset=0', { token: sellerToken });
    const level = (levels.body.items as Array<{ sku: string; available: number }>).reduce((a, b) =>
      b.available > a.available ? b : a,
    );
    const adminToken = await tp.login(admin, DEMO_PASSWORD);
    const queue = await tp.http('GET', '/api/v1/admin/kyb?status=submitted&limit=25', { token: adminToken });
    const kase = queue.body.items[0] as { companyId: string; name: string };

    const words = {
      es: {
        email: 'Correo electrónico',
        password: 'Contraseña',
        signIn: 'Iniciar sesión',
        inventory: 'Inventario',
        onHand: 'En stock',
        count: /^(\d{1,4}|\d{1,3}(\.\d{3})+)$/,
        queue: 'Cola KYB',
        waiting: /^En espera:\s(\d+\sh|\d+\sdías|menos de una hora)$/,
        underReview: 'En revisión',
        approve: 'Aprobar la verificación',
        submitted: 'Enviada a revisión',
      },
      fr: {
        email: 'Adresse e-mail',
        password: 'Mot de passe',
        signIn: 'Se connecter',
        inventory: 'Stocks',
        onHand: 'En stock',
        count: /^\d{1,3}(\s\d{3})*$/,
        queue: 'File KYB',
        waiting: /^Attente\s:\s(\d+\sh|\d+\sjours|moins d’une heure)$/,
        underReview: 'En cours d’examen',
        approve: 'Approuver la vérification',
        submitted: 'Soumise pour examen',
      },
    };
    /** At phone width nothing but a table's own scroll area may be wider than the screen. */
    const phoneFits = async (page: Page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(150);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter(
            (e) => !e.closest('.ws-table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1,
          )
          .map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`),
      );
      await page.setViewportSize({ width: 1280, height: 900 });
      return wide;
    };

    for (const language of ['es', 'fr'] as const) {
      const w = words[language];
      const signedIn = async (email: string) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        // The choice as the switcher saves it (the sign-in cases above use the switcher itself).
        await context.addInitScript((l) => localStorage.setItem('wholesail.locale', l), language);
        const page = await context.newPage();
        await page.goto(`${tp.url}/login`);
        await page.getByLabel(w.email).fill(email);
        await page.getByLabel(w.password).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: w.signIn, exact: true }).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        return page;
      };

      // The seller's inventory: its words, and counts grouped the language's way, equal to the API's.
      const sellerPage = await signedIn(seller);
      await sellerPage.goto(`${tp.url}/inventory`);
      await sellerPage.getByRole('heading', { level: 1, name: w.inventory }).waitFor();
      await sellerPage.getByRole('columnheader', { name: w.onHand }).first().waitFor();
      const available = await sellerPage.getByTestId(`available-${level.sku}`).first().innerText();
      expect(available, `${language} available`).toMatch(w.count);
      expect(Number(available.replace(/\D/g, ''))).toBe(level.available);
      expect(await seriousAxeViolations(sellerPage)).toEqual([]);
      expect(await phoneFits(sellerPage)).toEqual([]);
      await screenshot(sellerPage, `i18n-inventory-${language}`);

      // The admin's queue and the case waiting longest, with the decision in the language.
      const adminPage = await signedIn(admin);
      await adminPage.goto(`${tp.url}/admin/kyb`);
      await adminPage.getByRole('heading', { level: 1, name: w.queue }).waitFor();
      await adminPage.getByText(w.waiting).first().waitFor();
      await adminPage.getByRole('link', { name: kase.name, exact: true }).click();
      await adminPage.getByRole('heading', { level: 1, name: kase.name }).waitFor();
      expect(await adminPage.getByTestId('case-status').innerText()).toBe(w.underReview);
      await adminPage.getByTestId('kyb-history').getByText(w.submitted).first().waitFor();
      await adminPage.getByRole('button', { name: w.approve }).waitFor();
      expect(await seriousAxeViolations(adminPage)).toEqual([]);
      expect(await phoneFits(adminPage)).toEqual([]);
      await screenshot(adminPage, `i18n-kyb-case-${language}`);
      await sellerPage.context().close();
      await adminPage.context().close();
    }
  }, 120_000);
  /** A new browser whose saved language is `language` (as the switcher saves it), signed in as `email`. */
  async function signedInAs(language: 'es' | 'fr', email: string) {
    const w = SIGN_IN_WORDS[language];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((l) => localStorage.setItem('wholesail.locale', l), language);
    const page = await context.newPage();
    await page.goto(`${tp.url}/login`);
    await page.getByLabel(w.email).fill(email);
    await page.getByLabel(w.password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: w.signIn, exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  it("in Spanish and French: the shell's navigation, the account line and the no-access page", async () => {
    const { sellerEmail } = await import('../../scripts/seed/demo-data.ts');
    const shell = {
      es: {
        nav: 'Principal',
        links: [
          'Panel de ventas',
          'Catálogo',
          'Pedidos',
          'Productos',
          'Inventario',
          'Liquidaciones',
          'Equipo',
        ],
        kind: 'Fabricante',
        signOut: 'Cerrar sesión',
        notAllowed: 'No tiene acceso a esta página',
        home: 'Ir a su panel',
      },
      fr: {
        nav: 'Principale',
        links: ['Tableau de bord des ventes', 'Catalogue', 'Commandes', 'Produits', 'Stocks', 'Reversements'],
        kind: 'Fabricant',
        signOut: 'Se déconnecter',
        notAllowed: 'Vous n’avez pas accès à cette page',
        home: 'Aller à votre tableau de bord',
      },
    };
    for (const language of ['es', 'fr'] as const) {
      const w = shell[language];
      const page = await signedInAs(language, sellerEmail('alpine'));
      const nav = page.getByRole('navigation', { name: w.nav, exact: true });
      for (const name of w.links) await nav.getByRole('link', { name, exact: true }).waitFor();
      // None of the English labels is left (other features' entries may be added, in the language or not).
      for (const english of ['Sales dashboard', 'Catalog', 'Orders', 'Products', 'Inventory', 'Settlements'])
        expect(await nav.getByRole('link', { name: english, exact: true }).count(), english).toBe(0);
      await page.locator('.shell__account').getByText(w.kind).waitFor();
      await page.getByRole('button', { name: w.signOut, exact: true }).waitFor();
      // A page for another kind of account says so in the language, with the way home.
      await nav.getByRole('link', { name: w.links[3]!, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: w.links[3]! }).waitFor();
      await page.goto(`${tp.url}/admin/kyb`);
      await page.getByRole('heading', { name: w.notAllowed }).waitFor();
      await page.getByRole('link', { name: w.home }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `i18n-shell-${language}`);
      await page.context().close();
    }
  }, 120_000);

  it('in French: an analyst explores GMV by month with a filter typed with a decimal comma', async () => {
    const analystEmail = 'analyst@wholesail.demo';
    const page = await signedInAs('fr', analystEmail);
    await page
      .getByRole('navigation', { name: 'Principale' })
      .getByRole('link', { name: 'Explorer' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Explorer' }).waitFor();
    const builder = page.getByRole('form', { name: 'Requête' });
    await builder.getByLabel('Rechercher dans les mesures').fill('gross gmv');
    // Cube and member titles stay as the semantic layer names them.
    await builder
      .getByRole('group', { name: 'Orders', exact: true })
      .getByRole('checkbox', { name: /GMV, gross/ })
      .check();
    await builder.getByLabel('Dimension temporelle').selectOption({ label: 'Orders Placed at' });
    await builder.getByLabel('Regrouper par').selectOption({ label: 'Mois' });
    await builder.getByRole('button', { name: 'Ajouter un filtre' }).click();
    await builder.getByLabel('Filtre 1\u00a0: membre').selectOption('orders.gmv');
    await builder.getByLabel('Filtre 1\u00a0: opérateur').selectOption({ label: 'au moins' });
    // "0.5" would do too; the comma is what a French analyst types.
    await builder.getByLabel('Filtre 1\u00a0: valeur').fill('0,5');
    await builder.getByRole('button', { name: 'Exécuter la requête' }).click();

    // The query in the address is Cube's own: the number written with a point.
    await page.waitForURL(/query=/);
    const query = JSON.parse(new URL(page.url()).searchParams.get('query')!);
    expect(query.filters).toEqual([{ member: 'orders.gmv', operator: 'gte', values: ['0.5'] }]);
    const token = await tp.login(analystEmail, DEMO_PASSWORD);
    const load = await tp.http('POST', '/cubejs-api/v1/load', { token, body: { query } });
    expect(load.status).toBe(200);
    const expected = (load.body.data as Array<Record<string, string>>).map((r) => [
      r['orders.placed_at.month']!.slice(0, 7),
      r['orders.gmv']!,
    ]);
    expect(expected.length).toBeGreaterThan(2);

    const table = page.getByRole('table', { name: 'Résultat de la requête' });
    await table.waitFor();
    const texts = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    // The semantic layer's numbers, every digit, grouped the French way.
    expect(texts.map((row) => row.map(plainSpaces))).toEqual(
      expected.map(([month, gmv]) => [month, plainSpaces(new Intl.NumberFormat('fr').format(BigInt(gmv!)))]),
    );
    await page.getByText(new RegExp(`^${expected.length} lignes$`)).waitFor();
    expect(await page.getByRole('img', { name: /^Courbe de Orders GMV, gross/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Afficher le SQL' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-explore-fr');
    await page.context().close();
  }, 120_000);

  it('in French: a seller types a price as "12,50" and the API stores 1250 cents', async () => {
    const { sellerEmail } = await import('../../scripts/seed/demo-data.ts');
    const seller = sellerEmail('alpine');
    const page = await signedInAs('fr', seller);
    await page.goto(`${tp.url}/products/new`);
    const sku = `I18N-FR-${Date.now().toString(36).toUpperCase()}`;
    await page.getByLabel('Référence du produit').fill(sku);
    await page.getByLabel('Nom', { exact: true }).fill('Lanterne de test');
    await page.getByLabel('Devise').selectOption('EUR');
    const variant = page.getByRole('group', { name: /^Variante 1/ });
    await variant.getByLabel('Référence de la variante').fill(`${sku}-A`);
    await variant.getByLabel('Prix unitaire (EUR)').fill('12,50');
    // "1.250" could be a thousands point or a decimal one: refused with both readings, never guessed.
    await variant.getByLabel('Coût unitaire (EUR, privé)').fill('1.250');
    await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
    await variant.getByText(/peut se lire 1250 ou 1,250/).waitFor();
    await variant.getByLabel('Coût unitaire (EUR, privé)').fill('7,5');
    await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lanterne de test' }).waitFor();

    const token = await tp.login(seller, DEMO_PASSWORD);
    const mine = await tp.http('GET', '/api/v1/catalog/products?status=draft&limit=100', { token });
    const saved = (
      mine.body.items as Array<{ sku: string; currency: string; variants: Array<Record<string, unknown>> }>
    ).find((p) => p.sku === sku);
    expect(saved?.currency).toBe('EUR');
    expect(saved?.variants[0]).toMatchObject({ priceMinor: 1250, unitCostMinor: 750 });
    // The edit form shows the amounts back the French way.
    const edit = page.getByRole('group', { name: `Variante 1\u00a0: ${sku}-A` });
    expect(await edit.getByLabel('Prix unitaire (EUR)').inputValue()).toBe('12,50');
    expect(await edit.getByLabel('Coût unitaire (EUR, privé)').inputValue()).toBe('7,50');
    await screenshot(page, 'i18n-price-fr');
    await page.context().close();
  }, 120_000);
});
