import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(
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
  it("reports no errors and no warnings on the flagship corpus", () => {
    const { code, out } = run("check", corpus);
    expect(code).toBe(0);
    expect(out.trim()).toBe("0 errors, 0 warnings");
  });

  it("reports file, line, column and code for a bad document and exits 1", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "bad.pacta"),
      'party prc "PRC"\nevent e 1952-02-30 transfer x by prc to chna\n',
    );
    const { code, out } = run("check", dir);
    expect(code).toBe(1);
    expect(out).toMatch(/bad\.pacta:2:9: error PCT106/);
    expect(out).toMatch(/bad\.pacta:2:41: error PCT110/);
  });

  it("refuses empty and binary files with PCT006", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.pacta"), "   \n");
    writeFileSync(join(dir, "binary.pacta"), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    const { code, out } = run("check", dir);
    expect(code).toBe(1);
    expect(out.match(/PCT006/g)).toHaveLength(2);
  });

  it("refuses a huge file without parsing it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "huge.pacta"), "#".repeat(6 * 1024 * 1024));
    const { code, out } = run("check", dir);
    expect(code).toBe(1);
    expect(out).toMatch(/huge\.pacta:1:1: error PCT006/);
  });

  it("exits 2 on a path that does not exist, a folder without documents, or no path", () => {
    expect(run("check", "no/such/folder").code).toBe(2);
    expect(run("check", tempDir()).code).toBe(2);
    expect(run("check").code).toBe(2);
  });
});

describe("pacta replay", () => {
  it("prints the 1950 treaty's expiry in April 1980 under the default reading", () => {
    const { code, out } = run("replay", corpus);
    expect(code).toBe(0);
    expect(out).toMatch(/expired\s+1980-04-11/);
  });

  it("gives every instrument and provision with ISO intervals in --json", () => {
    const { code, out } = run("replay", corpus, "--json");
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

  it("dates the end of the 1950 treaty as the chosen reading does", () => {
    const end = (reading: string) => {
      const json = JSON.parse(run("replay", corpus, "--json", "--reading", reading).out) as {
        instruments: { id: string; intervals: { state: string; from: string }[] }[];
      };
      return json.instruments.find((i) => i.id === "prc-ussr-treaty-1950")?.intervals.at(-1)?.from;
    };
    expect(end("cow")).toBe("1980-02-14");
    expect(end("atop")).toBe("1980-04-11");
  });

  it("shows what stood on a day with --at", () => {
    const { code, out } = run("replay", corpus, "--at", "1953-01-01");
    expect(code).toBe(0);
    expect(out).toMatch(/railway-transfer\s+fulfilled\s+since 1952-12-31/);
    expect(out).toMatch(/port-arthur-withdrawal\s+in-effect/);
  });

  it("exits 2 on a malformed --at, an unknown reading or an unknown option", () => {
    expect(run("replay", corpus, "--at", "1952-02-30").code).toBe(2);
    expect(run("replay", corpus, "--at", "soon").code).toBe(2);
    const unknown = run("replay", corpus, "--reading", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/default/);
    expect(run("replay", corpus, "--colour").code).toBe(2);
    expect(run("frobnicate").code).toBe(2);
  });

  it("exits 1 with diagnostics when the documents have errors", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.pacta"), "instrument {\n");
    const { code, err } = run("replay", dir);
    expect(code).toBe(1);
    expect(err).toMatch(/PCT/);
  });
});

describe("pacta explain", () => {
  it("explains the railway transfer with the limb, the handover event and its sources", () => {
    const { code, out } = run("explain", "railway-transfer", corpus, "--at", "1953-01-01");
    expect(code).toBe(0);
    expect(out).toMatch(/end of 1952/);
    expect(out).toMatch(/railway-handover/);
    expect(out).toMatch(/\[harbin-1952\]/);
  });

  it("exits 2 for an id that names nothing", () => {
    expect(run("explain", "no-such-provision", corpus).code).toBe(2);
  });
});

describe("pacta what-if", () => {
  it("shows the railway transfer violated had the USSR made peace with Japan in 1952", () => {
    const { code, out } = run(
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

  it("exits 2 without --with, and 1 when the changes file has errors", () => {
    expect(run("what-if", corpus).code).toBe(2);
    const dir = tempDir();
    writeFileSync(join(dir, "changes.pacta"), 'what-if w "W" {\n  remove no-such-event\n}\n');
    expect(run("what-if", corpus, "--with", join(dir, "changes.pacta")).code).toBe(1);
  });
});

describe("pacta fmt", () => {
  it("formats a document in place, and --check then finds nothing to do", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    const file = join(dir, "sub", "a.pacta");
    writeFileSync(file, 'party   prc "PRC"   {\ncow 710\n}\n');
    expect(run("fmt", "--check", dir).code).toBe(1);
    expect(run("fmt", dir).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe('party prc "PRC" {\n  cow 710\n}\n');
    expect(run("fmt", "--check", dir).code).toBe(0);
  });

  it("leaves a document with syntax errors untouched and exits 1", () => {
    const dir = tempDir();
    const file = join(dir, "a.pacta");
    writeFileSync(file, 'party prc "PRC\n');
    expect(run("fmt", dir).code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe('party prc "PRC\n');
  });

  it("finds the flagship corpus already formatted", () => {
    expect(run("fmt", "--check", corpus).code).toBe(0);
  });
});
