import { batch, computed, type ReadonlySignal } from "@preact/signals";
import { normaliseEmail } from "../../core/clients/contract";
import { standingOfVerified, UNVERIFIED_STANDING, type ClientStanding } from "../../core/clients/standing";
import type { ClientCodeService } from "../types";
import type { DetailsModel } from "./details";
import { createReturningModel, type ReturningModel, type Verification } from "./returning";

interface VerificationDeps {
  service: ClientCodeService | undefined;
  locale: () => string;
  details: DetailsModel;
}

/**
 * The code step and what it decides. `standing` is the receiver's decision as the widget can know
 * it: what /verify returned, while the booking keeps the verified email. Anyone else is
 * unverified, so the price shown is the price the receiver will charge, and never tells whether
 * an email is known.
 */
export function createClientVerification({ service, locale, details }: VerificationDeps): {
  returning: ReturningModel;
  standing: ReadonlySignal<ClientStanding>;
} {
  const returning = createReturningModel({ service, locale, onVerified: prefill });

  const standing = computed<ClientStanding>(() => {
    const verification = returning.verified.value;
    const typed = normaliseEmail(details.email.value);
    if (!verification || (typed !== "" && typed !== verification.email)) return UNVERIFIED_STANDING;
    return standingOfVerified(verification);
  });

  /** The verified email, and a returning client's contact from their latest booking; what the client typed wins. */
  function prefill(verification: Verification): void {
    batch(() => {
      if (details.email.value.trim() === "") details.set("email", returning.sentTo.value ?? verification.email);
      if (!verification.contact) return;
      if (details.name.value.trim() === "") details.set("name", verification.contact.name);
      if (details.phone.value.trim() === "") details.set("phone", verification.contact.phone);
    });
  }

  return { returning, standing };
}
