import type { enFirstStep } from "./en-first-step";

/**
 * The French strings of the frame and the first step: all a French page needs to paint it, so
 * it does not wait for the whole catalogue (fr.ts, which includes these).
 */
export const frFirstStep = {
  "widget.label": "Prendre rendez-vous à {clinic}",

  "stepper.label": "Étapes de la réservation",
  "stepper.progress": "Étape {current} sur {total}",
  "stepper.done": "terminée",
  "step.service": "Service",
  "step.health": "Dossier de santé",
  "step.time": "Horaire",
  "step.details": "Vos coordonnées",
  "step.review": "Vérification",
  "step.confirmation": "Confirmation",

  "nav.continue": "Continuer",
  "nav.back": "Retour",
  "nav.backToReview": "Enregistrer et revenir à la vérification",
  "errors.summary.one": "Veuillez vérifier 1 réponse ci-dessous.",
  "errors.summary.other": "Veuillez vérifier {count} réponses ci-dessous.",
  "common.yes": "Oui",
  "common.no": "Non",
  "common.optional": "facultatif",

  "service.heading": "Choisissez un service",
  "service.intro": "Choisissez le type de massage et sa durée.",
  "service.duration": "{minutes} min",
  "service.durationPrice": "{duration}, {price}",
  "service.offersEveryService": "Offres sur tous les services",
  "service.dealBadge": "Offre : {name}",
  "service.dealUntil": "jusqu'au {date}",
  "service.dealNewClients": "première visite seulement",
  "service.error.choose-service": "Choisissez un service et une durée pour continuer.",
  "service.error.choose-duration": "Choisissez la durée de la séance.",
} as const satisfies Record<keyof typeof enFirstStep, string>;
