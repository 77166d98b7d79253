import { computed, signal } from "@preact/signals";
import type { ClinicConfig } from "../../core/config";
import { quote as computeQuote, type Quote } from "../../core/pricing";

export type PriceModel = ReturnType<typeof createPriceModel>;

interface PriceDeps {
  config: ClinicConfig;
  now: () => Date;
  choice: () => { serviceId: string; minutes: number } | null;
  sessions: () => string[];
  isNewClient: () => boolean;
}

/** The live quote: the same core function the receiver runs, so the shown total is the one checked. */
export function createPriceModel(deps: PriceDeps) {
  /** What the client is typing; only an applied code changes the price. */
  const promoInput = signal("");
  const promoCode = signal("");
  /** Set by the receiver's 422 on `promoCode` or `quotedTotal`. */
  const serverError = signal<"unknown-promo" | "price-changed" | null>(null);

  function quoteAt(now: Date): Quote | null {
    const choice = deps.choice();
    const starts = deps.sessions();
    if (!choice || starts.length === 0) return null;
    return computeQuote({
      config: deps.config,
      sessions: starts.map((start) => ({ ...choice, start })),
      isNewClient: deps.isNewClient(),
      ...(promoCode.value ? { promoCode: promoCode.value } : {}),
      now: now.toISOString(),
    });
  }

  /** Bumped to re-read the clock: a deal may have ended while the client was filling the form. */
  const clockTick = signal(0);
  const quote = computed(() => {
    void clockTick.value;
    return quoteAt(deps.now());
  });

  function refreshClock(): void {
    clockTick.value += 1;
  }

  function applyPromo(): void {
    promoCode.value = promoInput.value.trim();
    serverError.value = null;
  }

  function clearPromo(): void {
    promoInput.value = "";
    promoCode.value = "";
    serverError.value = null;
  }

  function reset(): void {
    clearPromo();
  }

  return { promoInput, promoCode, serverError, quote, quoteAt, applyPromo, clearPromo, refreshClock, reset };
}
