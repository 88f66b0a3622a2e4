import { describe, expect, it } from 'vitest';
import { chartFor } from './result-chart.ts';
import {
  cellText,
  formatNumberText,
  formatTimeBucket,
  reachedLimit,
  resultColumns,
  type LoadAnswer,
} from './result-table.ts';

const annotation: LoadAnswer['annotation'] = {
  measures: {
    'orders.gmv': {
      title: 'Orders GMV, gross (USD cents)',
      shortTitle: 'GMV',
      type: 'number',
      meta: { unit: 'minor' },
    },
    'orders.count': { title: 'Orders Orders', shortTitle: 'Orders', type: 'number' },
    'orders.take_rate': { title: 'Orders Take rate', shortTitle: 'Take rate', type: 'number' },
  },
  dimensions: {
    'sellers.name': { title: 'Sellers Name', shortTitle: 'Name', type: 'string' },
  },
  timeDimensions: {
    'orders.placed_at.month': { title: 'Orders Placed at', shortTitle: 'Placed at', type: 'time' },
    'orders.placed_at': { title: 'Orders Placed at', shortTitle: 'Placed at', type: 'time' },
  },
};

const answer = (query: LoadAnswer['query'], data: LoadAnswer['data']): LoadAnswer => ({
  query,
  data,
  annotation,
});

describe('an explorer answer as a table', () => {
  it('puts time first, then dimensions, then measures, and marks money', () => {
    const columns = resultColumns(
      {
        measures: ['orders.gmv', 'orders.take_rate'],
        dimensions: ['sellers.name'],
        timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
      },
      annotation,
      (m) => (m === 'orders.take_rate' ? 'percent' : undefined),
    );
    expect(columns.map((c) => [c.key, c.title, c.kind, c.money, c.format])).toEqual([
      ['orders.placed_at.month', 'Orders Placed at (month)', 'time', false, undefined],
      ['sellers.name', 'Sellers Name', 'dimension', false, undefined],
      ['orders.gmv', 'Orders GMV, gross (USD cents)', 'measure', true, undefined],
      ['orders.take_rate', 'Orders Take rate', 'measure', false, 'percent'],
    ]);
    const [, name, gmv, rate] = columns;
    expect(cellText(gmv!, '18103106')).toBe('18,103,106');
    expect(cellText(gmv!, null)).toBe('–');
    expect(cellText(rate!, '0.05237')).toBe('5.24%');
    expect(cellText(name!, 'Acme, Inc.')).toBe('Acme, Inc.');
  });

  it('groups digits without losing any, even past what a float holds', () => {
    expect(formatNumberText('12345678901234567890')).toBe('12,345,678,901,234,567,890');
    expect(formatNumberText('-1234')).toBe('-1,234');
    expect(formatNumberText('999')).toBe('999');
    expect(formatNumberText('1234.56789')).toBe('1,234.5679');
  });

  it("groups digits the page's way in Spanish and French, still exactly", () => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(formatNumberText('12345678901234567890', undefined, 'es')).toBe('12.345.678.901.234.567.890');
    expect(plain(formatNumberText('12345678901234567890', undefined, 'fr'))).toBe(
      '12 345 678 901 234 567 890',
    );
    expect(formatNumberText('1234.56789', undefined, 'es')).toBe('1234,5679');
    expect(plain(formatNumberText('0.05237', 'percent', 'fr'))).toBe('5,24 %');
  });

  it('labels UTC time buckets by their grouping', () => {
    const t = '2026-08-07T13:05:09.000';
    expect(formatTimeBucket(t, 'year')).toBe('2026');
    expect(formatTimeBucket(t, 'quarter')).toBe('2026-Q3');
    expect(formatTimeBucket(t, 'month')).toBe('2026-08');
    expect(formatTimeBucket(t, 'day')).toBe('2026-08-07');
    expect(formatTimeBucket(t, 'hour')).toBe('2026-08-07 13:05');
    expect(formatTimeBucket(t)).toBe('2026-08-07 13:05:09');
  });

  it('says when the answer filled its row limit', () => {
    const q = { measures: ['orders.count'], dimensions: ['sellers.name'], limit: 2 };
    expect(reachedLimit(answer(q, [{}, {}]))).toBe(true);
    expect(reachedLimit(answer(q, [{}]))).toBe(false);
  });
});

describe('the chart an explorer answer gets', () => {
  const monthly = answer(
    {
      measures: ['orders.gmv'],
      dimensions: ['sellers.name'],
      timeDimensions: [{ dimension: 'orders.placed_at', granularity: 'month' }],
    },
    [
      { 'orders.placed_at.month': '2026-10-01T00:00:00.000', 'sellers.name': 'Alpine', 'orders.gmv': '300' },
      { 'orders.placed_at.month': '2026-09-01T00:00:00.000', 'sellers.name': 'Alpine', 'orders.gmv': '100' },
      { 'orders.placed_at.month': '2026-10-01T00:00:00.000', 'sellers.name': 'Harbor', 'orders.gmv': '50' },
    ],
  );

  it('draws a line over time, one series per dimension value, months in order and gaps left empty', () => {
    const plan = chartFor(monthly, resultColumns(monthly.query, monthly.annotation))!;
    expect(plan.kind).toBe('line');
    const option = plan.option as {
      xAxis: { data: string[] };
      series: Array<{ name: string; data: unknown[] }>;
    };
    expect(option.xAxis.data).toEqual(['2026-09', '2026-10']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Alpine', [100, 300]],
      ['Harbor', [null, 50]],
    ]);
    expect(plan.label).toContain('2026-09 100, 2026-10 300');
  });

  it('draws bars for categories, in the order of the rows', () => {
    const byName = answer({ measures: ['orders.gmv', 'orders.count'], dimensions: ['sellers.name'] }, [
      { 'sellers.name': 'Harbor', 'orders.gmv': '900', 'orders.count': '3' },
      { 'sellers.name': 'Alpine', 'orders.gmv': '400', 'orders.count': '5' },
    ]);
    const plan = chartFor(byName, resultColumns(byName.query, byName.annotation))!;
    expect(plan.kind).toBe('bar');
    const option = plan.option as {
      yAxis: { data: string[] };
      series: Array<{ name: string; data: unknown[] }>;
    };
    expect(option.yAxis.data).toEqual(['Harbor', 'Alpine']);
    expect(option.series.map((s) => s.data)).toEqual([
      [900, 400],
      [3, 5],
    ]);
  });

  it('draws nothing for a lone total or a list without measures', () => {
    const total = answer({ measures: ['orders.count'] }, [{ 'orders.count': '12' }]);
    expect(chartFor(total, resultColumns(total.query, total.annotation))).toBeNull();
    const names = answer({ dimensions: ['sellers.name'] }, [{ 'sellers.name': 'Alpine' }]);
    expect(chartFor(names, resultColumns(names.query, names.annotation))).toBeNull();
  });
});
