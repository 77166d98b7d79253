import { Hono } from "hono";
import { calendarFile } from "../booking/calendar";
import type { AppContext, AppEnv } from "../context";
import { matchesHash, sha256 } from "../secrets";
import type { BookingDetail } from "../store/types";

export function calendarRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The booking's own calendar token (of the 201 answer), or one derived from a manage token.
  const opens = async (booking: BookingDetail, token: string) =>
    (booking.calendarTokenHash !== null && matchesHash(token, booking.calendarTokenHash)) ||
    (token.length > 0 && (await ctx.store.hasCalendarToken(booking.id, sha256(token))));

  app.get("/api/bookings/:id/calendar.ics", async (c) => {
    const token = c.req.query("token") ?? "";
    const booking = await ctx.store.getBooking(c.req.param("id"));
    // One answer for "no such booking", "no calendar" and "wrong token": none of them is the caller's business.
    if (!booking || booking.sessions.length === 0 || !(await opens(booking, token))) {
      return c.text("Not found", 404);
    }
    c.set("bookingId", booking.id);
    return c.body(calendarFile(ctx.config, booking), 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="appointment-${booking.reference}.ics"`,
      "Cache-Control": "private, no-store",
    });
  });
  return app;
}
