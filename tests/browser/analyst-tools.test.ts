/**
 * The analysts' tools end to end in Chromium, on the seeded demo marketplace: an analyst builds GMV by month in
 * the explorer and sees exactly the semantic layer's answer (table, shared link, generated SQL, CSV export),
 * takes the generated SQL to the SQL console and gets the same figures; runs SQL, is told plainly that a write is
 * refused (and nothing is written), downloads CSV; a manufacturer gets "no access" on both pages and the API
 * refuses it platform-only data anyway.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineParams } from '../../marketplace/ui/analyst/sql-params.ts';
import { SQL_EXAMPLES } from '../../marketplace/ui/analyst/sql-examples.ts';
import { DEMO_PASSWORD, sellerEmail } from '../../scripts/seed/demo-data.ts';
import { expectProblem } from '../support/expect-problem.ts';
import type { TestPlatform } from '../support/test-platform.ts';
import { launchBrowser, signIn, skipBrowserTests, startDemoPlatform } from './support/browser.ts';

const DESKTOP = { width: 1280, height: 900 };
const ANALYST = 'analyst@wholesail.demo';
const GMV_BY_MONTH = {
  measures: ['orders.gmv'],
  timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
  order: [['orders.placed_at', 'asc']],
};

describe.skipIf(skipBrowserTests)('the analysts’ explorer and SQL console', () => {
  let tp: TestPlatform;
  let browser: Browser;
  let analyst: Page;
  let analystToken: string;

  /** The raw values of the result table on screen, row by row (cells carry the API's value as data-value). */
  const tableValues = (page: Page) =>
    page
      .getByRole('table', { name: 'Query result' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) =>
          [...tr.querySelectorAll('[data-value]')].map((cell) => cell.getAttribute('data-value')),
        ),
      );
  const tableTexts = (page: Page) =>
    page
      .getByRole('table', { name: 'Query result' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
  const sql = (body: { sql: string; format?: string }, token = analystToken) =>
    tp.http('POST', '/api/v1/analytics/sql', { token, body });

  beforeAll(async () => {
    browser = await launchBrowser();
    tp = await startDemoPlatform();
    analystToken = await tp.login(ANALYST, DEMO_PASSWORD);
    analyst = await (
      await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', acceptDownloads: true })
    ).newPage();
    await signIn(analyst, tp.url, ANALYST, '/executive');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });

  it('an analyst builds GMV by month and sees the semantic layer’s own numbers, by link too', async () => {
    await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explore' }).click();
    await analyst.getByRole('heading', { level: 1, name: 'Explore' }).waitFor();
    const builder = analyst.getByRole('form', { name: 'Query' });

    // GMV lives in several cubes: the one of the Orders cube, found through the search.
    await builder.getByLabel('Search measures').fill('gross gmv');
    await builder
      .getByRole('group', { name: 'Orders', exact: true })
      .getByRole('checkbox', { name: /GMV, gross/ })
      .check();
    await builder.getByLabel('Time dimension').selectOption({ label: 'Orders Placed at' });
    await builder.getByLabel('Group by').selectOption('month');
    await builder.getByRole('button', { name: 'Add order' }).click();
    expect(await builder.getByLabel('Order 1: by').inputValue()).toBe('orders.placed_at');
    await builder.getByRole('button', { name: 'Run query' }).click();

    // The address holds the whole query.
    await analyst.waitForURL(/query=/);
    const inLink = JSON.parse(new URL(analyst.url()).searchParams.get('query')!);
    expect(inLink).toEqual(GMV_BY_MONTH);

    // The API's answer to the same query, asked directly.
    const load = await tp.http('POST', '/cubejs-api/v1/load', {
      token: analystToken,
      body: { query: GMV_BY_MONTH },
    });
    expect(load.status).toBe(200);
    const expected = (load.body.data as Array<Record<string, string>>).map((r) => [
      r['orders.placed_at.month'],
      r['orders.gmv'],
    ]);
    expect(expected.length, 'the demo data spans several months').toBeGreaterThan(2);

    await analyst.getByRole('table', { name: 'Query result' }).waitFor();
    expect(await tableValues(analyst)).toEqual(expected);
    // What people read: the month and the same number with its digits grouped.
    expect(await tableTexts(analyst)).toEqual(
      expected.map(([month, gmv]) => [month!.slice(0, 7), Number(gmv).toLocaleString('en-US')]),
    );
    await analyst.locator('.chart canvas').first().waitFor();
    expect(await analyst.getByRole('img', { name: /^Line chart of Orders GMV, gross/ }).count()).toBe(1);

    // The link reproduces the analysis: a reload (as a shared link would) shows the same rows.
    await analyst.reload();
    await analyst.getByRole('table', { name: 'Query result' }).waitFor();
    expect(await tableValues(analyst)).toEqual(expected);
    expect(await analyst.getByRole('form', { name: 'Query' }).getByLabel('Group by').inputValue()).toBe(
      'month',
    );
  });

  it('shows the generated SQL, exports the rows as CSV, and the SQL gives the same figures in the console', async () => {
    await analyst.getByRole('button', { name: 'Show SQL' }).click();
    const shown = analyst.getByTestId('generated-sql');
    await shown.waitFor();
    const compiled = await tp.http(
      'GET',
      `/cubejs-api/v1/sql?query=${encodeURIComponent(JSON.stringify(GMV_BY_MONTH))}`,
      { token: analystToken },
    );
    const [rawSql, params] = compiled.body.sql.sql as [string, unknown[]];
    expect(await shown.textContent()).toBe(inlineParams(rawSql, params));
    expect(await shown.textContent()).toContain('wholesail.fct_orders_current');

    const [download] = await Promise.all([
      analyst.waitForEvent('download'),
      analyst.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^wholesail-explore-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('\r\n');
    const onScreen = await tableValues(analyst);
    expect(parse(csv)).toEqual([['orders.placed_at.month', 'orders.gmv'], ...onScreen]);

    await analyst.getByRole('link', { name: 'Open in the SQL console' }).click();
    await analyst.getByRole('heading', { level: 1, name: 'SQL console' }).waitFor();
    await analyst.getByText(/rows? in [\d,]+ ms/).waitFor();
    const consoleRows = await analyst
      .getByRole('table', { name: 'Query result' })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    // Same months, same GMV: the semantic layer's SQL run as it is.
    expect(consoleRows.map(([month, gmv]) => [month!.slice(0, 7), gmv])).toEqual(
      onScreen.map(([month, gmv]) => [month!.slice(0, 7), gmv]),
    );
  });

  it('shows why the API refuses a query, in its own words', async () => {
    const unknown = encodeURIComponent(JSON.stringify({ measures: ['orders.gmv_typo'] }));
    await analyst.goto(`${tp.url}/analytics/explore?query=${unknown}`);
    const refusal = analyst.getByRole('alert').filter({ hasText: 'The query was refused (400)' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('"orders.gmv_typo" is not a member of any cube or view.');

    // Problems the builder can see stop the run with a sentence, before the API is asked.
    await analyst.goto(`${tp.url}/analytics/explore`);
    const builder = analyst.getByRole('form', { name: 'Query' });
    await builder.getByRole('button', { name: 'Run query' }).click();
    await analyst
      .getByRole('alert')
      .filter({ hasText: 'Pick at least one measure or dimension, or a time dimension with a grouping.' })
      .waitFor();
    expect(new URL(analyst.url()).searchParams.has('query')).toBe(false);

    // The starting example runs and lands in the form, ready to change.
    await analyst.getByRole('button', { name: 'Try GMV by month' }).click();
    await analyst.getByRole('table', { name: 'Query result' }).waitFor();
    expect(await builder.getByLabel('Group by').inputValue()).toBe('month');
    expect(await builder.getByRole('button', { name: 'Remove Orders GMV, gross (USD cents)' }).count()).toBe(
      1,
    );
  });

  it('runs SQL in the console, refuses a write in plain words, and downloads CSV', async () => {
    await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SQL' }).click();
    await analyst.getByRole('heading', { level: 1, name: 'SQL console' }).waitFor();
    const editor = analyst.getByLabel('SQL query');
    const byStatus =
      'SELECT status, count() AS orders FROM wholesail.fct_orders_current GROUP BY status ORDER BY status';

    await editor.fill(byStatus);
    await editor.press('Control+Enter');
    await analyst.getByText(/rows? in [\d,]+ ms/).waitFor();
    const answer = await sql({ sql: byStatus });
    expect(answer.status).toBe(200);
    expect(answer.body.rows.length).toBeGreaterThan(1);
    const cells = await analyst
      .getByRole('table', { name: 'Query result' })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells).toEqual(answer.body.rows.map((r: unknown[]) => r.map(String)));
    expect(new URL(analyst.url()).searchParams.get('sql')).toBe(byStatus);

    // A write is refused with the reason, and nothing is written.
    const cities = async () =>
      (await sql({ sql: 'SELECT count() FROM wholesail.dim_cities' })).body.rows[0][0];
    const before = await cities();
    await editor.fill("INSERT INTO wholesail.dim_cities VALUES ('XX', 'Nowhere', 'Nowhere', 0, 0)");
    await analyst.getByRole('button', { name: 'Run', exact: true }).click();
    const refusal = analyst.getByRole('alert').filter({ hasText: 'The query was refused (403)' });
    await refusal.waitFor();
    expect(await analyst.getByTestId('sql-error').textContent()).toBe(
      'The SQL console only runs queries over the warehouse: only SELECT (or WITH ... SELECT) statements, not InsertQuery.',
    );
    expect(await cities()).toBe(before);

    // The download is the API's CSV of the query in the editor.
    await editor.fill(byStatus);
    const [download] = await Promise.all([
      analyst.waitForEvent('download'),
      analyst.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('wholesail-export.csv');
    const csv = parse(await readFile((await download.path())!, 'utf8'));
    expect(csv).toEqual([['status', 'orders'], ...answer.body.rows.map((r: unknown[]) => r.map(String))]);
  });

  it('offers examples that run, and the warehouse’s tables from its catalogue', async () => {
    for (const example of SQL_EXAMPLES) {
      const res = await sql({ sql: example.sql });
      expect(res.status, `${example.title}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    await analyst.getByRole('button', { name: 'Use example: Orders by status' }).click();
    expect(await analyst.getByLabel('SQL query').inputValue()).toBe(
      SQL_EXAMPLES.find((e) => e.title === 'Orders by status')!.sql,
    );
    // The live catalogue, searched by column: the facts and the marts (refreshable views holding rows) that
    // have it, not the feeder views whose rows are in the fact table.
    const tables = analyst.locator('.schema-tables summary .schema-tables__name');
    await analyst.getByLabel('Find a table or column').fill('units');
    await expect
      .poll(() => tables.allTextContents())
      .toEqual(expect.arrayContaining(['fct_orders', 'fct_orders_current', 'mart_daily_gmv']));
    expect(await tables.allTextContents()).not.toContain('fct_orders_mv');
    // One table found by its name opens by itself, with a query to start from.
    await analyst.getByLabel('Find a table or column').fill('fct_orders_current');
    await analyst.getByRole('button', { name: 'Query fct_orders_current' }).click();
    expect(await analyst.getByLabel('SQL query').inputValue()).toBe(
      'SELECT *\nFROM wholesail.fct_orders_current\nLIMIT 100',
    );
  });

  it('a manufacturer gets "no access" on both pages, and the API refuses it platform-only data', async () => {
    const seller = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await signIn(seller, tp.url, sellerEmail('alpine'), '/seller');
    const nav = seller.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Explore' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'SQL' }).count()).toBe(0);
    for (const path of [
      '/analytics/explore',
      `/analytics/explore?query=${encodeURIComponent(JSON.stringify(GMV_BY_MONTH))}`,
      '/analytics/sql',
    ]) {
      await seller.goto(`${tp.url}${path}`);
      await seller.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    }
    await seller.context().close();

    const token = await tp.login(sellerEmail('alpine'), DEMO_PASSWORD);
    const cohorts = await tp.http('POST', '/cubejs-api/v1/load', {
      token,
      body: { query: { measures: ['buyer_cohorts.buyers'] } },
    });
    expectProblem(cohorts, 403, 'query_forbidden');
    expectProblem(await sql({ sql: 'SELECT 1' }, token), 403, 'forbidden');
  });
});
