/**
 * The words of data/ (what a failed request tells the user, and why a typed amount cannot be read), in English,
 * Spanish and French. Amount examples arrive written the page's way ("12,50" in Spanish and French).
 */
import { localized, plural, type Catalog } from '../i18n/index.ts';

const en = {
  unreachable: 'Cannot reach Wholesail. Check your connection and try again.',
  failed: 'Something went wrong. Try again.',
  amount: {
    empty: 'Enter an amount',
    malformed: (example: string) => `Enter an amount such as ${example}`,
    ambiguous: (typed: string, first: string, second: string) =>
      `“${typed}” could be ${first} or ${second}: type ${first} or ${second}`,
    tooPrecise: (currency: string, digits: number) =>
      digits === 0
        ? `${currency} amounts are whole numbers`
        : `At most ${digits} ${plural(digits, { one: 'decimal', other: 'decimals' })} in ${currency}`,
    tooLarge: 'This amount is too large',
  },
};

const es = {
  unreachable: 'No se puede conectar con Wholesail. Compruebe su conexión y vuelva a intentarlo.',
  failed: 'Se ha producido un error. Vuelva a intentarlo.',
  amount: {
    empty: 'Introduzca un importe',
    malformed: (example) => `Introduzca un importe como ${example}`,
    ambiguous: (typed, first, second) =>
      `«${typed}» puede leerse como ${first} o como ${second}: escriba ${first} o ${second}`,
    tooPrecise: (currency, digits) =>
      digits === 0
        ? `Los importes en ${currency} no llevan decimales`
        : `Como máximo ${digits} ${plural(digits, { one: 'decimal', other: 'decimales' })} en ${currency}`,
    tooLarge: 'El importe es demasiado grande',
  },
} satisfies Catalog<typeof en>;

const fr = {
  unreachable: 'Impossible de joindre Wholesail. Vérifiez votre connexion et réessayez.',
  failed: 'Une erreur s’est produite. Veuillez réessayer.',
  amount: {
    empty: 'Saisissez un montant',
    malformed: (example) => `Saisissez un montant comme ${example}`,
    ambiguous: (typed, first, second) =>
      `«\u00a0${typed}\u00a0» peut se lire ${first} ou ${second}\u00a0: saisissez ${first} ou ${second}`,
    tooPrecise: (currency, digits) =>
      digits === 0
        ? `Les montants en ${currency} sont des nombres entiers`
        : `${digits} ${plural(digits, { one: 'décimale', other: 'décimales' })} au maximum en ${currency}`,
    tooLarge: 'Ce montant est trop élevé',
  },
} satisfies Catalog<typeof en>;

export const dataMessages = localized({ en, es, fr });
