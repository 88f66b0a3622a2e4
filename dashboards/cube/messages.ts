/** The words of the comparisons every headline figure makes (useComparedQuery's changes and their reasons). */
import { localized, type Catalog } from '../../marketplace/ui/i18n/index.ts';

const en = {
  vsPrevious: 'vs previous period',
  vsYearBefore: 'vs a year before',
  /** Why a change is missing: nothing happened in the comparison period (`period` is "Sep 30 – Oct 29, 2026"). */
  noOrdersIn: (period: string) => `No orders in ${period} to compare with.`,
  noRevenueIn: (period: string) => `No platform revenue in ${period} to compare with.`,
  zeroIn: (period: string) => `Zero in ${period}: a change from zero has no percentage.`,
};

const es = {
  vsPrevious: 'frente al periodo anterior',
  vsYearBefore: 'frente a un año antes',
  noOrdersIn: (period) => `No hubo pedidos en ${period} con los que comparar.`,
  noRevenueIn: (period) => `No hubo ingresos de la plataforma en ${period} con los que comparar.`,
  zeroIn: (period) => `Cero en ${period}: una variación desde cero no tiene porcentaje.`,
} satisfies Catalog<typeof en>;

const fr = {
  vsPrevious: 'par rapport à la période précédente',
  vsYearBefore: 'par rapport à l’année précédente',
  noOrdersIn: (period) => `Aucune commande pour la période ${period}, rien à comparer.`,
  noRevenueIn: (period) => `Aucun revenu de la plateforme pour la période ${period}, rien à comparer.`,
  zeroIn: (period) =>
    `Zéro pour la période ${period}\u00a0: une variation depuis zéro n’a pas de pourcentage.`,
} satisfies Catalog<typeof en>;

export const cubeMessages = localized({ en, es, fr });
