export { currencyDigits, decimalAmount, percentOf } from "./money";
export { isDealActive, visibleDeals } from "./validity";
export { quote } from "./quote";
export type { PromoStatus, Quote, QuoteInput, QuoteLine, SessionInput } from "./quote";
