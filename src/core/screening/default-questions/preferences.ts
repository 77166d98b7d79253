import { BODY_AREAS, option, text, whenChanged, type DefaultSectionGroup } from "./shared";

export const preferencesGroup: DefaultSectionGroup = {
  sections: [
    {
      id: "preferences",
      title: text("Your massage", "Votre massage"),
      intro: text(
        "You decide which areas are treated and how firmly, and you can change your mind at any time.",
        "C'est vous qui décidez des zones massées et de la pression, et vous pouvez changer d'avis à tout moment.",
      ),
    },
    { id: "emergency-contact", title: text("Emergency contact", "Personne à joindre en cas d'urgence") },
  ],
  questions: [
    // why: the client decides which areas are treated and how firmly; the therapist plans the time and
    // the technique around it.
    {
      id: "focus-areas",
      section: "preferences",
      kind: "body-areas",
      visibleIf: whenChanged("preferences"),
      label: text(
        "Which areas would you like your therapist to focus on?",
        "Sur quelles zones voulez-vous que votre thérapeute se concentre?",
      ),
      options: BODY_AREAS,
    },
    {
      id: "avoid-areas",
      section: "preferences",
      kind: "body-areas",
      marksAreasToAvoid: true,
      visibleIf: whenChanged("preferences"),
      label: text(
        "Are there areas you would like your therapist to avoid?",
        "Y a-t-il des zones que votre thérapeute doit éviter?",
      ),
      help: text(
        "For any reason, such as ticklish feet or a sensitive face.",
        "Pour n'importe quelle raison, par exemple des pieds chatouilleux ou un visage sensible.",
      ),
      options: BODY_AREAS,
    },
    {
      id: "pressure",
      section: "preferences",
      kind: "single-choice",
      visibleIf: whenChanged("preferences"),
      label: text("What pressure do you prefer?", "Quelle pression préférez-vous?"),
      help: text(
        "You can ask for more or less at any time during the massage.",
        "Vous pouvez en demander plus ou moins à tout moment pendant le massage.",
      ),
      options: [
        option("light", "Light", "Légère"),
        option("medium", "Medium", "Moyenne"),
        option("firm", "Firm", "Ferme"),
        option("deep", "Deep", "Profonde"),
      ],
    },
    // why: someone to call if the client feels unwell during or right after treatment.
    {
      id: "emergency-contact-name",
      section: "emergency-contact",
      kind: "text",
      required: true,
      maxLength: 100,
      visibleIf: whenChanged("emergency-contact"),
      label: text("Name of a person we can call in an emergency", "Nom d'une personne à appeler en cas d'urgence"),
    },
    {
      id: "emergency-contact-phone",
      section: "emergency-contact",
      kind: "text",
      required: true,
      maxLength: 30,
      visibleIf: whenChanged("emergency-contact"),
      label: text("Their phone number", "Son numéro de téléphone"),
    },
  ],
};
