/** The account page names each notification kind the API lists, in every language, and invents none. */
import { describe, expect, it } from 'vitest';
import { notificationKinds } from '../../notifications/kinds.ts';
import { accountCatalogs } from './messages.ts';

describe('notification kinds on the account page', () => {
  for (const [language, catalog] of Object.entries(accountCatalogs))
    it(`has a name and a hint for exactly the API's kinds in ${language}`, () => {
      expect(Object.keys(catalog.kindNames).sort()).toEqual([...notificationKinds].sort());
      expect(Object.keys(catalog.kindHints).sort()).toEqual([...notificationKinds].sort());
    });
});
