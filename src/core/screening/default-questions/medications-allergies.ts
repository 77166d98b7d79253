import { text, whenChanged, whenYes, type DefaultSectionGroup } from "./shared";

export const medicationsAllergiesGroup: DefaultSectionGroup = {
  sections: [
    { id: "medications", title: text("Medications", "Médicaments") },
    { id: "allergies", title: text("Allergies and sensitivities", "Allergies et sensibilités") },
  ],
  questions: [
    // why: blood thinners make bruising and bleeding easy, so deep pressure is off-limits until a
    // doctor agrees; a prescription can start at any time, hence asked every visit.
    {
      id: "blood-thinners",
      section: "medications",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text(
        "Do you take a blood thinner?",
        "Prenez-vous un anticoagulant (un médicament qui rend le sang plus fluide)?",
      ),
      help: text(
        "For example warfarin, apixaban, rivaroxaban, clopidogrel, or aspirin every day.",
        "Par exemple la warfarine, l'apixaban, le rivaroxaban, le clopidogrel, ou de l'aspirine tous les jours.",
      ),
      triage: [{ when: { equals: true }, outcome: "clearance", reason: "blood-thinners" }],
    },
    // why: pain relievers and muscle relaxants dull the feedback the client gives about pressure.
    {
      id: "medications",
      section: "medications",
      kind: "text",
      multiline: true,
      maxLength: 1000,
      visibleIf: whenChanged("medications"),
      label: text(
        "Which medications do you take that could affect your massage?",
        "Quels médicaments prenez-vous qui pourraient influencer votre massage?",
      ),
      help: text(
        "Such as pain relievers, muscle relaxants, or anything that changes how you feel touch. Give each one and what it is for.",
        "Par exemple des antidouleurs, des relaxants musculaires ou tout médicament qui change votre sensibilité au toucher. Indiquez chacun et à quoi il sert.",
      ),
    },
    // why: the therapist chooses the oil, lotion and gloves; only allergies to those matter here.
    {
      id: "product-allergies",
      section: "allergies",
      kind: "yes-no",
      required: true,
      visibleIf: whenChanged("allergies"),
      label: text(
        "Are you allergic or sensitive to massage oils or lotions, nut oils (such as almond), latex or scents?",
        "Êtes-vous allergique ou sensible aux huiles ou lotions de massage, aux huiles de noix (comme l'amande), au latex ou aux parfums?",
      ),
      triage: [{ when: { equals: true }, outcome: "caution", reason: "product-allergy" }],
    },
    {
      id: "allergy-details",
      section: "allergies",
      kind: "text",
      required: true,
      maxLength: 500,
      visibleIf: whenYes("product-allergies"),
      label: text(
        "What are you allergic or sensitive to, and what reaction do you get?",
        "À quoi êtes-vous allergique ou sensible, et quelle réaction avez-vous?",
      ),
    },
  ],
};
