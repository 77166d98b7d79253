export * from "./contract";
export * from "./standing";
