export { buildIcs, type IcsInput } from "./ics";
export { googleCalendarUrl, outlookCalendarUrl, type CalendarLinkInput } from "./links";
export { sessionUid, type CalendarClinic, type CalendarSession } from "./details";
