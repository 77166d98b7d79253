import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Plugin } from "vite";
import { CODINGS, encode, SUFFIX } from "../src/server/http/encodings";

/**
 * Writes a brotli and a gzip copy beside every file a build emits (`loader.js.br`,
 * `loader.js.gz`), which the receiver sends to browsers that accept them. Compressed here, once,
 * at the strongest settings; a copy that would not be smaller than the file is not written, and the
 * file goes as it is.
 */
export function precompressed(): Plugin {
  return {
    name: "clinic-booking:precompressed",
    apply: "build",
    async writeBundle(output, bundle) {
      const dir = output.dir;
      if (!dir) throw new Error("precompressed: the build has no output folder");
      await Promise.all(Object.keys(bundle).map((file) => writeEncodedCopies(join(dir, file))));
    },
  };
}

export async function writeEncodedCopies(file: string): Promise<void> {
  const data = await readFile(file);
  await Promise.all(
    CODINGS.map(async (coding) => {
      const encoded = await encode(coding, data);
      if (encoded.byteLength < data.byteLength) await writeFile(`${file}${SUFFIX[coding]}`, encoded);
    }),
  );
}
