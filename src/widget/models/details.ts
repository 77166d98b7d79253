import { computed, signal } from "@preact/signals";
import { ClientDetailsSchema } from "../../core/booking/contract";
import type { WidgetPrefill } from "../types";

export const DETAIL_FIELDS = ["name", "email", "phone", "healthConsent", "policyConsent", "callbackNote"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type DetailErrorCode =
  | "required"
  | "too-long"
  | "invalid-email"
  | "invalid-phone"
  | "consent-health"
  | "consent-policy"
  | "server";

export const CALLBACK_NOTE_MAX = 1000;

export type DetailsModel = ReturnType<typeof createDetailsModel>;

/** Contact details, consents and the bot trap. */
export function createDetailsModel(now: () => Date) {
  const name = signal("");
  const email = signal("");
  const phone = signal("");
  const healthConsent = signal(false);
  const policyConsent = signal(false);
  /** When the client ticked the consents: sent as `consent.at`. */
  const consentAt = signal<string | null>(null);
  const sensitiveAreas = signal<readonly string[]>([]);
  const callbackNote = signal("");
  /** Filled only by bots: a person never sees the field. */
  const honeypot = signal("");
  const errors = signal<Readonly<Partial<Record<DetailField, DetailErrorCode>>>>({});
  const attempted = signal(false);

  const isBot = computed(() => honeypot.value.trim() !== "");

  function check(): Partial<Record<DetailField, DetailErrorCode>> {
    const found: Partial<Record<DetailField, DetailErrorCode>> = {};
    const shape = ClientDetailsSchema.shape;
    if (name.value.trim() === "") found.name = "required";
    else if (!shape.name.safeParse(name.value).success) found.name = "too-long";
    if (email.value.trim() === "") found.email = "required";
    else if (!shape.email.safeParse(email.value.trim()).success) found.email = "invalid-email";
    if (phone.value.trim() === "") found.phone = "required";
    else if (!shape.phone.safeParse(phone.value).success) found.phone = "invalid-phone";
    if (!healthConsent.value) found.healthConsent = "consent-health";
    if (!policyConsent.value) found.policyConsent = "consent-policy";
    if (callbackNote.value.length > CALLBACK_NOTE_MAX) found.callbackNote = "too-long";
    return found;
  }

  function refresh(): void {
    if (attempted.value) errors.value = check();
  }

  function set(field: "name" | "email" | "phone" | "callbackNote" | "honeypot", value: string): void {
    ({ name, email, phone, callbackNote, honeypot })[field].value = value;
    refresh();
  }

  function setConsent(which: "health" | "policy", value: boolean): void {
    (which === "health" ? healthConsent : policyConsent).value = value;
    if (healthConsent.value && policyConsent.value) consentAt.value = now().toISOString();
    refresh();
  }

  function toggleSensitiveArea(area: string, on: boolean): void {
    const rest = sensitiveAreas.value.filter((a) => a !== area);
    sensitiveAreas.value = on ? [...rest, area] : rest;
  }

  function validate(): boolean {
    attempted.value = true;
    errors.value = check();
    return Object.keys(errors.value).length === 0;
  }

  function showServerErrors(byField: Partial<Record<DetailField, DetailErrorCode>>): void {
    attempted.value = true;
    errors.value = { ...check(), ...byField };
  }

  function prefill(values: WidgetPrefill): void {
    // A value the client already typed wins over what the host page suggests.
    if (values.name && name.value === "") name.value = values.name;
    if (values.email && email.value === "") email.value = values.email;
  }

  const complete = computed(() => Object.keys(check()).length === 0);

  function reset(): void {
    for (const s of [name, email, phone, callbackNote, honeypot]) s.value = "";
    healthConsent.value = false;
    policyConsent.value = false;
    consentAt.value = null;
    sensitiveAreas.value = [];
    errors.value = {};
    attempted.value = false;
  }

  return {
    name,
    email,
    phone,
    healthConsent,
    policyConsent,
    consentAt,
    sensitiveAreas,
    callbackNote,
    honeypot,
    isBot,
    errors,
    complete,
    set,
    setConsent,
    toggleSensitiveArea,
    validate,
    showServerErrors,
    prefill,
    reset,
  };
}
