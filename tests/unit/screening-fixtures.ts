import type { Answers } from "../../src/core/config/questionnaire";

export const TODAY = "2026-03-10";

/** A new client with nothing to report: the smallest answer set the full form accepts. */
export const HEALTHY_FULL_ANSWERS: Answers = {
  "contagious-illness": false,
  "local-skin-or-vein-condition": false,
  "blood-clot-now": false,
  "blood-clot-history": false,
  "uncontrolled-blood-pressure": false,
  "surgery-or-injury": false,
  "recent-fracture": false,
  osteoporosis: "no",
  diabetes: false,
  pregnant: false,
  "blood-thinners": false,
  "product-allergies": false,
  "emergency-contact-name": "Sam Lee",
  "emergency-contact-phone": "902-555-0101",
};

/** A returning client with nothing new: the smallest answer set the update accepts. */
export const HEALTHY_UPDATE_ANSWERS: Answers = {
  "changes-since-last-visit": false,
  "contagious-illness": false,
  "local-skin-or-vein-condition": false,
  "blood-clot-now": false,
  "uncontrolled-blood-pressure": false,
  "surgery-or-injury": false,
  "recent-fracture": false,
  pregnant: false,
  "blood-thinners": false,
};
