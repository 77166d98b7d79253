export * from "./contract";
export * from "./booking";
export * from "./window";
export * from "./reprice";
export * from "./reschedule";
