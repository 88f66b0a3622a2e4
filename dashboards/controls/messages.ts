/** The words of the controls above and around the dashboards: period, comparison, filters, drill-down, export. */
import { formatNumber, localized, type Catalog } from '../../marketplace/ui/i18n/index.ts';

const en = {
  presets: {
    '30d': 'Last 30 days',
    '90d': 'Last 90 days',
    ytd: 'This year',
    custom: 'Custom',
  },
  comparisons: {
    previous: 'Previous period',
    year: 'Same period last year',
  },
  filters: 'Dashboard filters',
  period: 'Period',
  from: 'From',
  to: 'To',
  compareWith: 'Compare with',
  comparedWith: (range: string) => ` compared with ${range}`,

  allTime: 'All time',
  category: (slug: string) => `category ${slug}`,
  /** A money column of a CSV: "GMV (USD)". */
  inUsd: (header: string) => `${header} (USD)`,
  rowsFailed: 'These rows could not be loaded',
  noRows: 'No rows',
  noRowsBody: 'Nothing matches this selection in this period.',
  more: (limit: number) =>
    `The newest ${formatNumber(limit)} rows are shown. Narrow the period or the filters to see the rest.`,
  close: 'Close',

  exportGroup: (title: string) => `Export ${title}`,
  csv: 'CSV',
  png: 'PNG',
  downloadCsv: (title: string) => `Download ${title} as CSV`,
  downloadPng: (title: string) => `Download ${title} as PNG`,
  showFigures: 'Show the figures',
};

const es = {
  presets: {
    '30d': 'Últimos 30 días',
    '90d': 'Últimos 90 días',
    ytd: 'Este año',
    custom: 'Personalizado',
  },
  comparisons: {
    previous: 'Periodo anterior',
    year: 'Mismo periodo del año pasado',
  },
  filters: 'Filtros del panel',
  period: 'Periodo',
  from: 'Desde',
  to: 'Hasta',
  compareWith: 'Comparar con',
  comparedWith: (range) => ` comparado con ${range}`,

  allTime: 'Todo el histórico',
  category: (slug) => `categoría ${slug}`,
  inUsd: (header) => `${header} (USD)`,
  rowsFailed: 'No se han podido cargar estas filas',
  noRows: 'No hay filas',
  noRowsBody: 'Nada coincide con esta selección en este periodo.',
  more: (limit) =>
    `Se muestran las ${formatNumber(limit)} filas más recientes. Acote el periodo o los filtros para ver el resto.`,
  close: 'Cerrar',

  exportGroup: (title) => `Exportar ${title}`,
  csv: 'CSV',
  png: 'PNG',
  downloadCsv: (title) => `Descargar ${title} en CSV`,
  downloadPng: (title) => `Descargar ${title} en PNG`,
  showFigures: 'Mostrar las cifras',
} satisfies Catalog<typeof en>;

const fr = {
  presets: {
    '30d': '30 derniers jours',
    '90d': '90 derniers jours',
    ytd: 'Cette année',
    custom: 'Personnalisée',
  },
  comparisons: {
    previous: 'Période précédente',
    year: 'Même période l’an dernier',
  },
  filters: 'Filtres du tableau de bord',
  period: 'Période',
  from: 'Du',
  to: 'Au',
  compareWith: 'Comparer avec',
  comparedWith: (range) => ` comparé à ${range}`,

  allTime: 'Depuis le début',
  category: (slug) => `catégorie ${slug}`,
  inUsd: (header) => `${header} (USD)`,
  rowsFailed: 'Ces lignes n’ont pas pu être chargées',
  noRows: 'Aucune ligne',
  noRowsBody: 'Rien ne correspond à cette sélection sur cette période.',
  more: (limit) =>
    `Les ${formatNumber(limit)} lignes les plus récentes sont affichées. Restreignez la période ou les filtres pour voir les autres.`,
  close: 'Fermer',

  exportGroup: (title) => `Exporter ${title}`,
  csv: 'CSV',
  png: 'PNG',
  downloadCsv: (title) => `Télécharger ${title} en CSV`,
  downloadPng: (title) => `Télécharger ${title} en PNG`,
  showFigures: 'Afficher les chiffres',
} satisfies Catalog<typeof en>;

export const controlMessages = localized({ en, es, fr });
