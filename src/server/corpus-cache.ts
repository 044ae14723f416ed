import { type Replay, type ReplayJson, replay, replayToJson } from "../engine/index.ts";
import { type Compilation, compile } from "../language/compile.ts";
import type { CorpusStore } from "../store/index.ts";
import { ApiError } from "./api-error.ts";

/** The reading every corpus has: its own `default`, or the replay without a reading. */
export const defaultReading = "default";

/** The latest version of a document, with its text. */
export interface CorpusDocument {
  readonly file: string;
  readonly version: number;
  readonly text: string;
  readonly savedAt: string;
}

/**
 * The store's corpus at one revision, compiled, with its replays computed on demand and kept:
 * what the replay, explanation and what-if routes read.
 */
export class CorpusSnapshot {
  readonly revision: number;
  readonly documents: readonly CorpusDocument[];
  readonly compilation: Compilation;
  /** Every reading a client may ask for, sorted: the corpus's readings and `default`. */
  readonly readings: readonly string[];
  readonly #replays = new Map<string, Replay>();
  readonly #replayJson = new Map<string, ReplayJson>();
  readonly #encoded = new Map<string, Uint8Array<ArrayBuffer>>();

  constructor(revision: number, documents: readonly CorpusDocument[]) {
    this.revision = revision;
    this.documents = documents;
    this.compilation = compile(documents.map(({ file, text }) => ({ file, text })));
    this.readings = [
      ...new Set([...this.compilation.model.readings.keys(), defaultReading]),
    ].sort();
  }

  /** The reading asked for, or `default`; 400 naming the readings when there is no such one. */
  reading(asked: string | undefined): string {
    const reading = asked === undefined || asked === "" ? defaultReading : asked;
    if (!this.readings.includes(reading)) {
      throw new ApiError(
        "unknown-reading",
        `No reading named '${reading.slice(0, 80)}'; the readings are ${this.readings.join(", ")}`,
        { readings: this.readings },
      );
    }
    return reading;
  }

  /** The replay under a reading (`default` without such a reading: no reading at all). */
  replay(reading: string): Replay {
    let result = this.#replays.get(reading);
    if (result === undefined) {
      const { model } = this.compilation;
      result = replay(model, model.readings.has(reading) ? { reading } : {});
      this.#replays.set(reading, result);
    }
    return result;
  }

  /**
   * An answer computed once for this revision and kept as UTF-8 JSON, so that repeated requests
   * cost neither the computation nor the serialisation.
   */
  encoded(key: string, make: () => unknown): Uint8Array<ArrayBuffer> {
    let bytes = this.#encoded.get(key);
    if (bytes === undefined) {
      bytes = new TextEncoder().encode(JSON.stringify(make()));
      this.#encoded.set(key, bytes);
    }
    return bytes;
  }

  /** The replay as the engine's JSON, with `reading` naming the reading asked for. */
  replayJson(reading: string): ReplayJson {
    let json = this.#replayJson.get(reading);
    if (json === undefined) {
      json = { ...replayToJson(this.replay(reading)), reading };
      this.#replayJson.set(reading, json);
    }
    return json;
  }
}

/**
 * Keeps the snapshot of the store's latest revision. Each read asks the store for its revision
 * (one small query) and compiles again only when it moved, so repeated reads are fast and a write
 * (through the API or by `pacta import` in another process) is seen by the next request.
 */
export class CorpusCache {
  readonly #store: CorpusStore;
  #entry: { revision: number; snapshot: Promise<CorpusSnapshot> } | undefined;

  constructor(store: CorpusStore) {
    this.#store = store;
  }

  async snapshot(): Promise<CorpusSnapshot> {
    const revision = await this.#store.revision();
    const entry = this.#entry;
    if (entry !== undefined && entry.revision === revision) return entry.snapshot;
    const snapshot = this.#load(revision);
    this.#entry = { revision, snapshot };
    snapshot.catch(() => {
      if (this.#entry?.snapshot === snapshot) this.#entry = undefined;
    });
    return snapshot;
  }

  /** Reads the documents of a revision; reads again if a write came in between. */
  async #load(revision: number): Promise<CorpusSnapshot> {
    let expected = revision;
    for (let attempt = 0; ; attempt++) {
      const [summaries, texts] = await Promise.all([
        this.#store.listDocuments(),
        this.#store.currentDocuments(),
      ]);
      const now = await this.#store.revision();
      if (now === expected || attempt >= 4) {
        const byFile = new Map(texts.map((d) => [d.file, d.text]));
        const documents = summaries.flatMap((s) => {
          const text = byFile.get(s.file);
          return text === undefined
            ? []
            : [{ file: s.file, version: s.version, text, savedAt: s.savedAt }];
        });
        return new CorpusSnapshot(now, documents);
      }
      expected = now;
    }
  }
}
