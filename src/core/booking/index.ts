export * from "./contract";
export * from "./check";
export { localDateAt } from "./clock";
