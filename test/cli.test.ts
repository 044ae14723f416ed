import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(
    argv,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
    false,
  );
  return { code, out, err };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "pacta-cli-"));
}

const corpus = "corpus/sino-soviet";

describe("pacta check", () => {
  it("reports no errors and no warnings on the flagship corpus", async () => {
    const { code, out } = await run("check", corpus);
    expect(code).toBe(0);
    expect(out.trim()).toBe("0 errors, 0 warnings");
  });

  it("reports file, line, column and code for a bad document and exits 1", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "bad.pacta"),
      'party prc "PRC"\nevent e 1952-02-30 transfer x by prc to chna\n',
    );
    const { code, out } = await run("check", dir);
    expect(code).toBe(1);
    expect(out).toMatch(/bad\.pacta:2:9: error PCT106/);
    expect(out).toMatch(/bad\.pacta:2:41: error PCT110/);
  });

  it("refuses empty and binary files with PCT006", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.pacta"), "   \n");
    writeFileSync(join(dir, "binary.pacta"), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    const { code, out } = await run("check", dir);
    expect(code).toBe(1);
    expect(out.match(/PCT006/g)).toHaveLength(2);
  });

  it("refuses a huge file without parsing it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "huge.pacta"), "#".repeat(6 * 1024 * 1024));
    const { code, out } = await run("check", dir);
    expect(code).toBe(1);
    expect(out).toMatch(/huge\.pacta:1:1: error PCT006/);
  });

  it("exits 2 on a path that does not exist, a folder without documents, or no path", async () => {
    expect((await run("check", "no/such/folder")).code).toBe(2);
    expect((await run("check", tempDir())).code).toBe(2);
    expect((await run("check")).code).toBe(2);
  });
});

describe("pacta replay", () => {
  it("prints the 1950 treaty's expiry in April 1980 under the default reading", async () => {
    const { code, out } = await run("replay", corpus);
    expect(code).toBe(0);
    expect(out).toMatch(/expired\s+1980-04-11/);
  });

  it("prints facts after the instruments, each value of a fact with values on its own", async () => {
    const root = join(import.meta.dirname, "..");
    const { code, out } = await run(
      "replay",
      join(root, "examples/voting/protocol.pacta"),
      join(root, "test/fixtures/voting/meeting.pacta"),
    );
    expect(code).toBe(0);
    const facts = out.slice(out.indexOf("\nFacts\n"));
    expect(facts).toMatch(/\n {2}outcome\(m3\)=carried\n {4}holds\s+2000-01-19 → 2000-01-25 /);
    expect(facts).toMatch(/\n {2}chair\(c10\)\n {4}holds\s+2000-01-01 → …/);
  });

  it("gives every instrument and provision with ISO intervals in --json", async () => {
    const { code, out } = await run("replay", corpus, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      reading: string;
      instruments: {
        id: string;
        intervals: { state: string; from: string; until: string | null }[];
      }[];
      provisions: {
        id: string;
        intervals: {
          state: string;
          from: string;
          until: string | null;
          reason: { sources: string[] };
        }[];
      }[];
    };
    expect(json.reading).toBe("default");
    const treaty = json.instruments.find((i) => i.id === "prc-ussr-treaty-1950");
    expect(treaty?.intervals.map((i) => [i.state, i.from, i.until])).toEqual([
      ["signed", "1950-02-14", "1950-04-11"],
      ["in-force", "1950-04-11", "1980-04-11"],
      ["expired", "1980-04-11", null],
    ]);
    const railway = json.provisions.find(
      (p) => p.id === "changchun-port-arthur-dalny-1950.railway-transfer",
    );
    const fulfilled = railway?.intervals.at(-1);
    expect(fulfilled).toMatchObject({ state: "fulfilled", from: "1952-12-31", until: null });
    expect(fulfilled?.reason.sources.length).toBeGreaterThan(0);
  });

  it("dates the end of the 1950 treaty as the chosen reading does", async () => {
    const end = async (reading: string) => {
      const json = JSON.parse(
        (await run("replay", corpus, "--json", "--reading", reading)).out,
      ) as {
        instruments: { id: string; intervals: { state: string; from: string }[] }[];
      };
      return json.instruments.find((i) => i.id === "prc-ussr-treaty-1950")?.intervals.at(-1)?.from;
    };
    expect(await end("cow")).toBe("1980-02-14");
    expect(await end("atop")).toBe("1980-04-11");
  });

  it("shows what stood on a day with --at", async () => {
    const { code, out } = await run("replay", corpus, "--at", "1953-01-01");
    expect(code).toBe(0);
    expect(out).toMatch(/railway-transfer\s+fulfilled\s+since 1952-12-31/);
    expect(out).toMatch(/port-arthur-withdrawal\s+in-effect/);
  });

  it("exits 2 on a malformed --at, an unknown reading or an unknown option", async () => {
    expect((await run("replay", corpus, "--at", "1952-02-30")).code).toBe(2);
    expect((await run("replay", corpus, "--at", "soon")).code).toBe(2);
    const unknown = await run("replay", corpus, "--reading", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/default/);
    expect((await run("replay", corpus, "--colour")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
  });

  it("exits 1 with diagnostics when the documents have errors", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.pacta"), "instrument {\n");
    const { code, err } = await run("replay", dir);
    expect(code).toBe(1);
    expect(err).toMatch(/PCT/);
  });
});

describe("pacta explain", () => {
  it("explains the railway transfer with the limb, the handover event and its sources", async () => {
    const { code, out } = await run("explain", "railway-transfer", corpus, "--at", "1953-01-01");
    expect(code).toBe(0);
    expect(out).toMatch(/end of 1952/);
    expect(out).toMatch(/railway-handover/);
    expect(out).toMatch(/\[harbin-1952\]/);
  });

  it("exits 2 for an id that names nothing", async () => {
    expect((await run("explain", "no-such-provision", corpus)).code).toBe(2);
  });
});

describe("pacta what-if", () => {
  it("shows the railway transfer violated had the USSR made peace with Japan in 1952", async () => {
    const { code, out } = await run(
      "what-if",
      corpus,
      "--with",
      "corpus/sino-soviet-what-if/ussr-signs-san-francisco.pacta",
      "--json",
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      changes: { id: string; after: { state: string; from: string }[] }[];
    };
    const railway = json.changes.find(
      (c) => c.id === "changchun-port-arthur-dalny-1950.railway-transfer",
    );
    expect(railway?.after.map((i) => i.state)).toContain("violated");
  });

  it("exits 2 without --with, and 1 when the changes file has errors", async () => {
    expect((await run("what-if", corpus)).code).toBe(2);
    const dir = tempDir();
    writeFileSync(join(dir, "changes.pacta"), 'what-if w "W" {\n  remove no-such-event\n}\n');
    expect((await run("what-if", corpus, "--with", join(dir, "changes.pacta"))).code).toBe(1);
  });
});

describe("pacta due, violations and model", () => {
  it("lists what fell due in 1952 with each outcome and limb", async () => {
    const { code, out } = await run("due", corpus, "--from", "1952", "--to", "1952", "--json");
    expect(code).toBe(0);
    const due = JSON.parse(out) as {
      provision: string;
      due: string;
      limb: string;
      outcome: string;
    }[];
    expect(due).toContainEqual({
      provision: "changchun-port-arthur-dalny-1950.railway-transfer",
      due: "1952-12-31",
      limb: "end of 1952",
      outcome: "fulfilled",
    });
    expect(due.find((d) => d.provision.endsWith("port-arthur-withdrawal"))?.outcome).toBe(
      "replaced",
    );
  });

  it("finds the railway transfer violated under the reading in which San Francisco counted", async () => {
    const { code, out } = await run(
      "violations",
      corpus,
      "--reading",
      "san-francisco-as-peace",
      "--json",
    );
    expect(code).toBe(0);
    const found = JSON.parse(out) as { id: string; from: string }[];
    expect(found).toContainEqual(
      expect.objectContaining({
        id: "changchun-port-arthur-dalny-1950.railway-transfer",
        from: "1952-04-29",
      }),
    );
  });

  it("prints the resolved model with ISO dates", async () => {
    const { code, out } = await run("model", corpus);
    expect(code).toBe(0);
    const model = JSON.parse(out) as { events: { id: string; date: { first: string } }[] };
    expect(model.events.find((e) => e.id === "railway-handover")?.date.first).toBe("1952-12-31");
  });

  it("exits 2 when the period is missing or malformed", async () => {
    expect((await run("due", corpus)).code).toBe(2);
    expect((await run("due", corpus, "--from", "1952", "--to", "1952-13")).code).toBe(2);
  });
});

describe("pacta fmt", () => {
  it("formats a document in place, and --check then finds nothing to do", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    const file = join(dir, "sub", "a.pacta");
    writeFileSync(file, 'party   prc "PRC"   {\ncow 710\n}\n');
    expect((await run("fmt", "--check", dir)).code).toBe(1);
    expect((await run("fmt", dir)).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe('party prc "PRC" {\n  cow 710\n}\n');
    expect((await run("fmt", "--check", dir)).code).toBe(0);
  });

  it("leaves a document with syntax errors untouched and exits 1", async () => {
    const dir = tempDir();
    const file = join(dir, "a.pacta");
    writeFileSync(file, 'party prc "PRC\n');
    expect((await run("fmt", dir)).code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe('party prc "PRC\n');
  });

  it("finds the flagship corpus already formatted", async () => {
    expect((await run("fmt", "--check", corpus)).code).toBe(0);
  });
});
