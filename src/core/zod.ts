import * as z from "zod/mini";

// Zod compiles object parsers with `new Function` unless told not to. A clinic's
// page may forbid `unsafe-eval`, and even zod's guarded probe is reported as a CSP
// violation there, so every schema module imports `z` from here: the flag must be
// set before the first schema is constructed.
// The functional API ("mini") because the widget ships these schemas: classic zod hangs
// dozens of methods on every schema and pulls in its JSON Schema generator and locale.
z.config({ jitless: true });

export { z };
