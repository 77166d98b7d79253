import type { WidgetPrefill } from "../src/widget/types";

/** What the page says about the client through attributes, over what it said through `prefill()`. */
export function prefillFrom(element: Element, pending: WidgetPrefill): WidgetPrefill {
  const values: WidgetPrefill = { ...pending };
  const name = element.getAttribute("name");
  const email = element.getAttribute("email");
  const serviceId = element.getAttribute("service");
  if (name) values.name = name;
  if (email) values.email = email;
  if (serviceId) values.serviceId = serviceId;
  return values;
}

/** Where `config-id` is looked up: the tree the element lives in (a document or a shadow root). */
export function lookupRoot(element: Element): Document | ShadowRoot {
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root : element.ownerDocument;
}
