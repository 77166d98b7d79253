import flow from "./flow.css?inline";
import { adoptBaseStyles } from "./base";
import { adoptStyles } from "./stylesheet";

/** Every step of the flow: the base sheet and the flow's own. */
export function adoptWidgetStyles(container: Node): () => void {
  const drops = [adoptBaseStyles(container), adoptStyles(container, flow)];
  return () => drops.forEach((drop) => drop());
}
