import type { ClinicConfig } from "../../core/config";
import { calendarFile } from "../booking/calendar";
import type { ChangeNotice } from "../mail/notice";
import type { BookingDetail, Store } from "../store/types";
import { mintManageLink } from "./links";

/**
 * The notice of a change, picked field by field from the stored booking so no intake data can
 * reach an email; it carries a manage link of its own.
 */
export async function changeNotice(
  ctx: { config: ClinicConfig; store: Pick<Store, "addManageToken">; now: string; baseUrl: string },
  booking: BookingDetail,
  kind: ChangeNotice["kind"],
  changed: ChangeNotice["changed"],
): Promise<ChangeNotice> {
  const link = await mintManageLink(ctx.store, booking.id, ctx.baseUrl, ctx.now);
  const only = kind === "cancelled" ? changed.map((c) => c.index) : undefined;
  return {
    kind,
    id: booking.id,
    reference: booking.reference,
    locale: booking.locale,
    client: { name: booking.client.name, email: booking.client.email },
    serviceId: booking.serviceId,
    minutes: booking.minutes,
    currency: booking.currency,
    total: booking.sessions.filter((s) => s.status === "booked").reduce((sum, s) => sum + s.price, 0),
    changed,
    ics: calendarFile(ctx.config, booking, only),
    manageUrl: link.manageUrl,
    inboxUrl: `${ctx.baseUrl}/inbox/bookings/${encodeURIComponent(booking.id)}`,
  };
}
