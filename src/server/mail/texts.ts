import type { Language } from "../../core/locale";

export interface MailTexts {
  confirmationSubject: (clinic: string, reference: string) => string;
  greeting: (name: string) => string;
  confirmed: (clinic: string) => string;
  reference: string;
  service: string;
  sessions: string;
  total: string;
  where: string;
  phone: string;
  email: string;
  cancellation: string;
  preparation: string;
  calendarAttached: string;
  calendarLink: string;
  minutes: (minutes: number) => string;
  clinicSubject: (reference: string, outcome: string) => string;
  clinicIntro: string;
  flag: string;
  firstSession: string;
  sessionCount: string;
  openInbox: string;
  noHealthData: string;
  callbackSubject: (reference: string) => string;
  callbackIntro: string;
  name: string;
}

// Client texts follow the booking's locale; clinic notices follow the clinic's first locale.
export const MAIL_TEXTS: Record<Language, MailTexts> = {
  en: {
    confirmationSubject: (clinic, reference) => `Your appointment at ${clinic} is booked (${reference})`,
    greeting: (name) => `Hello ${name},`,
    confirmed: (clinic) => `Your appointment at ${clinic} is confirmed.`,
    reference: "Booking reference",
    service: "Service",
    sessions: "Sessions",
    total: "Total",
    where: "Address",
    phone: "Phone",
    email: "Email",
    cancellation: "Cancellation policy",
    preparation: "Before your visit",
    calendarAttached: "The attached calendar file adds your appointments to your calendar.",
    calendarLink: "Calendar file",
    minutes: (minutes) => `${minutes} min`,
    clinicSubject: (reference, outcome) => `New booking ${reference} (screening: ${outcome})`,
    clinicIntro: "A new booking is waiting in the inbox.",
    flag: "Screening flag",
    firstSession: "First session",
    sessionCount: "Number of sessions",
    openInbox: "Open it in the inbox",
    noHealthData: "Health answers are only in the inbox, never in email.",
    callbackSubject: (reference) => `Call-back request ${reference}`,
    callbackIntro: "A call-back request is waiting in the inbox.",
    name: "Name",
  },
  fr: {
    confirmationSubject: (clinic, reference) => `Votre rendez-vous chez ${clinic} est réservé (${reference})`,
    greeting: (name) => `Bonjour ${name},`,
    confirmed: (clinic) => `Votre rendez-vous chez ${clinic} est confirmé.`,
    reference: "Numéro de réservation",
    service: "Soin",
    sessions: "Séances",
    total: "Total",
    where: "Adresse",
    phone: "Téléphone",
    email: "Courriel",
    cancellation: "Politique d'annulation",
    preparation: "Avant votre visite",
    calendarAttached: "Le fichier de calendrier joint ajoute vos rendez-vous à votre agenda.",
    calendarLink: "Fichier de calendrier",
    minutes: (minutes) => `${minutes} min`,
    clinicSubject: (reference, outcome) => `Nouvelle réservation ${reference} (dépistage : ${outcome})`,
    clinicIntro: "Une nouvelle réservation attend dans la boîte de réception.",
    flag: "Niveau de dépistage",
    firstSession: "Première séance",
    sessionCount: "Nombre de séances",
    openInbox: "L'ouvrir dans la boîte de réception",
    noHealthData: "Les réponses de santé sont seulement dans la boîte de réception, jamais dans un courriel.",
    callbackSubject: (reference) => `Demande de rappel ${reference}`,
    callbackIntro: "Une demande de rappel attend dans la boîte de réception.",
    name: "Nom",
  },
};
