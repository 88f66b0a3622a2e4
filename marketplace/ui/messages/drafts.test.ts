import { describe, expect, it } from 'vitest';
import { MAX_BODY, bodyProblem, problemsByField, subjectProblem } from './drafts.ts';

describe('a draft message', () => {
  it('is refused when it holds only spaces and line breaks, as the API would', () => {
    expect(bodyProblem('  \n \n')).toBe('Write a message first.');
    expect(subjectProblem('   ')).toBe('Give the conversation a subject.');
  });

  it('counts its length after trimming, as the API does', () => {
    expect(bodyProblem(`  ${'x'.repeat(MAX_BODY)}  `)).toBeNull();
    expect(bodyProblem('x'.repeat(MAX_BODY + 1))).toBe('A message holds at most 5,000 characters.');
  });

  it('shows each of the API’s field problems under its input, and the rest above the form', () => {
    expect(
      problemsByField([{ field: 'subject', message: 'must be at most 200 characters' }], 'Invalid body: …'),
    ).toEqual({ subject: 'subject must be at most 200 characters' });
    expect(
      problemsByField(
        [{ field: 'counterpartCompanyId', message: 'is not an active manufacturer' }],
        'Messages go to an active manufacturer.',
      ),
    ).toEqual({ form: 'Messages go to an active manufacturer.' });
    expect(problemsByField([], 'Sending messages for your company needs the orders:place right.')).toEqual({
      form: 'Sending messages for your company needs the orders:place right.',
    });
  });
});
