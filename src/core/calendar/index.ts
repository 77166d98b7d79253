export { googleCalendarUrl, outlookCalendarUrl, type CalendarLinkInput } from "./links";
export { eventDetails, sessionUid, type CalendarEventDetails } from "./details";
export type { CalendarClinic, CalendarSession } from "./types";
