/**
 * A child process for the interrupted-import test: it imports a large generated corpus into the
 * store named by PACTA_TEST_DATABASE and, once PACTA_TEST_PAUSE_AFTER_ROWS rows are written inside
 * the transaction, prints `paused DONE TOTAL` and blocks forever, for the parent to kill it.
 *
 *   node --import tsx src/store/testing/interrupted-import.ts
 */
import { writeSync } from "node:fs";
import { openStore } from "../index.ts";
import { largeCorpus } from "./large-corpus.ts";

const database = process.env["PACTA_TEST_DATABASE"];
const pauseAfter = Number(process.env["PACTA_TEST_PAUSE_AFTER_ROWS"] ?? "0");
if (database === undefined || !(pauseAfter > 0)) {
  process.stderr.write("set PACTA_TEST_DATABASE and PACTA_TEST_PAUSE_AFTER_ROWS\n");
  process.exit(2);
}

const store = await openStore({ database });
const result = await store.importDocuments(largeCorpus(600, 20_000), {
  onProgress: ({ phase, done, total }) => {
    if (phase !== "write" || done < pauseAfter) return;
    writeSync(1, `paused ${done} ${total}\n`);
    // Block the only thread, inside the transaction, until killed.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
// Reached only if the pause never came: the parent treats this as a failure.
writeSync(1, `finished ${JSON.stringify(result.ok)}\n`);
await store.close();
