import type { QuestionInput, QuestionnaireInput, VisibilityCondition } from "../../config/questionnaire";

export type SectionInput = QuestionnaireInput["sections"][number];
export type OptionInput = { value: string; label: { en: string; fr: string } };
export interface DefaultSectionGroup {
  sections: SectionInput[];
  questions: QuestionInput[];
}

/** Every default string exists in both languages the widget ships. */
export const text = (en: string, fr: string) => ({ en, fr });

export const option = (value: string, en: string, fr: string): OptionInput => ({ value, label: text(en, fr) });

/** What a returning client can say has changed; each value opens the matching questions. */
export type ChangeArea = "health" | "medications" | "allergies" | "preferences" | "emergency-contact";

export const CHANGE_GATE_ID = "changes-since-last-visit";
export const WHAT_CHANGED_ID = "what-changed";

/** Shown in the update when the client says this changed; in the full form the condition counts as met. */
export const whenChanged = (area: ChangeArea): VisibilityCondition => ({
  question: WHAT_CHANGED_ID,
  includesAny: [area],
});

export const whenYes = (question: string): VisibilityCondition => ({ question, equals: true });

// Left and right are separate where a side matters to the therapist (an injured knee, veins in one leg).
export const BODY_AREAS: OptionInput[] = [
  option("head", "Head", "Tête"),
  option("face", "Face", "Visage"),
  option("jaw", "Jaw", "Mâchoire"),
  option("neck", "Neck", "Cou"),
  option("left-shoulder", "Left shoulder", "Épaule gauche"),
  option("right-shoulder", "Right shoulder", "Épaule droite"),
  option("upper-back", "Upper back", "Haut du dos"),
  option("lower-back", "Lower back", "Bas du dos"),
  option("chest", "Chest muscles", "Muscles pectoraux"),
  option("abdomen", "Belly", "Ventre"),
  option("left-arm", "Left arm", "Bras gauche"),
  option("right-arm", "Right arm", "Bras droit"),
  option("left-hand", "Left hand", "Main gauche"),
  option("right-hand", "Right hand", "Main droite"),
  option("hips", "Hips", "Hanches"),
  option("gluteals", "Buttocks", "Fesses"),
  option("left-thigh", "Left thigh", "Cuisse gauche"),
  option("right-thigh", "Right thigh", "Cuisse droite"),
  option("left-knee", "Left knee", "Genou gauche"),
  option("right-knee", "Right knee", "Genou droit"),
  option("left-lower-leg", "Left lower leg and calf", "Jambe et mollet gauches"),
  option("right-lower-leg", "Right lower leg and calf", "Jambe et mollet droits"),
  option("left-foot", "Left foot", "Pied gauche"),
  option("right-foot", "Right foot", "Pied droit"),
];

/** The areas Ontario's college requires separate written consent for. */
export const ONTARIO_SENSITIVE_AREAS: OptionInput[] = [
  option("gluteals", "Buttocks (gluteal muscles)", "Fesses (muscles fessiers)"),
  option("upper-inner-thigh", "Upper inner thigh", "Haut de l'intérieur de la cuisse"),
  option("chest-wall", "Chest wall", "Paroi de la cage thoracique"),
  option("breast", "Breast", "Seins"),
];
