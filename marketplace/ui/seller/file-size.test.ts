import { describe, expect, it } from 'vitest';
import { sizeWith } from './file-size.ts';

const english = sizeWith({ bytes: 'B', kilobytes: 'KB', megabytes: 'MB', space: ' ' }, 'en');
const french = sizeWith({ bytes: 'o', kilobytes: 'Ko', megabytes: 'Mo', space: '\u00a0' }, 'fr');

describe('a file size for people', () => {
  it('says how big the chosen file is, in bytes, kilobytes or megabytes with one decimal', () => {
    expect([812, 20_480, 3_250_000, 2 * 1024 * 1024].map(english)).toEqual([
      '812 B',
      '20 KB',
      '3.1 MB',
      '2.0 MB',
    ]);
  });

  it('writes the number and the unit the way the language does', () => {
    expect([812, 3_250_000].map(french)).toEqual(['812\u00a0o', '3,1\u00a0Mo']);
    expect(sizeWith({ bytes: 'B', kilobytes: 'KB', megabytes: 'MB', space: ' ' }, 'en')(1_048_575)).toBe(
      '1,024 KB',
    );
  });
});
