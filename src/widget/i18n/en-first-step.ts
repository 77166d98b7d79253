/**
 * The English strings of the frame and the first step: the bundle paints that step with these
 * alone; the rest of the catalogue (en.ts, which includes these) comes with the flow.
 */
export const enFirstStep = {
  "widget.label": "Book an appointment at {clinic}",

  "stepper.label": "Booking steps",
  "stepper.progress": "Step {current} of {total}",
  "stepper.done": "done",
  "step.service": "Service",
  "step.health": "Health history",
  "step.time": "Time",
  "step.details": "Your details",
  "step.review": "Review",
  "step.confirmation": "Confirmation",

  "nav.continue": "Continue",
  "nav.back": "Back",
  "nav.backToReview": "Save and return to review",
  "errors.summary.one": "Please check 1 answer below.",
  "errors.summary.other": "Please check {count} answers below.",
  "common.yes": "Yes",
  "common.no": "No",
  "common.optional": "optional",

  "service.heading": "Choose a service",
  "service.intro": "Pick the type of massage and how long you would like it to last.",
  "service.duration": "{minutes} min",
  "service.durationPrice": "{duration}, {price}",
  "service.offersEveryService": "Offers on every service",
  "service.dealBadge": "Offer: {name}",
  "service.dealUntil": "until {date}",
  "service.dealNewClients": "first visit only",
  "service.error.choose-service": "Choose a service and a length to continue.",
  "service.error.choose-duration": "Choose how long the session should last.",
} as const;
