// The snippet clinics paste. Kept tiny: it only queues calls and requests the bundle once.
import { CONFIG_REQUEST } from "../src/widget/submit/config";
import type { ClinicBookingApi } from "./api";
import { initOptionsFromDataset } from "./dataset";
import { GLOBAL_NAME, type ClinicBookingGlobal } from "./global";

const BUNDLE_FILE = "clinic-booking.js";

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const host = window as ClinicBookingGlobal;

// A stub the page may already have written itself (`ClinicBooking = ClinicBooking || ...`) is kept.
const api: ClinicBookingApi =
  host[GLOBAL_NAME] ??
  (host[GLOBAL_NAME] = function queue(...args: unknown[]) {
    (api.q ??= []).push(args);
    return null;
  } as ClinicBookingApi);
api.q ??= [];

const init = script ? initOptionsFromDataset(script.dataset) : null;
if (init) api("init", init);

// The bundle sits beside the loader unless `data-src` says otherwise (an inline copy of the loader has no src).
const bundleSrc = script?.dataset.src ?? (script?.src ? new URL(BUNDLE_FILE, script.src).href : null);
if (!api.l && bundleSrc) {
  api.l = 1;
  const bundle = document.createElement("script");
  // An ES module: it imports the rest of the widget when it is needed.
  bundle.type = "module";
  bundle.async = true;
  bundle.src = bundleSrc;
  // Pages with a nonce-based CSP trust the loader by nonce; the bundle needs the same one.
  if (script?.nonce) bundle.nonce = script.nonce;
  document.head.append(bundle);
  prefetchConfigs(api.c ??= {});
}

/**
 * Starts each widget's config download alongside the bundle's, not after it, as the same request
 * the widget makes itself: no cookies, no referrer, no stale copy.
 */
function prefetchConfigs(configs: Record<string, Promise<Response>>): void {
  document.querySelectorAll("clinic-booking[config]").forEach((element) => {
    let url: URL;
    try {
      url = new URL(element.getAttribute("config") ?? "", document.baseURI);
    } catch {
      return;
    }
    if (!/^https?:$/.test(url.protocol) || url.href in configs) return;
    const response = fetch(url.href, CONFIG_REQUEST);
    // The widget reports a failure when it reads the response; unread, it is nobody's error.
    response.catch(() => {});
    configs[url.href] = response;
  });
}
