/**
 * Every word of the reviews UI (the order page's review form, the storefront's review sections, the
 * manufacturer's replies), in English, Spanish and French (see ../i18n/README.md). Refusals come in the API's
 * words. Dates arrive already formatted.
 */
import { formatNumber as n, localized, plural, type Catalog } from '../i18n/index.ts';

/** 4.5 -> "4.5" in the page's language; one decimal is what a rating summary needs. */
const rating = (value: number) => n(Math.round(value * 10) / 10);

const reviewsEn = {
  title: 'Reviews',
  outOf5: (stars: number) => `${rating(stars)} out of 5`,
  starsLabel: (stars: number) => `${n(stars)} ${plural(stars, { one: 'star', other: 'stars' })}`,
  reviewCount: (count: number) => `${n(count)} ${plural(count, { one: 'review', other: 'reviews' })}`,
  averageOf: (average: number, count: number) =>
    `Average ${rating(average)} out of 5 from ${n(count)} ${plural(count, { one: 'review', other: 'reviews' })}`,
  distribution: 'Reviews by number of stars',
  distributionRow: (stars: number, count: number, percent: string) =>
    `${n(stars)} ${plural(stars, { one: 'star', other: 'stars' })}: ${n(count)} (${percent})`,
  none: 'No reviews yet',
  noneHint: 'Buyers review an order once it has been delivered.',
  loading: 'Loading reviews',
  loadError: 'The reviews could not be loaded',
  verifiedPurchase: 'Verified purchase',
  pages: 'Pages of reviews',
  productsRated: 'Products rated',
  reply: 'Reply from the manufacturer',
  repliedOn: (date: string) => `Replied ${date}`,

  // Writing a review (order page, buyers)
  writeTitle: 'Review this order',
  writeHint: 'Your review is public and shown as a verified purchase, without your name or company.',
  rateManufacturer: (name: string) => `Your rating of ${name}`,
  rateProduct: (name: string) => `Your rating of ${name} (optional)`,
  notRated: 'Not rated',
  comment: 'Your review (optional)',
  productComment: (name: string) => `About ${name} (optional)`,
  commentHint: 'Up to 5,000 characters.',
  chooseRating: 'Choose from 1 to 5 stars',
  post: 'Post review',
  posting: 'Posting…',
  posted: 'Thank you: your review is posted.',
  yourReview: 'Your review',
  theReview: 'The buyer’s review',
  reviewedOn: (date: string) => `Reviewed ${date}`,
  noText: 'No written review.',

  // Replying (manufacturers)
  replyTo: 'Reply in public',
  replyHint: 'Your reply is shown under the review, once; it cannot be changed.',
  replyLabel: 'Your reply',
  sendReply: 'Post reply',
  sendingReply: 'Posting…',
  replyEmpty: 'Write your reply first',
  replied: 'Your reply is posted.',
};

const reviewsEs = {
  title: 'Opiniones',
  outOf5: (stars) => `${rating(stars)} de 5`,
  starsLabel: (stars) => `${n(stars)} ${plural(stars, { one: 'estrella', other: 'estrellas' })}`,
  reviewCount: (count) => `${n(count)} ${plural(count, { one: 'opinión', other: 'opiniones' })}`,
  averageOf: (average, count) =>
    `Media de ${rating(average)} sobre 5 en ${n(count)} ${plural(count, { one: 'opinión', other: 'opiniones' })}`,
  distribution: 'Opiniones por número de estrellas',
  distributionRow: (stars, count, percent) =>
    `${n(stars)} ${plural(stars, { one: 'estrella', other: 'estrellas' })}: ${n(count)} (${percent})`,
  none: 'Todavía no hay opiniones',
  noneHint: 'Los compradores opinan sobre un pedido una vez entregado.',
  loading: 'Cargando opiniones',
  loadError: 'No se pudieron cargar las opiniones',
  verifiedPurchase: 'Compra verificada',
  pages: 'Páginas de opiniones',
  productsRated: 'Productos valorados',
  reply: 'Respuesta del fabricante',
  repliedOn: (date) => `Respondió el ${date}`,

  writeTitle: 'Valore este pedido',
  writeHint: 'Su opinión es pública y se muestra como compra verificada, sin su nombre ni su empresa.',
  rateManufacturer: (name) => `Su valoración de ${name}`,
  rateProduct: (name) => `Su valoración de ${name} (opcional)`,
  notRated: 'Sin valorar',
  comment: 'Su opinión (opcional)',
  productComment: (name) => `Sobre ${name} (opcional)`,
  commentHint: 'Hasta 5.000 caracteres.',
  chooseRating: 'Elija de 1 a 5 estrellas',
  post: 'Publicar opinión',
  posting: 'Publicando…',
  posted: 'Gracias: su opinión está publicada.',
  yourReview: 'Su opinión',
  theReview: 'La opinión del comprador',
  reviewedOn: (date) => `Opinión del ${date}`,
  noText: 'Sin opinión escrita.',

  replyTo: 'Responder en público',
  replyHint: 'Su respuesta se muestra bajo la opinión, una sola vez; no se puede cambiar.',
  replyLabel: 'Su respuesta',
  sendReply: 'Publicar respuesta',
  sendingReply: 'Publicando…',
  replyEmpty: 'Escriba primero su respuesta',
  replied: 'Su respuesta está publicada.',
} satisfies Catalog<typeof reviewsEn>;

const reviewsFr = {
  title: 'Avis',
  outOf5: (stars) => `${rating(stars)} sur 5`,
  starsLabel: (stars) => `${n(stars)} ${plural(stars, { one: 'étoile', other: 'étoiles' })}`,
  reviewCount: (count) => `${n(count)} avis`,
  averageOf: (average, count) => `Moyenne de ${rating(average)} sur 5 pour ${n(count)} avis`,
  distribution: 'Avis par nombre d’étoiles',
  distributionRow: (stars, count, percent) =>
    `${n(stars)} ${plural(stars, { one: 'étoile', other: 'étoiles' })}\u00a0: ${n(count)} (${percent})`,
  none: 'Pas encore d’avis',
  noneHint: 'Les acheteurs donnent leur avis sur une commande une fois livrée.',
  loading: 'Chargement des avis',
  loadError: 'Les avis n’ont pas pu être chargés',
  verifiedPurchase: 'Achat vérifié',
  pages: 'Pages d’avis',
  productsRated: 'Produits notés',
  reply: 'Réponse du fabricant',
  repliedOn: (date) => `Réponse du ${date}`,

  writeTitle: 'Donner votre avis sur cette commande',
  writeHint: 'Votre avis est public et affiché comme achat vérifié, sans votre nom ni votre entreprise.',
  rateManufacturer: (name) => `Votre note pour ${name}`,
  rateProduct: (name) => `Votre note pour ${name} (facultatif)`,
  notRated: 'Non noté',
  comment: 'Votre avis (facultatif)',
  productComment: (name) => `À propos de ${name} (facultatif)`,
  commentHint: 'Jusqu’à 5\u00a0000 caractères.',
  chooseRating: 'Choisissez de 1 à 5 étoiles',
  post: 'Publier l’avis',
  posting: 'Publication…',
  posted: 'Merci\u00a0: votre avis est publié.',
  yourReview: 'Votre avis',
  theReview: 'L’avis de l’acheteur',
  reviewedOn: (date) => `Avis du ${date}`,
  noText: 'Pas d’avis écrit.',

  replyTo: 'Répondre publiquement',
  replyHint: 'Votre réponse s’affiche sous l’avis, une seule fois\u00a0; elle ne peut pas être modifiée.',
  replyLabel: 'Votre réponse',
  sendReply: 'Publier la réponse',
  sendingReply: 'Publication…',
  replyEmpty: 'Écrivez d’abord votre réponse',
  replied: 'Votre réponse est publiée.',
} satisfies Catalog<typeof reviewsEn>;

export const reviewMessages = localized({ en: reviewsEn, es: reviewsEs, fr: reviewsFr });
