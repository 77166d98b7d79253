import type { ClinicConfig } from "../../core/config";
import { canChange, changeableUntil, currentPrice, type ManagedBookingState, type ManageView } from "../../core/manage";
import type { BookingDetail } from "../store/types";

/** The stored booking as the manage rules see it (no client details, no health answers). */
export function managedState(booking: BookingDetail): ManagedBookingState {
  return {
    serviceId: booking.serviceId,
    minutes: booking.minutes,
    isNewClient: booking.client.isNewClient,
    promoCode: booking.promoCode,
    createdAt: booking.createdAt,
    sessions: booking.sessions,
  };
}

/** What the manage view shows: the booking's sessions and what can be done with each at `now`. */
export function manageView(config: ClinicConfig, booking: BookingDetail, calendarUrl: string, now: string): ManageView {
  const booked = booking.sessions.filter((s) => s.status === "booked");
  const listTotal = booked.reduce((sum, s) => sum + s.listPrice, 0);
  const { total, deal } = currentPrice(config, managedState(booking));
  const noticeHours = config.booking.cancellationNoticeHours;
  return {
    reference: booking.reference,
    status: booking.status,
    locale: booking.locale,
    clinic: { name: config.clinic.name, phone: config.clinic.phone, email: config.clinic.email },
    currency: booking.currency,
    listTotal,
    discountTotal: listTotal - total,
    total,
    deal,
    cancellationNoticeHours: noticeHours,
    calendarUrl,
    sessions: booking.sessions.map((s) => {
      const changeable = canChange(s, config, now);
      return {
        index: s.index,
        serviceId: booking.serviceId,
        minutes: booking.minutes,
        therapistId: s.therapistId,
        start: s.start,
        end: s.end,
        listPrice: s.listPrice,
        price: s.price,
        status: s.status,
        sequence: s.sequence,
        changeableUntil: changeableUntil(s.start, noticeHours),
        canCancel: changeable,
        canReschedule: changeable,
      };
    }),
  };
}
