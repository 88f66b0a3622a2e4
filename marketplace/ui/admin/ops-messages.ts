/**
 * Words of the admin panel's operations pages ("Orders": orders that need attention; "Platform": pipeline
 * health and marketplace counters), in English, Spanish and French (see ../i18n/README.md). Order statuses reuse
 * the order pages' labels (../orders/status.ts). Numbers and money arrive already formatted where a sentence
 * needs them.
 */
import { formatNumber as n, localized, plural, type Catalog } from '../i18n/index.ts';

type AttentionKind =
  'not_accepted' | 'ship_by_passed' | 'payment_failed' | 'payment_pending' | 'terms_overdue';

/** Hours as people say them: "3 h", "2 days 4 h". */
const hoursEn = (h: number) => (h < 48 ? `${n(h)} h` : `${n(Math.floor(h / 24))} days ${n(h % 24)} h`);
const hoursEs = (h: number) => (h < 48 ? `${n(h)} h` : `${n(Math.floor(h / 24))} días ${n(h % 24)} h`);
const hoursFr = (h: number) => (h < 48 ? `${n(h)} h` : `${n(Math.floor(h / 24))} jours ${n(h % 24)} h`);

const opsEn = {
  nav: { orders: 'Orders', platform: 'Platform' },

  // Orders that need attention
  ordersTitle: 'Orders that need attention',
  ordersDescription: (acceptHours: number, pendingMinutes: number) =>
    `Not accepted within ${n(acceptHours)} h, past ship-by (placed + lead time + 2 days), card payments failed or unpaid after ${n(pendingMinutes)} min, net terms past due. The oldest first.`,
  kind: {
    not_accepted: 'Placed, not accepted',
    ship_by_passed: 'Past the ship-by date',
    payment_failed: 'Card payment failed',
    payment_pending: 'Card payment pending too long',
    terms_overdue: 'Net-terms invoice overdue',
  } satisfies Record<AttentionKind, string>,
  kindEmpty: {
    not_accepted: 'Every placed order was accepted in time.',
    ship_by_passed: 'No accepted order is past its ship-by date.',
    payment_failed: 'No card payment failed in the last 7 days.',
    payment_pending: 'No card checkout is waiting too long for its payment.',
    terms_overdue: 'No net-terms order is overdue.',
  } satisfies Record<AttentionKind, string>,
  ordersCount: (total: number, shown: number) =>
    total > shown
      ? `${n(total)} orders, the ${n(shown)} oldest shown`
      : `${n(total)} ${plural(total, { one: 'order', other: 'orders' })}`,
  order: 'Order',
  buyer: 'Buyer',
  seller: 'Seller',
  amount: 'Amount',
  status: 'Status',
  age: 'Age',
  overdue: 'Overdue by',
  since: 'Since',
  hours: hoursEn,
  statusCountsTitle: 'Status changes',
  statusCountsHint: 'How many orders entered each status, from the order timelines.',
  today: 'Today (UTC)',
  last7Days: 'Last 7 days',
  noChanges: 'No order changed status in the last 7 days.',
  loadError: 'This could not be loaded',
  updated: (time: string) => `Updated ${time}`,

  // Platform metrics
  platformTitle: 'Platform',
  platformDescription: 'The event pipeline and the marketplace, re-read every 10 seconds.',
  pipeline: 'Event pipeline',
  marketplace: 'Marketplace',
  consumerLag: 'Consumer lag',
  consumerLagNote: 'Kafka messages not yet loaded',
  inProcess: 'In process',
  inProcessNote: 'Embedded mode: no Kafka consumer',
  eventsPerSecond: 'Events per second',
  eventsRateNote: (published: string) => `loaded; ${published} published (last minute)`,
  measuring: 'Measuring…',
  measuringNote: 'A rate needs two readings 5 s apart',
  freshnessP50: 'Freshness p50',
  freshnessP95: 'Freshness p95',
  freshnessNote: (observed: number) =>
    `commit to queryable, ${n(observed)} live ${plural(observed, { one: 'event', other: 'events' })} since start`,
  seconds: (s: number) => `${n(Math.round(s * 100) / 100)} s`,
  none: '—',
  deadLetters: 'Dead letters',
  deadLettersNote: 'Events the loader refused',
  outboxPending: 'Outbox backlog',
  outboxNote: (published: number, loaded: number) =>
    `${n(published)} published, ${n(loaded)} loaded since start`,
  kybWaiting: 'KYB cases waiting',
  openClaims: 'Open claims',
  escalatedClaims: 'Escalated claims',
  activeUsers: 'Active users (24 h)',
  activeUsersNote: 'Signed in or kept a session open',
  todayTitle: 'Orders and GMV today (UTC)',
  currency: 'Currency',
  orders: 'Orders',
  gmv: 'GMV',
  noOrdersToday: 'No order placed today yet.',
};

const opsEs = {
  nav: { orders: 'Pedidos', platform: 'Plataforma' },

  ordersTitle: 'Pedidos que requieren atención',
  ordersDescription: (acceptHours, pendingMinutes) =>
    `Sin aceptar en ${n(acceptHours)} h, pasada la fecha de envío (realizado + plazo de entrega + 2 días), pagos con tarjeta fallidos o sin pagar tras ${n(pendingMinutes)} min, pago aplazado vencido. Los más antiguos primero.`,
  kind: {
    not_accepted: 'Realizado, sin aceptar',
    ship_by_passed: 'Pasada la fecha de envío',
    payment_failed: 'Pago con tarjeta fallido',
    payment_pending: 'Pago con tarjeta pendiente demasiado tiempo',
    terms_overdue: 'Factura a plazo vencida',
  },
  kindEmpty: {
    not_accepted: 'Todos los pedidos realizados se aceptaron a tiempo.',
    ship_by_passed: 'Ningún pedido aceptado ha pasado su fecha de envío.',
    payment_failed: 'Ningún pago con tarjeta ha fallado en los últimos 7 días.',
    payment_pending: 'Ninguna compra con tarjeta espera su pago demasiado tiempo.',
    terms_overdue: 'Ningún pedido a plazo está vencido.',
  },
  ordersCount: (total, shown) =>
    total > shown
      ? `${n(total)} pedidos; se muestran los ${n(shown)} más antiguos`
      : `${n(total)} ${plural(total, { one: 'pedido', other: 'pedidos' })}`,
  order: 'Pedido',
  buyer: 'Comprador',
  seller: 'Vendedor',
  amount: 'Importe',
  status: 'Estado',
  age: 'Antigüedad',
  overdue: 'Retraso',
  since: 'Desde',
  hours: hoursEs,
  statusCountsTitle: 'Cambios de estado',
  statusCountsHint: 'Cuántos pedidos entraron en cada estado, según su historial.',
  today: 'Hoy (UTC)',
  last7Days: 'Últimos 7 días',
  noChanges: 'Ningún pedido cambió de estado en los últimos 7 días.',
  loadError: 'No se pudo cargar',
  updated: (time) => `Actualizado a las ${time}`,

  platformTitle: 'Plataforma',
  platformDescription: 'El flujo de eventos y el marketplace, releídos cada 10 segundos.',
  pipeline: 'Flujo de eventos',
  marketplace: 'Marketplace',
  consumerLag: 'Retraso del consumidor',
  consumerLagNote: 'Mensajes de Kafka aún sin cargar',
  inProcess: 'En proceso',
  inProcessNote: 'Modo integrado: sin consumidor de Kafka',
  eventsPerSecond: 'Eventos por segundo',
  eventsRateNote: (published) => `cargados; ${published} publicados (último minuto)`,
  measuring: 'Midiendo…',
  measuringNote: 'Un ritmo necesita dos lecturas separadas 5 s',
  freshnessP50: 'Frescura p50',
  freshnessP95: 'Frescura p95',
  freshnessNote: (observed) =>
    `de la confirmación a la consulta, ${n(observed)} ${plural(observed, { one: 'evento', other: 'eventos' })} en vivo desde el inicio`,
  seconds: (s) => `${n(Math.round(s * 100) / 100)} s`,
  none: '—',
  deadLetters: 'Mensajes fallidos',
  deadLettersNote: 'Eventos rechazados por el cargador',
  outboxPending: 'Pendientes en la bandeja de salida',
  outboxNote: (published, loaded) => `${n(published)} publicados, ${n(loaded)} cargados desde el inicio`,
  kybWaiting: 'Casos KYB en espera',
  openClaims: 'Reclamaciones abiertas',
  escalatedClaims: 'Reclamaciones escaladas',
  activeUsers: 'Usuarios activos (24 h)',
  activeUsersNote: 'Iniciaron sesión o la mantuvieron abierta',
  todayTitle: 'Pedidos y GMV de hoy (UTC)',
  currency: 'Moneda',
  orders: 'Pedidos',
  gmv: 'GMV',
  noOrdersToday: 'Todavía no hay pedidos hoy.',
} satisfies Catalog<typeof opsEn>;

const opsFr = {
  nav: { orders: 'Commandes', platform: 'Plateforme' },

  ordersTitle: 'Commandes à surveiller',
  ordersDescription: (acceptHours, pendingMinutes) =>
    `Non acceptées sous ${n(acceptHours)} h, date d’expédition dépassée (passée + délai + 2 jours), paiements par carte échoués ou impayés après ${n(pendingMinutes)} min, paiements à terme en retard. Les plus anciennes d’abord.`,
  kind: {
    not_accepted: 'Passée, non acceptée',
    ship_by_passed: 'Date d’expédition dépassée',
    payment_failed: 'Paiement par carte échoué',
    payment_pending: 'Paiement par carte en attente trop longtemps',
    terms_overdue: 'Facture à terme en retard',
  },
  kindEmpty: {
    not_accepted: 'Toutes les commandes passées ont été acceptées à temps.',
    ship_by_passed: 'Aucune commande acceptée n’a dépassé sa date d’expédition.',
    payment_failed: 'Aucun paiement par carte n’a échoué ces 7 derniers jours.',
    payment_pending: 'Aucun achat par carte n’attend son paiement trop longtemps.',
    terms_overdue: 'Aucune commande à terme n’est en retard.',
  },
  ordersCount: (total, shown) =>
    total > shown
      ? `${n(total)} commandes, les ${n(shown)} plus anciennes affichées`
      : `${n(total)} ${plural(total, { one: 'commande', other: 'commandes' })}`,
  order: 'Commande',
  buyer: 'Acheteur',
  seller: 'Vendeur',
  amount: 'Montant',
  status: 'Statut',
  age: 'Âge',
  overdue: 'Retard',
  since: 'Depuis',
  hours: hoursFr,
  statusCountsTitle: 'Changements de statut',
  statusCountsHint: 'Combien de commandes sont entrées dans chaque statut, d’après leur historique.',
  today: 'Aujourd’hui (UTC)',
  last7Days: '7 derniers jours',
  noChanges: 'Aucune commande n’a changé de statut ces 7 derniers jours.',
  loadError: 'Le chargement a échoué',
  updated: (time) => `Mis à jour à ${time}`,

  platformTitle: 'Plateforme',
  platformDescription: 'Le flux d’événements et la place de marché, relus toutes les 10 secondes.',
  pipeline: 'Flux d’événements',
  marketplace: 'Place de marché',
  consumerLag: 'Retard du consommateur',
  consumerLagNote: 'Messages Kafka pas encore chargés',
  inProcess: 'En processus',
  inProcessNote: 'Mode intégré\u00a0: pas de consommateur Kafka',
  eventsPerSecond: 'Événements par seconde',
  eventsRateNote: (published) => `chargés\u00a0; ${published} publiés (dernière minute)`,
  measuring: 'Mesure en cours…',
  measuringNote: 'Un débit demande deux relevés à 5 s d’écart',
  freshnessP50: 'Fraîcheur p50',
  freshnessP95: 'Fraîcheur p95',
  freshnessNote: (observed) =>
    `de la validation à la requête, ${n(observed)} ${plural(observed, { one: 'événement', other: 'événements' })} en direct depuis le démarrage`,
  seconds: (s) => `${n(Math.round(s * 100) / 100)}\u00a0s`,
  none: '—',
  deadLetters: 'Lettres mortes',
  deadLettersNote: 'Événements refusés par le chargeur',
  outboxPending: 'File d’envoi en attente',
  outboxNote: (published, loaded) => `${n(published)} publiés, ${n(loaded)} chargés depuis le démarrage`,
  kybWaiting: 'Dossiers KYB en attente',
  openClaims: 'Réclamations ouvertes',
  escalatedClaims: 'Réclamations escaladées',
  activeUsers: 'Utilisateurs actifs (24 h)',
  activeUsersNote: 'Connectés ou session gardée ouverte',
  todayTitle: 'Commandes et GMV du jour (UTC)',
  currency: 'Devise',
  orders: 'Commandes',
  gmv: 'GMV',
  noOrdersToday: 'Aucune commande passée aujourd’hui pour l’instant.',
} satisfies Catalog<typeof opsEn>;

export const opsMessages = localized({ en: opsEn, es: opsEs, fr: opsFr });
