import { describe, expect, it } from 'vitest';
import {
  draftFromQuery,
  emptyDraft,
  presetRange,
  queryFromDraft,
  readQueryParam,
  type ExploreDraft,
} from './explore-query.ts';

const draft = (change: Partial<ExploreDraft>): ExploreDraft => ({ ...emptyDraft(), ...change });
const problemsOf = (d: ExploreDraft, typeOf?: (m: string) => string | undefined) =>
  queryFromDraft(d, typeOf).problems.map((p) => `${p.where}:${p.problem}`);

describe('the explorer’s draft and the Cube query it becomes', () => {
  it('turns GMV by month over a range into the Cube query, and a link back into the same draft', () => {
    const gmv = draft({
      measures: ['orders.gmv'],
      dimensions: ['sellers.name'],
      timeDimension: 'orders.placed_at',
      granularity: 'month',
      from: '2026-09-01',
      to: '2026-10-31',
      filters: [{ member: 'orders.status', operator: 'equals', values: ['completed', ' shipped ', ''] }],
      order: [{ member: 'orders.gmv', desc: true }],
      limit: '500',
    });
    const { query, problems } = queryFromDraft(gmv);
    expect(problems).toEqual([]);
    expect(query).toEqual({
      measures: ['orders.gmv'],
      dimensions: ['sellers.name'],
      timeDimensions: [
        { dimension: 'orders.placed_at', granularity: 'month', dateRange: ['2026-09-01', '2026-10-31'] },
      ],
      filters: [{ member: 'orders.status', operator: 'equals', values: ['completed', 'shipped'] }],
      order: [['orders.gmv', 'desc']],
      limit: 500,
    });
    const back = draftFromQuery(JSON.parse(JSON.stringify(query)));
    expect(back.unsupported).toEqual([]);
    expect(back.draft).toEqual({
      ...gmv,
      filters: [{ member: 'orders.status', operator: 'equals', values: ['completed', 'shipped'] }],
    });
  });

  it('leaves out a time dimension that neither groups nor limits, and runs a grouping on its own', () => {
    expect(
      queryFromDraft(draft({ measures: ['orders.count'], timeDimension: 'orders.placed_at' })).query,
    ).toEqual({
      measures: ['orders.count'],
    });
    const grouped = queryFromDraft(draft({ timeDimension: 'orders.placed_at', granularity: 'week' }));
    expect(grouped.problems).toEqual([]);
    expect(grouped.query.timeDimensions).toEqual([{ dimension: 'orders.placed_at', granularity: 'week' }]);
  });

  it('names each problem instead of sending a query the API would refuse', () => {
    expect(problemsOf(draft({}))).toEqual(['members:nothing']);
    expect(problemsOf(draft({ granularity: 'month' }))).toEqual(['members:nothing']);
    const base = { measures: ['orders.gmv'], timeDimension: 'orders.placed_at' };
    expect(problemsOf(draft({ ...base, from: '2026-10-01' }))).toEqual(['time:rangeHalf']);
    expect(problemsOf(draft({ ...base, from: '2026-10-02', to: '2026-10-01' }))).toEqual(['time:range']);
    for (const limit of ['0', '50001', '2.5', 'ten'])
      expect(problemsOf(draft({ ...base, limit }))).toEqual(['limit:limit']);
    expect(problemsOf(draft({ ...base, limit: '50000' }))).toEqual([]);
    expect(
      problemsOf(
        draft({
          ...base,
          filters: [
            { member: '', operator: 'equals', values: ['x'] },
            { member: 'orders.status', operator: 'equals', values: ['', '  '] },
            { member: 'orders.gmv', operator: 'gt', values: ['lots'] },
            { member: 'orders.placed_at', operator: 'inDateRange', values: ['2026-10-05', '2026-10-01'] },
            { member: 'orders.units', operator: 'equals', values: ['12', 'a dozen'] },
            { member: 'orders.status', operator: 'set', values: [] },
          ],
          order: [{ member: 'sellers.name', desc: false }],
        }),
        (member) => (member === 'orders.units' ? 'number' : 'string'),
      ),
    ).toEqual([
      'filter-1:filterMember',
      'filter-2:filterValues',
      'filter-3:filterNumber',
      'filter-4:filterRange',
      'filter-5:filterNumber',
      'order-1:orderMember',
    ]);
  });

  it('keeps values that hold commas, one per line, and sends set/not set without values', () => {
    const { query } = queryFromDraft(
      draft({
        measures: ['orders.count'],
        filters: [
          { member: 'sellers.name', operator: 'equals', values: ['Harbor & Pine', 'Acme, Inc.'] },
          { member: 'orders.ship_region', operator: 'notSet', values: ['left over'] },
          { member: 'orders.gmv', operator: 'gte', values: ['1000'] },
        ],
      }),
    );
    expect(query.filters).toEqual([
      { member: 'sellers.name', operator: 'equals', values: ['Harbor & Pine', 'Acme, Inc.'] },
      { member: 'orders.ship_region', operator: 'notSet' },
      { member: 'orders.gmv', operator: 'gte', values: ['1000'] },
    ]);
  });

  it('sends typed numbers as Cube reads them, grouping and sign included', () => {
    const { query, problems } = queryFromDraft(
      draft({
        measures: ['orders.count'],
        filters: [
          { member: 'orders.gmv', operator: 'gte', values: ['1,250.5'] },
          { member: 'orders.units', operator: 'equals', values: ['-3', ' 12 '] },
        ],
        limit: '10,000',
      }),
      (member) => (member === 'orders.units' ? 'number' : 'string'),
    );
    expect(problems).toEqual([]);
    expect(query.filters).toEqual([
      { member: 'orders.gmv', operator: 'gte', values: ['1250.5'] },
      { member: 'orders.units', operator: 'equals', values: ['-3', '12'] },
    ]);
    expect(query.limit).toBe(10_000);
  });

  it('reads links written by Cube’s own tools, and says what the builder cannot show', () => {
    const { draft: read, unsupported } = draftFromQuery({
      measures: ['orders.count'],
      segments: ['orders.big'],
      timeDimensions: [
        { dimension: 'orders.placed_at', granularity: 'day', dateRange: 'last 7 days' },
        { dimension: 'orders.status_changed_at' },
      ],
      filters: [
        { dimension: 'orders.status', operator: 'equals', values: ['placed'] },
        { or: [{ member: 'orders.status', operator: 'equals', values: ['shipped'] }] },
        {
          member: 'orders.placed_at',
          operator: 'inDateRange',
          values: ['2026-09-01T00:00:00.000', '2026-09-30'],
        },
      ],
      order: { 'orders.count': 'desc', 'orders.placed_at': 'asc' },
      limit: 20,
      offset: 40,
    });
    expect(read.filters).toEqual([
      { member: 'orders.status', operator: 'equals', values: ['placed'] },
      { member: 'orders.placed_at', operator: 'inDateRange', values: ['2026-09-01', '2026-09-30'] },
    ]);
    expect(read.order).toEqual([
      { member: 'orders.count', desc: true },
      { member: 'orders.placed_at', desc: false },
    ]);
    expect(read).toMatchObject({
      timeDimension: 'orders.placed_at',
      granularity: 'day',
      from: '',
      limit: '20',
    });
    expect(unsupported.sort()).toEqual(['dateRange', 'filters', 'offset', 'segments', 'timeDimensions']);
  });

  it('tells a link without a readable query from one without any query', () => {
    expect(readQueryParam(null)).toEqual({ query: null, error: false });
    expect(readQueryParam('{"measures":')).toEqual({ query: null, error: true });
    expect(readQueryParam('[{"measures":["orders.count"]}]')).toEqual({ query: null, error: true });
    expect(readQueryParam('{"measures":["orders.count"]}').query).toEqual({ measures: ['orders.count'] });
  });

  it('turns quick ranges into explicit UTC days, both ends included', () => {
    const now = Date.parse('2026-11-28T23:30:00Z');
    expect(presetRange('last7', now)).toEqual({ from: '2026-11-22', to: '2026-11-28' });
    expect(presetRange('last90', now)).toEqual({ from: '2026-08-31', to: '2026-11-28' });
    expect(presetRange('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-11-28' });
    expect(presetRange('allTime', now)).toEqual({ from: '', to: '' });
  });
});
