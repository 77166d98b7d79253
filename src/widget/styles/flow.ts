import flow from "./flow.css?inline";
import { adoptStyles } from "./stylesheet";

/** The steps after the first, added to the base sheet the first step was painted with. */
export const adoptFlowStyles = (container: Node): (() => void) => adoptStyles(container, flow);
