import { Hono } from "hono";
import { calendarFile } from "../booking/calendar";
import type { AppContext, AppEnv } from "../context";
import { matchesHash } from "../secrets";

export function calendarRoutes(ctx: AppContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/api/bookings/:id/calendar.ics", async (c) => {
    const token = c.req.query("token") ?? "";
    const booking = await ctx.store.getBooking(c.req.param("id"));
    // One answer for "no such booking", "no calendar" and "wrong token": none of them is the caller's business.
    if (!booking?.calendarTokenHash || !matchesHash(token, booking.calendarTokenHash)) {
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
