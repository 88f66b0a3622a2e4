import { describe, expect, it } from 'vitest';
import { inlineParams, sqlLiteral } from './sql-params.ts';

describe('the generated SQL with its parameters written in', () => {
  it('quotes strings the way ClickHouse reads them and leaves numbers bare', () => {
    expect(sqlLiteral("it's a \\ path")).toBe("'it\\'s a \\\\ path'");
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(['a', 1])).toBe("'a', 1");
  });

  it('fills placeholders in order and leaves question marks inside strings and identifiers alone', () => {
    const sql =
      "SELECT `what?` FROM t WHERE a = ? AND note != 'why?' AND b IN (?, ?) AND c = 'it''s?' AND d = 'x\\'?' AND e = ?";
    expect(inlineParams(sql, ['2026-09-01T00:00:00.000Z', 'completed', "o'clock", 7])).toBe(
      "SELECT `what?` FROM t WHERE a = '2026-09-01T00:00:00.000Z' AND note != 'why?' AND b IN ('completed', 'o\\'clock') AND c = 'it''s?' AND d = 'x\\'?' AND e = 7",
    );
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(inlineParams('a = ? AND b = ?', ['x'])).toBe("a = 'x' AND b = ?");
  });
});
