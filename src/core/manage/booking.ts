import type { SessionStatus } from "./contract";

/** A stored session as the manage rules see it. */
export interface ManagedSessionState {
  /** Stable position in the booking. */
  index: number;
  therapistId: string;
  start: string;
  end: string;
  status: SessionStatus;
  listPrice: number;
  discount: number;
  price: number;
  dealId: string | null;
}

/** What the manage rules need to know of a stored booking: no client details, no health answers. */
export interface ManagedBookingState {
  serviceId: string;
  minutes: number;
  /** As decided when the booking was made; a change never re-decides it. */
  isNewClient: boolean;
  promoCode: string | null;
  /** The instant deals were judged at when the booking was made. */
  createdAt: string;
  sessions: ManagedSessionState[];
}

export function bookedSessions(booking: ManagedBookingState): ManagedSessionState[] {
  return booking.sessions.filter((session) => session.status === "booked");
}
