import type { ManageTokenRecord, Store } from "../store/types";
import { calendarTokenOf, randomToken, sha256 } from "../secrets";
import { calendarPath } from "../booking/calendar";

export interface ManageLink {
  /** The token itself: only ever in the client's hands. */
  token: string;
  /** `${baseUrl}/manage#token=…`: in the fragment, so it is never sent in a Referer or a proxy's log. */
  manageUrl: string;
  /** The booking's calendar file, opened by the token's derived calendar token. */
  calendarUrl: string;
  record: ManageTokenRecord;
}

/** A fresh manage token for a booking, not stored yet. */
export function newManageLink(bookingId: string, baseUrl: string, createdAt: string): ManageLink {
  const token = randomToken();
  return {
    token,
    manageUrl: `${baseUrl}/manage#token=${token}`,
    calendarUrl: calendarUrlOf(bookingId, token, baseUrl),
    record: { bookingId, tokenHash: sha256(token), calendarTokenHash: sha256(calendarTokenOf(token)), createdAt },
  };
}

/** A fresh manage link, stored: every email to the client carries its own. */
export async function mintManageLink(store: Pick<Store, "addManageToken">, bookingId: string, baseUrl: string, now: string): Promise<ManageLink> {
  const link = newManageLink(bookingId, baseUrl, now);
  await store.addManageToken(link.record);
  return link;
}

export function calendarUrlOf(bookingId: string, manageToken: string, baseUrl: string): string {
  return `${baseUrl}${calendarPath(bookingId, calendarTokenOf(manageToken))}`;
}
