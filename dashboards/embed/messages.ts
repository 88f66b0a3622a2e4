/**
 * The words of the embed page: its error pages, its loading label, and the titles of the embeddable dashboards
 * and charts by id (catalog.ts keeps the English titles the API uses; the page shows these).
 */
import { localized, type Catalog } from '../../marketplace/ui/i18n/index.ts';

const en = {
  loading: 'Loading dashboard',
  live: 'Live',
  documentTitle: (title: string) => `${title} - Wholesail`,
  titles: {
    'seller-overview': 'Sales dashboard',
    'seller-overview/sales-trend': 'Sales trend',
    'seller-overview/top-products': 'Top products',
    'seller-overview/new-vs-returning': 'New vs returning customers',
    'seller-overview/buyer-map': 'Where your buyers are',
    'seller-overview/benchmarks': 'Benchmark vs peers',
    executive: 'Executive dashboard',
    'executive/kpis': 'Headline figures',
    'executive/gmv-by-month': 'GMV by month',
    'executive/gmv-by-region': 'GMV by buyer region',
    'executive/supplier-leaderboard': 'Supplier leaderboard',
    'executive/cohort-retention': 'Cohort retention',
  },
  problems: {
    unknown_dashboard: {
      title: 'There is no such dashboard',
      body: (id?: string) => `Nothing called "${id ?? ''}" can be embedded. Check the address of this frame.`,
    },
    missing_token: {
      title: 'This dashboard link has no access token',
      body: () => 'The page showing it must add the embed token it got from Wholesail to the frame address.',
    },
    invalid_token: {
      title: 'This dashboard link is not valid',
      body: () =>
        'Its embed token has been altered or is not an embed token. Reload the page to get a new link.',
    },
    wrong_dashboard: {
      title: 'This link is for another dashboard',
      body: (other?: string) =>
        `Its embed token opens ${other ? `"${other}"` : 'another dashboard'}, not this one. Ask for a token for this dashboard.`,
    },
    expired: {
      title: 'This dashboard link has expired',
      body: () => 'Embed links work for a short time only. Reload the page to get a fresh one.',
    },
    revoked: {
      title: 'This dashboard link no longer works',
      body: () => 'Whoever shared it can no longer share this dashboard. Ask them for a new link.',
    },
    origin_not_allowed: {
      title: 'This dashboard cannot be shown on this site',
      body: () => 'Its embed token allows it on other sites only.',
    },
    unreachable: {
      title: 'The dashboard could not be loaded',
      body: () => 'Wholesail did not answer. Try again in a moment.',
    },
  },
};

const es = {
  loading: 'Cargando el panel',
  live: 'En directo',
  documentTitle: (title) => `${title} - Wholesail`,
  titles: {
    'seller-overview': 'Panel de ventas',
    'seller-overview/sales-trend': 'Evolución de las ventas',
    'seller-overview/top-products': 'Productos más vendidos',
    'seller-overview/new-vs-returning': 'Clientes nuevos y recurrentes',
    'seller-overview/buyer-map': 'Dónde están sus compradores',
    'seller-overview/benchmarks': 'Comparación con sus pares',
    executive: 'Panel ejecutivo',
    'executive/kpis': 'Cifras principales',
    'executive/gmv-by-month': 'GMV por mes',
    'executive/gmv-by-region': 'GMV por región del comprador',
    'executive/supplier-leaderboard': 'Clasificación de proveedores',
    'executive/cohort-retention': 'Retención por cohortes',
  },
  problems: {
    unknown_dashboard: {
      title: 'Este panel no existe',
      body: (id) => `No se puede insertar nada llamado «${id ?? ''}». Compruebe la dirección de este marco.`,
    },
    missing_token: {
      title: 'Este enlace al panel no tiene token de acceso',
      body: () =>
        'La página que lo muestra debe añadir a la dirección del marco el token de inserción que obtuvo de Wholesail.',
    },
    invalid_token: {
      title: 'Este enlace al panel no es válido',
      body: () =>
        'Su token de inserción se ha alterado o no es un token de inserción. Recargue la página para obtener un enlace nuevo.',
    },
    wrong_dashboard: {
      title: 'Este enlace es de otro panel',
      body: (other) =>
        `Su token de inserción abre ${other ? `«${other}»` : 'otro panel'}, no este. Solicite un token para este panel.`,
    },
    expired: {
      title: 'Este enlace al panel ha caducado',
      body: () =>
        'Los enlaces de inserción solo funcionan durante poco tiempo. Recargue la página para obtener uno nuevo.',
    },
    revoked: {
      title: 'Este enlace al panel ya no funciona',
      body: () => 'Quien lo compartió ya no puede compartir este panel. Pídale un enlace nuevo.',
    },
    origin_not_allowed: {
      title: 'Este panel no se puede mostrar en este sitio',
      body: () => 'Su token de inserción solo lo permite en otros sitios.',
    },
    unreachable: {
      title: 'No se ha podido cargar el panel',
      body: () => 'Wholesail no ha respondido. Vuelva a intentarlo en un momento.',
    },
  },
} satisfies Catalog<typeof en>;

const fr = {
  loading: 'Chargement du tableau de bord',
  live: 'En direct',
  documentTitle: (title) => `${title} - Wholesail`,
  titles: {
    'seller-overview': 'Tableau de bord des ventes',
    'seller-overview/sales-trend': 'Évolution des ventes',
    'seller-overview/top-products': 'Meilleurs produits',
    'seller-overview/new-vs-returning': 'Nouveaux clients et clients fidèles',
    'seller-overview/buyer-map': 'Où sont vos acheteurs',
    'seller-overview/benchmarks': 'Comparaison avec vos pairs',
    executive: 'Tableau de bord de direction',
    'executive/kpis': 'Chiffres clés',
    'executive/gmv-by-month': 'GMV par mois',
    'executive/gmv-by-region': 'GMV par région de l’acheteur',
    'executive/supplier-leaderboard': 'Classement des fournisseurs',
    'executive/cohort-retention': 'Rétention par cohorte',
  },
  problems: {
    unknown_dashboard: {
      title: 'Ce tableau de bord n’existe pas',
      body: (id) =>
        `Rien de ce nom («\u00a0${id ?? ''}\u00a0») ne peut être intégré. Vérifiez l’adresse de ce cadre.`,
    },
    missing_token: {
      title: 'Ce lien de tableau de bord n’a pas de jeton d’accès',
      body: () =>
        'La page qui l’affiche doit ajouter à l’adresse du cadre le jeton d’intégration obtenu auprès de Wholesail.',
    },
    invalid_token: {
      title: 'Ce lien de tableau de bord n’est pas valide',
      body: () =>
        'Son jeton d’intégration a été modifié ou n’est pas un jeton d’intégration. Rechargez la page pour obtenir un nouveau lien.',
    },
    wrong_dashboard: {
      title: 'Ce lien concerne un autre tableau de bord',
      body: (other) =>
        `Son jeton d’intégration ouvre ${other ? `«\u00a0${other}\u00a0»` : 'un autre tableau de bord'}, pas celui-ci. Demandez un jeton pour ce tableau de bord.`,
    },
    expired: {
      title: 'Ce lien de tableau de bord a expiré',
      body: () =>
        'Les liens d’intégration ne fonctionnent que peu de temps. Rechargez la page pour en obtenir un nouveau.',
    },
    revoked: {
      title: 'Ce lien de tableau de bord ne fonctionne plus',
      body: () =>
        'La personne qui l’a partagé ne peut plus partager ce tableau de bord. Demandez-lui un nouveau lien.',
    },
    origin_not_allowed: {
      title: 'Ce tableau de bord ne peut pas être affiché sur ce site',
      body: () => 'Son jeton d’intégration ne l’autorise que sur d’autres sites.',
    },
    unreachable: {
      title: 'Le tableau de bord n’a pas pu être chargé',
      body: () => 'Wholesail n’a pas répondu. Réessayez dans un instant.',
    },
  },
} satisfies Catalog<typeof en>;

export const embedMessages = localized({ en, es, fr });
