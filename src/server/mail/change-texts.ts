import type { Language } from "../../core/locale";

export interface ChangeTexts {
  cancelledSubject: (clinic: string, reference: string) => string;
  rescheduledSubject: (clinic: string, reference: string) => string;
  reminderSubject: (clinic: string) => string;
  cancelledIntro: (clinic: string) => string;
  rescheduledIntro: (clinic: string) => string;
  reminderIntro: (clinic: string) => string;
  when: string;
  cancelledSessions: string;
  movedSessions: string;
  movedTo: (from: string, to: string) => string;
  calendarUpdate: string;
  manageLink: string;
  clinicCancelledSubject: (reference: string) => string;
  clinicRescheduledSubject: (reference: string) => string;
  clinicCancelledIntro: string;
  clinicRescheduledIntro: string;
}

// Client texts follow the booking's locale; clinic notices follow the clinic's first locale.
export const CHANGE_TEXTS: Record<Language, ChangeTexts> = {
  en: {
    cancelledSubject: (clinic, reference) => `Your appointment at ${clinic} is cancelled (${reference})`,
    rescheduledSubject: (clinic, reference) => `Your appointment at ${clinic} has moved (${reference})`,
    reminderSubject: (clinic) => `Reminder: your appointment at ${clinic}`,
    cancelledIntro: (clinic) => `As you asked, ${clinic} has cancelled this:`,
    rescheduledIntro: (clinic) => `As you asked, ${clinic} has moved your appointment:`,
    reminderIntro: (clinic) => `A reminder of your appointment at ${clinic}:`,
    when: "When",
    cancelledSessions: "Cancelled",
    movedSessions: "New time",
    movedTo: (from, to) => `${from} → ${to}`,
    calendarUpdate: "The attached calendar file updates your calendar.",
    manageLink: "See, cancel or move your appointment",
    clinicCancelledSubject: (reference) => `Booking ${reference}: cancelled by the client`,
    clinicRescheduledSubject: (reference) => `Booking ${reference}: moved by the client`,
    clinicCancelledIntro: "A client cancelled online; the time is free again.",
    clinicRescheduledIntro: "A client moved a booking online.",
  },
  fr: {
    cancelledSubject: (clinic, reference) => `Votre rendez-vous chez ${clinic} est annulé (${reference})`,
    rescheduledSubject: (clinic, reference) => `Votre rendez-vous chez ${clinic} est déplacé (${reference})`,
    reminderSubject: (clinic) => `Rappel : votre rendez-vous chez ${clinic}`,
    cancelledIntro: (clinic) => `Comme demandé, ${clinic} a annulé ceci :`,
    rescheduledIntro: (clinic) => `Comme demandé, ${clinic} a déplacé votre rendez-vous :`,
    reminderIntro: (clinic) => `Un rappel de votre rendez-vous chez ${clinic} :`,
    when: "Quand",
    cancelledSessions: "Annulé",
    movedSessions: "Nouvel horaire",
    movedTo: (from, to) => `${from} → ${to}`,
    calendarUpdate: "Le fichier de calendrier joint met votre agenda à jour.",
    manageLink: "Voir, annuler ou déplacer votre rendez-vous",
    clinicCancelledSubject: (reference) => `Réservation ${reference} : annulée par le client`,
    clinicRescheduledSubject: (reference) => `Réservation ${reference} : déplacée par le client`,
    clinicCancelledIntro: "Un client a annulé en ligne ; l'horaire est de nouveau libre.",
    clinicRescheduledIntro: "Un client a déplacé une réservation en ligne.",
  },
};
