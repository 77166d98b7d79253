import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";

/**
 * The six digits of the latest code email the receiver wrote for `to` into its outbox, waiting
 * for it to be written (mail leaves after the HTTP answer).
 */
export async function codeFromOutbox(outboxDir: string, to: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(outboxDir).catch(() => [] as string[]);
    const found: { date: number; code: string }[] = [];
    for (const name of names.filter((n) => n.endsWith(".eml"))) {
      const mail = await simpleParser(await readFile(join(outboxDir, name)));
      const recipients = [mail.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address));
      const code = /Your code: (\d{6})/.exec(mail.text ?? "")?.[1];
      if (code && recipients.includes(to)) found.push({ date: mail.date?.getTime() ?? 0, code });
    }
    const latest = found.sort((a, b) => a.date - b.date).at(-1);
    if (latest) return latest.code;
    if (Date.now() > deadline) throw new Error(`no code email for ${to} in ${outboxDir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
