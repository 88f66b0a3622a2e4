import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvOf } from './csv.ts';

describe('CSV of an explorer result', () => {
  it('follows RFC 4180: CRLF records, quotes only where needed, quotes doubled', async () => {
    const csv = await csvOf(
      ['sellers.name', 'orders.gmv'],
      [
        ['Harbor & Pine', '6144900'],
        ['Acme, Inc.', '12'],
        ['The "Best" Mugs', null],
        ['Two\nlines', '1'],
        ['Carriage\rreturn', '2'],
      ],
    );
    expect(csv).toBe(
      'sellers.name,orders.gmv\r\n' +
        'Harbor & Pine,6144900\r\n' +
        '"Acme, Inc.",12\r\n' +
        '"The ""Best"" Mugs",\r\n' +
        '"Two\nlines",1\r\n' +
        '"Carriage\rreturn",2\r\n',
    );
  });

  it('reads back as the same rows', async () => {
    const rows = [
      ['a', 'b,c', 'd"e'],
      ['', 'x\r\ny', '−12.50'],
    ];
    expect(parse(await csvOf(['one', 'two', 'three'], rows), { relax_column_count: false })).toEqual([
      ['one', 'two', 'three'],
      ...rows,
    ]);
  });
});
