import base from "./base.css?inline";
import { adoptStyles } from "./stylesheet";

/** The frame and the first step: all the early-painted step needs. */
export const adoptBaseStyles = (container: Node): (() => void) => adoptStyles(container, base);
