/**
 * The words of the "verify your company" banner, in English, Spanish and French (see ../i18n/README.md). Apart
 * from the wizard's catalog (messages.ts) because the shell mounts the banner on every manufacturer page: only
 * these few sentences travel in the initial bundle, the wizard's words stay in its lazy chunk.
 */
import { localized, type Catalog } from '../i18n/index.ts';

const bannerEn = {
  bannerTitle: 'Verify your company to publish',
  banner: {
    not_submitted: 'Buyers only see products of verified manufacturers. It takes a few minutes to send.',
    submitted: 'Your verification is under review. You can publish as soon as Wholesail approves it.',
    changes_requested: 'The reviewer asked for changes to your verification.',
    rejected: 'Your verification was not approved. Fix it and submit again.',
  },
  bannerLink: {
    not_submitted: 'Start verification',
    submitted: 'See what you sent',
    changes_requested: 'See what to change',
    rejected: 'See why',
  },
  bannerLabel: 'Company verification',
};

const bannerEs = {
  bannerTitle: 'Verifique su empresa para publicar',
  banner: {
    not_submitted:
      'Los compradores solo ven los productos de fabricantes verificados. El envío lleva unos minutos.',
    submitted: 'Su verificación está en revisión. Podrá publicar en cuanto Wholesail la apruebe.',
    changes_requested: 'El revisor ha pedido cambios en su verificación.',
    rejected: 'Su verificación no ha sido aprobada. Corríjala y envíela de nuevo.',
  },
  bannerLink: {
    not_submitted: 'Empezar la verificación',
    submitted: 'Ver lo que ha enviado',
    changes_requested: 'Ver qué cambiar',
    rejected: 'Ver el motivo',
  },
  bannerLabel: 'Verificación de la empresa',
} satisfies Catalog<typeof bannerEn>;

const bannerFr = {
  bannerTitle: 'Faites vérifier votre entreprise pour publier',
  banner: {
    not_submitted:
      'Les acheteurs ne voient que les produits des fabricants vérifiés. L’envoi ne prend que quelques minutes.',
    submitted:
      'Votre vérification est en cours d’examen. Vous pourrez publier dès que Wholesail l’aura approuvée.',
    changes_requested: 'L’examinateur a demandé des modifications de votre vérification.',
    rejected: 'Votre vérification n’a pas été approuvée. Corrigez-la et soumettez-la de nouveau.',
  },
  bannerLink: {
    not_submitted: 'Commencer la vérification',
    submitted: 'Voir ce que vous avez envoyé',
    changes_requested: 'Voir ce qu’il faut modifier',
    rejected: 'Voir pourquoi',
  },
  bannerLabel: 'Vérification de l’entreprise',
} satisfies Catalog<typeof bannerEn>;

export const bannerMessages = localized({ en: bannerEn, es: bannerEs, fr: bannerFr });
