/** Every word the shared components show on their own (callers pass the rest), in English, Spanish and French. */
import { formatNumber, localized, type Catalog } from '../i18n/index.ts';

const en = {
  loading: 'Loading',
  loadingWhat: (what: string) => `Loading ${what}`,
  nothingYet: 'Nothing to show yet',
  pages: 'Pages',
  previous: 'Previous',
  next: 'Next',
  pageOf: (page: number, pages: number) => `Page ${formatNumber(page)} of ${formatNumber(pages)}`,
  page: (page: number) => `Page ${formatNumber(page)}`,
  caseFewer: (step: number) => `One case fewer (${formatNumber(step)})`,
  caseMore: (step: number) => `One case more (${formatNumber(step)})`,
  reasonTooShort: (min: number) => `Say why, in at least ${min} characters`,
  cancel: 'Cancel',
};

const es = {
  loading: 'Cargando',
  loadingWhat: (what) => `Cargando: ${what}`,
  nothingYet: 'Todavía no hay nada que mostrar',
  pages: 'Páginas',
  previous: 'Anterior',
  next: 'Siguiente',
  pageOf: (page, pages) => `Página ${formatNumber(page)} de ${formatNumber(pages)}`,
  page: (page) => `Página ${formatNumber(page)}`,
  caseFewer: (step) => `Una caja menos (${formatNumber(step)})`,
  caseMore: (step) => `Una caja más (${formatNumber(step)})`,
  reasonTooShort: (min) => `Indique el motivo en al menos ${min} caracteres`,
  cancel: 'Cancelar',
} satisfies Catalog<typeof en>;

const fr = {
  loading: 'Chargement',
  loadingWhat: (what) => `Chargement\u00a0: ${what}`,
  nothingYet: 'Rien à afficher pour le moment',
  pages: 'Pages',
  previous: 'Précédent',
  next: 'Suivant',
  pageOf: (page, pages) => `Page ${formatNumber(page)} sur ${formatNumber(pages)}`,
  page: (page) => `Page ${formatNumber(page)}`,
  caseFewer: (step) => `Un carton de moins (${formatNumber(step)})`,
  caseMore: (step) => `Un carton de plus (${formatNumber(step)})`,
  reasonTooShort: (min) => `Indiquez le motif en au moins ${min} caractères`,
  cancel: 'Annuler',
} satisfies Catalog<typeof en>;

export const componentMessages = localized({ en, es, fr });
