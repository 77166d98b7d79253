import { option, text, whenChanged, whenYes, type DefaultSectionGroup } from "./shared";

/** Six weeks: the usual wait after surgery or an acute injury before massage near it without clearance. */
const RECENT_SURGERY_OR_INJURY_DAYS = 42;

export const conditionsGroup: DefaultSectionGroup = {
  sections: [
    { id: "surgery-injury", title: text("Surgery, injuries and fractures", "Chirurgies, blessures et fractures") },
    {
      id: "conditions",
      title: text("Health conditions", "Problèmes de santé"),
      intro: text(
        "Only conditions that change how a massage is given.",
        "Seulement les problèmes qui changent la façon de donner un massage.",
      ),
    },
  ],
  questions: [
    // why: tissue healing after surgery or an acute injury; within six weeks the surgeon's or doctor's
    // go-ahead is needed, and later the therapist still avoids or adapts work on the site.
    {
      id: "surgery-or-injury",
      section: "surgery-injury",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text(
        "Have you had surgery or an injury (sprain, strain, whiplash, a bad fall...) in the last 6 months?",
        "Avez-vous eu une chirurgie ou une blessure (entorse, élongation, coup de fouet cervical, mauvaise chute...) au cours des 6 derniers mois?",
      ),
      triage: [{ when: { equals: true }, outcome: "caution", reason: "surgery-or-injury" }],
    },
    {
      id: "surgery-or-injury-date",
      section: "surgery-injury",
      kind: "date",
      required: true,
      visibleIf: whenYes("surgery-or-injury"),
      label: text(
        "When did it happen? If more than once, give the most recent date.",
        "Quand est-ce arrivé? S'il y en a eu plusieurs, indiquez la date la plus récente.",
      ),
      help: text(
        "If you do not know the exact day, an approximate date is fine.",
        "Si vous ne connaissez pas le jour exact, une date approximative suffit.",
      ),
      triage: [
        { when: { withinDays: RECENT_SURGERY_OR_INJURY_DAYS }, outcome: "clearance", reason: "recent-surgery-or-injury" },
      ],
    },
    {
      id: "surgery-or-injury-details",
      section: "surgery-injury",
      kind: "text",
      maxLength: 500,
      visibleIf: whenYes("surgery-or-injury"),
      label: text("What was it, and which part of the body?", "De quoi s'agissait-il, et quelle partie du corps?"),
    },
    // why: pressure or movement near a bone that has not healed can break it again.
    {
      id: "recent-fracture",
      section: "surgery-injury",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text(
        "Have you broken a bone in the last 3 months, or do you have a fracture that has not healed yet?",
        "Vous êtes-vous fracturé un os au cours des 3 derniers mois, ou avez-vous une fracture pas encore guérie?",
      ),
      triage: [{ when: { equals: true }, outcome: "clearance", reason: "recent-fracture" }],
    },
    // why: fragile bones call for light pressure and no joint mobilisation; severe cases need a doctor's
    // go-ahead first.
    {
      id: "osteoporosis",
      section: "conditions",
      kind: "single-choice",
      required: true,
      visibleIf: whenChanged("health"),
      label: text("Do you have osteoporosis (fragile bones)?", "Avez-vous de l'ostéoporose (os fragiles)?"),
      options: [
        option("no", "No", "Non"),
        option(
          "not-severe",
          "Yes, osteopenia or osteoporosis that is not severe",
          "Oui, de l'ostéopénie ou une ostéoporose qui n'est pas sévère",
        ),
        option(
          "severe",
          "Yes, severe osteoporosis, or I have broken a bone in a minor fall",
          "Oui, une ostéoporose sévère, ou je me suis déjà fracturé un os lors d'une petite chute",
        ),
      ],
      triage: [
        { when: { equals: "not-severe" }, outcome: "caution", reason: "osteoporosis" },
        { when: { equals: "severe" }, outcome: "clearance", reason: "severe-osteoporosis" },
      ],
    },
    // why: reduced feeling (often in the feet) means the client cannot report excess pressure, and
    // recent injection sites must be avoided.
    {
      id: "diabetes",
      section: "conditions",
      kind: "yes-no",
      required: true,
      visibleIf: whenChanged("health"),
      label: text("Do you have diabetes?", "Avez-vous le diabète?"),
      help: text(
        "Your therapist will adjust pressure where feeling may be reduced and avoid recent injection sites.",
        "Votre thérapeute adaptera la pression là où la sensibilité peut être réduite et évitera les sites d'injection récents.",
      ),
      triage: [{ when: { equals: true }, outcome: "caution", reason: "diabetes" }],
    },
    // why: pregnancy changes positioning (side-lying later on) and rules out deep belly work; it can
    // start or end between visits, and complications need the prenatal care provider's go-ahead.
    {
      id: "pregnant",
      section: "conditions",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text("Are you pregnant?", "Êtes-vous enceinte?"),
      help: text(
        "Your position on the table and the pressure are adapted during pregnancy.",
        "Votre position sur la table et la pression sont adaptées pendant la grossesse.",
      ),
      triage: [{ when: { equals: true }, outcome: "caution", reason: "pregnancy" }],
    },
    {
      id: "pregnancy-weeks",
      section: "conditions",
      kind: "number",
      min: 1,
      max: 42,
      visibleIf: whenYes("pregnant"),
      label: text("How many weeks pregnant are you?", "À combien de semaines de grossesse êtes-vous?"),
      unit: text("weeks", "semaines"),
    },
    {
      id: "pregnancy-complications",
      section: "conditions",
      kind: "yes-no",
      required: true,
      visibleIf: whenYes("pregnant"),
      label: text(
        "Has your doctor or midwife said your pregnancy is high-risk, or do you have complications such as bleeding, cramps or pre-eclampsia?",
        "Votre médecin ou votre sage-femme vous a-t-il dit que votre grossesse est à risque, ou avez-vous des complications comme des saignements, des crampes ou de la prééclampsie?",
      ),
      triage: [{ when: { equals: true }, outcome: "clearance", reason: "pregnancy-complications" }],
    },
    // why: a catch-all for the other conditions that change technique (heart, cancer treatment,
    // epilepsy, implants...), limited to what the therapist needs to treat safely.
    {
      id: "other-conditions",
      section: "conditions",
      kind: "text",
      multiline: true,
      maxLength: 1000,
      visibleIf: whenChanged("health"),
      label: text(
        "Is there any other health condition that could affect your massage?",
        "Avez-vous un autre problème de santé qui pourrait influencer votre massage?",
      ),
      help: text(
        "For example a heart condition or pacemaker, cancer treatment, epilepsy, numbness, arthritis or an implanted device. Tell us only what your therapist needs to know to treat you safely.",
        "Par exemple un problème cardiaque ou un stimulateur cardiaque, un traitement contre le cancer, l'épilepsie, un engourdissement, de l'arthrite ou un appareil implanté. Indiquez seulement ce que votre thérapeute doit savoir pour vous traiter en toute sécurité.",
      ),
    },
  ],
};
