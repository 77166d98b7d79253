export * from "./contract";
export * from "./check";

