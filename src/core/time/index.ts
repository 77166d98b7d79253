export * from "./intervals";
export * from "./local-date";
export * from "./offsets";
export * from "./instants";
export * from "./zone";
