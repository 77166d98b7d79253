import type { Quote } from "../../core/pricing";
import { useT, useWidget } from "./context";

/** Every session's list price and price, the deal applied, the savings and the total. */
export function PriceSummary({ quote }: { quote: Quote }) {
  const { model } = useWidget();
  const t = useT();
  const zone = model.config.timeZone;
  const money = (amount: number) => t.money(amount, quote.currency);
  return (
    <div class="cb-price" part="price">
      <h3 class="cb-subheading">{t.t("price.heading")}</h3>
      <ul class="cb-price__lines">
        {quote.lines.map((line, i) => (
          <li class="cb-price__line" key={line.start}>
            <span>{t.t("price.session", { number: i + 1, when: t.dateTime(line.start, zone) })}</span>
            <span class="cb-price__amounts">
              {line.discount > 0 && (
                <s class="cb-price__list">
                  <span class="cb-visually-hidden">{t.t("price.list")}: </span>
                  {money(line.listPrice)}
                </s>
              )}{" "}
              <span>{line.price === 0 ? t.t("price.free") : money(line.price)}</span>
            </span>
          </li>
        ))}
      </ul>
      <div class="cb-price__summary" aria-live="polite" aria-atomic="true">
        {quote.deal && quote.discountTotal > 0 && (
          <>
            <p class="cb-price__row">
              <span>{t.t("price.list")}</span> <span>{money(quote.listTotal)}</span>
            </p>
            <p class="cb-price__row cb-price__deal">
              <span>{t.t("price.deal", { name: t.text(quote.deal.name) })}</span>{" "}
              <span>{t.t("price.discount", { amount: money(quote.discountTotal) })}</span>
            </p>
          </>
        )}
        <p class="cb-price__total">
          <span>{t.t("price.total")}</span> <strong>{money(quote.total)}</strong>
        </p>
        {quote.discountTotal > 0 && <p class="cb-price__savings">{t.t("price.savings", { amount: money(quote.discountTotal) })}</p>}
      </div>
    </div>
  );
}
