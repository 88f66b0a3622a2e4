/** The words of the dashboard building blocks (headline tiles, chart frames, card states). */
import { localized, type Catalog } from '../../marketplace/ui/i18n/index.ts';

const en = {
  loading: (what: string) => `Loading ${what}`,
  loadingChart: 'Loading chart',
  noChange: 'no change to show',
  nothingToCompare: 'Nothing to compare with',
  failedTitle: 'These figures could not be loaded',
  noAnswer: 'The analytics service did not answer.',
};

const es = {
  loading: (what) => `Cargando ${what}`,
  loadingChart: 'Cargando el gráfico',
  noChange: 'sin variación que mostrar',
  nothingToCompare: 'No hay nada con que comparar',
  failedTitle: 'No se han podido cargar estas cifras',
  noAnswer: 'El servicio de análisis no ha respondido.',
} satisfies Catalog<typeof en>;

const fr = {
  loading: (what) => `Chargement\u00a0: ${what}`,
  loadingChart: 'Chargement du graphique',
  noChange: 'aucune variation à afficher',
  nothingToCompare: 'Rien à quoi comparer',
  failedTitle: 'Ces chiffres n’ont pas pu être chargés',
  noAnswer: 'Le service d’analyse n’a pas répondu.',
} satisfies Catalog<typeof en>;

export const chartMessages = localized({ en, es, fr });
