import type { ClinicConfig } from "../../core/config";
import { calendarFile } from "../booking/calendar";
import type { ChangeNotice, ClientNotice } from "../mail/notice";
import type { BookingDetail, Store } from "../store/types";
import { mintManageLink } from "./links";

type NoticeContext = { store: Pick<Store, "addManageToken">; now: string; baseUrl: string };

/**
 * What every later email to the client starts from, picked field by field from the stored
 * booking so no intake data can reach it; with a freshly minted manage link of its own.
 */
export async function clientNotice(ctx: NoticeContext, booking: BookingDetail): Promise<ClientNotice> {
  const link = await mintManageLink(ctx.store, booking.id, ctx.baseUrl, ctx.now);
  return {
    id: booking.id,
    reference: booking.reference,
    locale: booking.locale,
    client: { name: booking.client.name, email: booking.client.email },
    serviceId: booking.serviceId,
    minutes: booking.minutes,
    manageUrl: link.manageUrl,
  };
}

/** The notice of a change, with the calendar file that updates the client's calendar. */
export async function changeNotice(
  ctx: NoticeContext & { config: ClinicConfig },
  booking: BookingDetail,
  kind: ChangeNotice["kind"],
  changed: ChangeNotice["changed"],
): Promise<ChangeNotice> {
  const only = kind === "cancelled" ? changed.map((c) => c.index) : undefined;
  return {
    ...(await clientNotice(ctx, booking)),
    kind,
    currency: booking.currency,
    total: booking.sessions.filter((s) => s.status === "booked").reduce((sum, s) => sum + s.price, 0),
    changed,
    ics: calendarFile(ctx.config, booking, only),
    inboxUrl: `${ctx.baseUrl}/inbox/bookings/${encodeURIComponent(booking.id)}`,
  };
}
