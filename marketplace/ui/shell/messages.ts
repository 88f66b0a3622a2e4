/**
 * The words of the frame around every signed-in page (navigation, who is signed in, the route guards), in
 * English, Spanish and French (see ../i18n/README.md).
 *
 * Navigation labels are keyed by the entry's path, not written into NAV_ITEMS: an entry added to
 * navigation.ts with only its English label still shows (in English) until its path is added here, and
 * paths other features are adding (`/messages`, `/claims`) are translated before they land.
 */
import { formatNumber as n, localized, plural, type Catalog } from '../i18n/index.ts';

const en = {
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  signOut: 'Sign out',
  nav: {
    '/executive': 'Executive dashboard',
    '/analytics/explore': 'Explore',
    '/analytics/sql': 'SQL',
    '/seller': 'Sales dashboard',
    '/spending': 'Spending',
    '/catalog': 'Catalog',
    '/cart': 'Cart',
    '/orders': 'Orders',
    '/messages': 'Messages',
    '/claims': 'Claims',
    '/products': 'Products',
    '/inventory': 'Inventory',
    '/settlements': 'Settlements',
    '/team': 'Team',
    '/billing': 'Plan and billing',
    '/seller/verification': 'Verification',
    '/admin': 'Admin',
  },
  cartCount: (count: number) => `${n(count)} ${plural(count, { one: 'line', other: 'lines' })} in the cart`,
  roles: {
    owner: 'Owner',
    admin: 'Admin',
    executive: 'Executive',
    analyst: 'Data analyst',
    catalog_manager: 'Catalog manager',
    order_manager: 'Order manager',
    finance: 'Finance',
    viewer: 'Viewer',
  },
  kinds: {
    platform: 'Wholesail staff',
    manufacturer: 'Manufacturer',
    retailer: 'Retailer',
  },
  restoring: 'Restoring your session',
  notAllowedTitle: 'Not allowed - Wholesail',
  notAllowed: 'You do not have access to this page',
  notAllowedWhy: 'This page is for another kind of account (403).',
  goHome: 'Go to your dashboard',
};

const es = {
  skipToContent: 'Saltar al contenido',
  mainNavigation: 'Principal',
  signOut: 'Cerrar sesión',
  nav: {
    '/executive': 'Panel ejecutivo',
    '/analytics/explore': 'Explorar',
    '/analytics/sql': 'SQL',
    '/seller': 'Panel de ventas',
    '/spending': 'Compras',
    '/catalog': 'Catálogo',
    '/cart': 'Carrito',
    '/orders': 'Pedidos',
    '/messages': 'Mensajes',
    '/claims': 'Reclamaciones',
    '/products': 'Productos',
    '/inventory': 'Inventario',
    '/settlements': 'Liquidaciones',
    '/team': 'Equipo',
    '/billing': 'Plan y facturación',
    '/seller/verification': 'Verificación',
    '/admin': 'Administración',
  },
  cartCount: (count) => `${n(count)} ${plural(count, { one: 'línea', other: 'líneas' })} en el carrito`,
  roles: {
    owner: 'Propietario',
    admin: 'Administrador',
    executive: 'Directivo',
    analyst: 'Analista de datos',
    catalog_manager: 'Responsable de catálogo',
    order_manager: 'Responsable de pedidos',
    finance: 'Finanzas',
    viewer: 'Solo lectura',
  },
  kinds: {
    platform: 'Personal de Wholesail',
    manufacturer: 'Fabricante',
    retailer: 'Minorista',
  },
  restoring: 'Recuperando su sesión',
  notAllowedTitle: 'Acceso no permitido - Wholesail',
  notAllowed: 'No tiene acceso a esta página',
  notAllowedWhy: 'Esta página es para otro tipo de cuenta (403).',
  goHome: 'Ir a su panel',
} satisfies Catalog<typeof en>;

const fr = {
  skipToContent: 'Aller au contenu',
  mainNavigation: 'Principale',
  signOut: 'Se déconnecter',
  nav: {
    '/executive': 'Tableau de bord de direction',
    '/analytics/explore': 'Explorer',
    '/analytics/sql': 'SQL',
    '/seller': 'Tableau de bord des ventes',
    '/spending': 'Achats',
    '/catalog': 'Catalogue',
    '/cart': 'Panier',
    '/orders': 'Commandes',
    '/messages': 'Messages',
    '/claims': 'Réclamations',
    '/products': 'Produits',
    '/inventory': 'Stocks',
    '/settlements': 'Reversements',
    '/team': 'Équipe',
    '/billing': 'Offre et facturation',
    '/seller/verification': 'Vérification',
    '/admin': 'Administration',
  },
  cartCount: (count) => `${n(count)} ${plural(count, { one: 'ligne', other: 'lignes' })} dans le panier`,
  roles: {
    owner: 'Propriétaire',
    admin: 'Administrateur',
    executive: 'Direction',
    analyst: 'Analyste de données',
    catalog_manager: 'Responsable catalogue',
    order_manager: 'Responsable des commandes',
    finance: 'Finance',
    viewer: 'Lecture seule',
  },
  kinds: {
    platform: 'Équipe Wholesail',
    manufacturer: 'Fabricant',
    retailer: 'Détaillant',
  },
  restoring: 'Restauration de votre session',
  notAllowedTitle: 'Accès refusé - Wholesail',
  notAllowed: 'Vous n’avez pas accès à cette page',
  notAllowedWhy: 'Cette page est destinée à un autre type de compte (403).',
  goHome: 'Aller à votre tableau de bord',
} satisfies Catalog<typeof en>;

/** The catalogs, for the test that keeps NAV_ITEMS' English labels and this catalog in step. */
export const shellCatalogs = { en, es, fr };

// Looked up with paths and role names that may be new (another feature's entry, a role the API added).
export const shellMessages: Omit<typeof en, 'nav' | 'roles'> & {
  nav: Record<string, string>;
  roles: Record<string, string>;
} = localized(shellCatalogs);
