import { BODY_AREAS, text, whenChanged, whenYes, type DefaultSectionGroup } from "./shared";

export const healthTodayGroup: DefaultSectionGroup = {
  sections: [
    {
      id: "health-today",
      title: text("How you feel today", "Comment vous vous sentez aujourd'hui"),
      intro: text(
        "These questions are about now, so we ask them before every visit.",
        "Ces questions portent sur votre état actuel : nous les posons avant chaque visite.",
      ),
    },
    { id: "circulation", title: text("Circulation and blood pressure", "Circulation et tension artérielle") },
  ],
  questions: [
    // why: massage during a fever or a contagious illness can make the client worse and expose the
    // therapist and other clients; postponing a few days is the usual answer.
    {
      id: "contagious-illness",
      section: "health-today",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text(
        "Do you have a fever, a cold, the flu, a stomach bug or another illness you could pass on?",
        "Avez-vous de la fièvre, un rhume, la grippe, une gastro ou une autre maladie que vous pourriez transmettre?",
      ),
      help: text(
        "Answer for today, or for the last 24 hours if you had a fever, vomiting or diarrhea.",
        "Répondez pour aujourd'hui, ou pour les dernières 24 heures si vous avez eu de la fièvre, des vomissements ou de la diarrhée.",
      ),
      triage: [{ when: { equals: true }, outcome: "postpone", reason: "contagious-illness" }],
    },
    // why: wounds, skin problems, bruises and varicose veins are local contraindications: the
    // therapist works around them, so the areas must be known before the session.
    {
      id: "local-skin-or-vein-condition",
      section: "health-today",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text(
        "Do you have an open wound, a cut, a burn, a rash or other skin problem, a bruise, or varicose veins?",
        "Avez-vous une plaie ouverte, une coupure, une brûlure, une éruption ou un autre problème de peau, un bleu ou des varices?",
      ),
      help: text(
        "You can still book: your therapist will avoid these areas.",
        "Vous pouvez quand même réserver : votre thérapeute évitera ces zones.",
      ),
      triage: [{ when: { equals: true }, outcome: "caution", reason: "local-condition" }],
    },
    {
      id: "local-condition-areas",
      section: "health-today",
      kind: "body-areas",
      required: true,
      askEveryVisit: true,
      marksAreasToAvoid: true,
      visibleIf: whenYes("local-skin-or-vein-condition"),
      label: text("Where is it? Choose every area to avoid.", "À quel endroit? Choisissez toutes les zones à éviter."),
      options: BODY_AREAS,
    },
    // why: pressure on a clot that is there now, or suspected, could dislodge it; that needs a
    // conversation with the clinic, not an online booking.
    {
      id: "blood-clot-now",
      section: "circulation",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text(
        "Do you have a blood clot now (such as a deep vein thrombosis), or has a health professional said you might?",
        "Avez-vous en ce moment un caillot de sang (par exemple une thrombose veineuse profonde), ou un professionnel de la santé vous a-t-il dit que c'est possible?",
      ),
      help: text(
        "Also answer yes if one leg has become swollen, warm, red and painful for no known reason.",
        "Répondez aussi oui si une jambe est devenue enflée, chaude, rouge et douloureuse sans raison connue.",
      ),
      triage: [{ when: { equals: true }, outcome: "contact-clinic", reason: "blood-clot" }],
    },
    // why: a treated clot in the past is not a reason to refuse, but the therapist keeps leg work gentle.
    {
      id: "blood-clot-history",
      section: "circulation",
      kind: "yes-no",
      required: true,
      visibleIf: whenChanged("health"),
      label: text("Have you had a blood clot in the past?", "Avez-vous déjà eu un caillot de sang?"),
      help: text(
        "A past clot that has been treated does not stop you from booking.",
        "Un caillot ancien qui a été traité ne vous empêche pas de réserver.",
      ),
      triage: [{ when: { equals: true }, outcome: "caution", reason: "blood-clot-history" }],
    },
    // why: massage changes blood pressure; when it is not under control a doctor's go-ahead comes first.
    {
      id: "uncontrolled-blood-pressure",
      section: "circulation",
      kind: "yes-no",
      required: true,
      askEveryVisit: true,
      label: text(
        "Do you have high blood pressure that is not under control right now?",
        "Avez-vous une tension artérielle élevée (hypertension) qui n'est pas maîtrisée en ce moment?",
      ),
      help: text(
        "For example not treated, or still high despite treatment. If it is under control, answer no.",
        "Par exemple non traitée, ou encore élevée malgré le traitement. Si elle est maîtrisée, répondez non.",
      ),
      triage: [{ when: { equals: true }, outcome: "clearance", reason: "uncontrolled-blood-pressure" }],
    },
  ],
};
