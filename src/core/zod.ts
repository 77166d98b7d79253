import { z } from "zod";

// Zod compiles object parsers with `new Function` unless told not to. A clinic's
// page may forbid `unsafe-eval`, and even zod's guarded probe is reported as a CSP
// violation there, so every schema module imports `z` from here: the flag must be
// set before the first schema is constructed.
z.config({ jitless: true });

export { z };
