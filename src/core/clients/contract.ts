import { z } from "../zod";
import { LocaleSchema } from "../config/primitives";
import { ClientDetailsSchema, PhoneSchema } from "../booking/contract";

// Bodies of the returning-client routes (`POST /api/clients/code`, `POST /api/clients/verify`),
// shared by the receiver and the widget.

/** The booking's email rule, after trimming: a space pasted with the address is no reason to refuse it. */
const EmailSchema = z.pipe(z.string().check(z.trim()), ClientDetailsSchema.shape.email);

/** The six digits the code email carries. */
export const CODE_PATTERN = /^\d{6}$/;
export const CODE_DIGITS = 6;

export const CodeRequestSchema = z.object({
  email: EmailSchema,
  locale: LocaleSchema,
});
export type CodeRequest = z.infer<typeof CodeRequestSchema>;

export const CodeVerifySchema = z.object({
  email: EmailSchema,
  code: z.string().check(z.trim(), z.regex(CODE_PATTERN, { error: "expected the 6-digit code from the email" })),
});
export type CodeVerify = z.infer<typeof CodeVerifySchema>;

/** What a right code proves: a short-lived token for that one email, and the receiver's view of the client. */
export const VerifiedClientSchema = z.object({
  clientToken: z.string().check(z.minLength(16), z.maxLength(200)),
  returning: z.boolean(),
  intakeMode: z.enum(["full", "update"]),
  /** From the client's latest booking; only for a returning client. */
  contact: z.nullable(z.object({ name: z.string(), phone: PhoneSchema })),
});
export type VerifiedClient = z.infer<typeof VerifiedClientSchema>;

/**
 * The key a client's records are found by: trimmed and lower-cased. Dots and "+tags" are kept:
 * whether "jo.smith+massage@" reaches the same inbox as "josmith@" depends on the mail provider,
 * and treating two addresses as one client would hand one person's contact details to another.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
