import { CHANGE_GATE_ID, WHAT_CHANGED_ID, option, text, whenYes, type DefaultSectionGroup } from "./shared";

export const visitGroup: DefaultSectionGroup = {
  sections: [
    {
      id: "visit",
      title: text("Your visit", "Votre visite"),
      intro: text(
        "We only ask what helps your therapist plan a safe and useful massage.",
        "Nous demandons seulement ce qui aide votre thérapeute à préparer un massage sûr et utile.",
      ),
    },
  ],
  questions: [
    // why: a returning client's history is on file; re-asking all of it every visit is over-collection,
    // but new conditions, medications or allergies must reach the therapist before treatment.
    {
      id: CHANGE_GATE_ID,
      section: "visit",
      kind: "yes-no",
      required: true,
      onlyInUpdate: true,
      label: text("Has anything changed since your last visit?", "Quelque chose a-t-il changé depuis votre dernière visite?"),
      help: text(
        "For example a new health problem, a new medication, a new allergy, or different wishes for your massage.",
        "Par exemple un nouveau problème de santé, un nouveau médicament, une nouvelle allergie ou d'autres souhaits pour votre massage.",
      ),
    },
    {
      id: WHAT_CHANGED_ID,
      section: "visit",
      kind: "multi-choice",
      required: true,
      onlyInUpdate: true,
      visibleIf: whenYes(CHANGE_GATE_ID),
      label: text("What has changed?", "Qu'est-ce qui a changé?"),
      help: text("We will ask you about these parts again.", "Nous vous reposerons les questions sur ces sujets."),
      options: [
        option("health", "My health or medical conditions", "Ma santé ou mes problèmes de santé"),
        option("medications", "My medications", "Mes médicaments"),
        option("allergies", "My allergies or sensitivities", "Mes allergies ou sensibilités"),
        option("preferences", "What I want from my massage", "Ce que je souhaite pour mon massage"),
        option("emergency-contact", "My emergency contact", "Ma personne à joindre en cas d'urgence"),
      ],
    },
    // why: the goal and today's complaint decide the techniques and where the time is spent; both can
    // differ from one visit to the next.
    {
      id: "visit-goals",
      section: "visit",
      kind: "multi-choice",
      askEveryVisit: true,
      label: text("What would you like from this massage?", "Qu'attendez-vous de ce massage?"),
      options: [
        option("relaxation", "Relaxation", "Me détendre"),
        option("pain-relief", "Relief from pain or tension", "Soulager une douleur ou une tension"),
        option("injury-recovery", "Recovery from an injury or surgery", "Récupérer d'une blessure ou d'une chirurgie"),
        option("sports", "Preparing for or recovering from sport", "Me préparer au sport ou récupérer après"),
        option("mobility", "Moving more easily", "Bouger plus facilement"),
      ],
    },
    {
      id: "main-concern",
      section: "visit",
      kind: "text",
      multiline: true,
      maxLength: 500,
      askEveryVisit: true,
      label: text("In a few words, what brings you in?", "En quelques mots, qu'est-ce qui vous amène?"),
      help: text(
        "Where you feel it, since when, and what makes it better or worse.",
        "Où vous le ressentez, depuis quand, et ce qui l'améliore ou l'aggrave.",
      ),
    },
    // why: today's pain level guides how much pressure and how deep the work can safely go.
    {
      id: "pain-level",
      section: "visit",
      kind: "scale",
      min: 0,
      max: 10,
      askEveryVisit: true,
      label: text("How much pain do you feel today?", "Quel est votre niveau de douleur aujourd'hui?"),
      minLabel: text("No pain", "Aucune douleur"),
      maxLabel: text("Worst pain you can imagine", "Pire douleur imaginable"),
    },
  ],
};
