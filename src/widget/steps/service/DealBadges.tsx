import type { Deal } from "../../../core/config";
import { useT } from "../../ui/context";

/** One badge per deal: its name, whether it is for new clients only, until when it runs. */
export function DealBadges({ deals, labelledBy }: { deals: readonly Deal[]; labelledBy?: string | undefined }) {
  const t = useT();
  return (
    <ul class="cb-badges" aria-labelledby={labelledBy}>
      {deals.map((deal) => (
        <li class="cb-badge" key={deal.id}>
          {t.t("service.dealBadge", { name: t.text(deal.name) })}
          {deal.newClientsOnly && <> · {t.t("service.dealNewClients")}</>}
          {deal.validUntil && <> · {t.t("service.dealUntil", { date: t.date(deal.validUntil) })}</>}
        </li>
      ))}
    </ul>
  );
}
