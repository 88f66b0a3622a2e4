/** The retailer's spending page's words (its shared words are in messages.ts). */
import { localized, type Catalog } from '../../marketplace/ui/i18n/index.ts';

const en = {
  title: 'Spending',
  description: 'What you bought, from whom, month by month.',
  totalSpend: 'Total spend',
  suppliers: 'Suppliers',
  unknownSupplier: 'Unknown',
  ordersTitle: (supplier: string | null, month: string | null) =>
    [supplier ? `Orders from ${supplier}` : 'Orders', month ? `in ${month}` : null].filter(Boolean).join(' '),
  noPurchases: 'No purchases in this period',
  noPurchasesBody: 'Your spending appears here after your first order.',
  spending: 'Spending by supplier and month',
  spendingSubtitle: (period: string) => `In US dollars, ${period}`,
  supplier: 'Supplier',
  monthUsd: (month: string) => `${month} (USD)`,
  totalUsd: 'Total (USD)',
  total: 'Total',
  spendingLabel: (suppliers: string) => `Spending by supplier: ${suppliers}`,
  table: 'By supplier and month',
  tableSubtitle: 'Every figure of the chart above',
};

const es = {
  title: 'Gastos',
  description: 'Qué compró, a quién y mes a mes.',
  totalSpend: 'Gasto total',
  suppliers: 'Proveedores',
  unknownSupplier: 'Desconocido',
  ordersTitle: (supplier, month) =>
    [supplier ? `Pedidos a ${supplier}` : 'Pedidos', month ? `en ${month}` : null].filter(Boolean).join(' '),
  noPurchases: 'No hay compras en este periodo',
  noPurchasesBody: 'Sus gastos aparecerán aquí tras su primer pedido.',
  spending: 'Gasto por proveedor y mes',
  spendingSubtitle: (period) => `En dólares estadounidenses, ${period}`,
  supplier: 'Proveedor',
  monthUsd: (month) => `${month} (USD)`,
  totalUsd: 'Total (USD)',
  total: 'Total',
  spendingLabel: (suppliers) => `Gasto por proveedor: ${suppliers}`,
  table: 'Por proveedor y mes',
  tableSubtitle: 'Todas las cifras del gráfico anterior',
} satisfies Catalog<typeof en>;

const fr = {
  title: 'Dépenses',
  description: 'Ce que vous avez acheté, auprès de qui, mois par mois.',
  totalSpend: 'Dépenses totales',
  suppliers: 'Fournisseurs',
  unknownSupplier: 'Inconnu',
  ordersTitle: (supplier, month) =>
    [supplier ? `Commandes à ${supplier}` : 'Commandes', month ? `en ${month}` : null]
      .filter(Boolean)
      .join(' '),
  noPurchases: 'Aucun achat sur cette période',
  noPurchasesBody: 'Vos dépenses apparaîtront ici après votre première commande.',
  spending: 'Dépenses par fournisseur et par mois',
  spendingSubtitle: (period) => `En dollars américains, ${period}`,
  supplier: 'Fournisseur',
  monthUsd: (month) => `${month} (USD)`,
  totalUsd: 'Total (USD)',
  total: 'Total',
  spendingLabel: (suppliers) => `Dépenses par fournisseur\u00a0: ${suppliers}`,
  table: 'Par fournisseur et par mois',
  tableSubtitle: 'Tous les chiffres du graphique ci-dessus',
} satisfies Catalog<typeof en>;

export const retailerMessages = localized({ en, es, fr });
