// The script-tag bundle: the only module of the embed with side effects, all of them here.
import { bindOpeners, createApi, isRealApi } from "./api";
import { initOptionsFromDataset } from "./dataset";
import { defineClinicBooking } from "./element";
import { GLOBAL_NAME, type ClinicBookingGlobal } from "./global";
import { adoptPrefetchedConfigs } from "./prefetch";

// A module has no `document.currentScript`: its own tag is the one whose src is this module.
const script = Array.from(document.scripts).find((tag) => tag.src === import.meta.url) ?? null;
const host = window as ClinicBookingGlobal;

// A second copy of the bundle on the page must neither redefine the element (that throws)
// nor replace the API the first copy installed: it only handles its own script's data-*.
defineClinicBooking();

const existing = host[GLOBAL_NAME];
adoptPrefetchedConfigs(existing?.c);
const api = isRealApi(existing) ? existing : createApi(document);
if (api !== existing) {
  const queued = existing?.q ?? [];
  host[GLOBAL_NAME] = api;
  bindOpeners(document);
  for (const call of queued) (api as (...args: unknown[]) => unknown)(...Array.from(call));
}

const fromScript = script ? initOptionsFromDataset(script.dataset) : null;
if (fromScript) api("init", fromScript);
