import type { ClinicConfig } from "../src/core/config";
import type { Issue } from "../src/core/result";
import { fetchClinicConfig } from "../src/widget/submit/config";
import { RequestFailedError } from "../src/widget/submit/http";
import type { ClinicBookingErrorDetail } from "./events";
import { fetchPrefetched } from "./prefetch";

/** Where the element's config comes from, in order of precedence. */
export interface ConfigSources {
  /** Set through the `config` property or `ClinicBooking('init', { config })`. */
  value: unknown;
  /** `config-id`: id of a `<script type="application/json">` on the page. */
  configId: string | null;
  /** `config`: URL of the JSON document. */
  configUrl: string | null;
  /** `endpoint`: replaces `submit.endpoint`, e.g. a staging receiver. */
  endpoint: string | null;
}

/** The sources of an element: its `config` property value and attributes. */
export function configSources(element: Element, value: unknown): ConfigSources {
  const attribute = (name: string) => element.getAttribute(name);
  return { value, configId: attribute("config-id"), configUrl: attribute("config"), endpoint: attribute("endpoint") };
}

export interface ConfigContext {
  /** Looks up the inline script in the tree the element lives in (document or a shadow root). */
  getElementById: (id: string) => Element | null;
  baseUrl: string;
  signal: AbortSignal;
}

export interface ConfigFailure {
  ok: false;
  title: string;
  error: Extract<ClinicBookingErrorDetail, { kind: "config" | "config-unavailable" }>;
}

export type ConfigLoad = { ok: true; config: ClinicConfig } | ConfigFailure;
export type RawConfigLoad = { ok: true; raw: unknown } | ConfigFailure;

type Validator = typeof import("../src/core/config/parse");

/** Starts downloading the schema (zod and the config schema), once the first step has painted. */
export function loadValidator(): Promise<Validator | null> {
  return import("../src/core/config/parse").catch(() => null);
}

/** Reads the config from its source, unchecked; with the `endpoint` attribute applied. */
export async function readClinicConfig(sources: ConfigSources, context: ConfigContext): Promise<RawConfigLoad> {
  let raw: unknown;
  if (sources.value !== undefined) {
    raw = sources.value;
  } else if (sources.configId !== null) {
    const inline = readInlineConfig(sources.configId, context.getElementById);
    if (!inline.ok) return invalid([inline.issue]);
    raw = inline.value;
  } else if (sources.configUrl !== null) {
    try {
      raw = await fetchClinicConfig(sources.configUrl, { baseUrl: context.baseUrl, signal: context.signal, fetch: fetchPrefetched });
    } catch (error) {
      const reason = error instanceof RequestFailedError ? error.reason : "offline";
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        title: "clinic-booking: the configuration could not be loaded",
        error: { kind: "config-unavailable", reason, message },
      };
    }
  } else {
    return invalid([
      {
        path: "(root)",
        code: "missing",
        message: 'no configuration: set the "config" (URL) or "config-id" attribute, or the config property',
      },
    ]);
  }
  return { ok: true, raw: withEndpoint(raw, sources.endpoint) };
}

/** Checks a config with the schema; every failure says what to fix. */
export async function validateClinicConfig(raw: unknown, validator: Promise<Validator | null>): Promise<ConfigLoad> {
  const schema = await validator;
  if (!schema) return codeUnavailable();
  const parsed = schema.parseClinicConfig(raw);
  return parsed.ok ? { ok: true, config: parsed.value } : invalid(parsed.errors);
}

/** A chunk of the widget failed to download (offline, or a deploy replaced the files). */
export function codeUnavailable(): ConfigFailure {
  return {
    ok: false,
    title: "clinic-booking: the widget could not be loaded",
    error: { kind: "config-unavailable", reason: "offline", message: "a part of the widget's code could not be downloaded" },
  };
}

function invalid(issues: Issue[]): ConfigFailure {
  return { ok: false, title: "clinic-booking: the configuration is invalid", error: { kind: "config", issues } };
}

type InlineRead = { ok: true; value: unknown } | { ok: false; issue: Issue };

function readInlineConfig(id: string, getElementById: (id: string) => Element | null): InlineRead {
  const where = `<script type="application/json" id="${id}">`;
  const script = getElementById(id);
  if (!script || script.localName !== "script" || script.getAttribute("type") !== "application/json") {
    return { ok: false, issue: { path: "(root)", code: "missing", message: `config-id: no ${where} on the page` } };
  }
  try {
    return { ok: true, value: JSON.parse(script.textContent ?? "") as unknown };
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    return { ok: false, issue: { path: "(root)", code: "invalid_json", message: `${where} is not valid JSON${detail}` } };
  }
}

/** The endpoint attribute wins over the document's; the schema then checks it like any other. */
function withEndpoint(raw: unknown, endpoint: string | null): unknown {
  if (endpoint === null || typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const config = raw as Record<string, unknown>;
  const submit = typeof config.submit === "object" && config.submit !== null ? config.submit : {};
  return { ...config, submit: { ...submit, endpoint } };
}
