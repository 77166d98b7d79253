import { startE2E, openPage } from "./support/browser";
import { widget, chooseService, answerHealth, continueButton, waitForStep, pickFirstSlot, fillDetails, shownTotal } from "./support/flow";
const env = await startE2E();
try {
const { page } = await openPage(env, "index.html");
const w = widget(page);
await chooseService(w, "Myofascial release", 60);
await answerHealth(w);
await continueButton(w).click();
await waitForStep(w, "Choose a time");
console.log(await pickFirstSlot(w));
console.log(await shownTotal(w));
await continueButton(w).click();
await fillDetails(w);
await continueButton(w).click();
await waitForStep(w, /Review/);console.log(await w.ariaSnapshot());
await w.getByRole("button", { name: "Confirm booking" }).click();
await waitForStep(w, /booked/);
console.log(await w.ariaSnapshot());
} finally { await env.close(); }
