/** The words of data/ (what a failed request tells the user), in English, Spanish and French. */
import { localized, type Catalog } from '../i18n/index.ts';

const en = {
  unreachable: 'Cannot reach Wholesail. Check your connection and try again.',
  failed: 'Something went wrong. Try again.',
};

const es = {
  unreachable: 'No se puede conectar con Wholesail. Compruebe su conexión y vuelva a intentarlo.',
  failed: 'Se ha producido un error. Vuelva a intentarlo.',
} satisfies Catalog<typeof en>;

const fr = {
  unreachable: 'Impossible de joindre Wholesail. Vérifiez votre connexion et réessayez.',
  failed: 'Une erreur s’est produite. Veuillez réessayer.',
} satisfies Catalog<typeof en>;

export const dataMessages = localized({ en, es, fr });
