/** The small rules of the two-factor card, apart from the component so they can be tested. */

/** A code as typed ("123 456" from an app that groups digits) without the spaces. */
export const normaliseCode = (typed: string) => typed.replace(/\s+/g, '');

/** What the API accepts when turning two-factor on: the app's current six digits (recovery codes come later). */
export const isAuthenticatorCode = (typed: string) => /^\d{6}$/.test(normaliseCode(typed));

/**
 * The base32 setup key in groups of four, as authenticator apps show and accept it: easier to read aloud and
 * to type without losing one's place. Apps ignore the spaces.
 */
export const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** The text file of recovery codes: the heading, then one code a line. */
export const recoveryCodesFile = (heading: string, codes: string[]) => `${heading}\n${codes.join('\n')}\n`;
