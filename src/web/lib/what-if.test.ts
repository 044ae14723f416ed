import { describe, expect, it } from "vitest";
import { compile } from "../../language/index.ts";
import { flagshipDocuments } from "../test-support/corpus.ts";
import {
  buildWhatIfText,
  checkChange,
  isDate,
  isId,
  quote,
  type WhatIfForm,
  whatIfFile,
  words,
} from "./what-if.ts";

const form: WhatIfForm = {
  id: "web-what-if",
  description: 'The USSR signs "at" San Francisco',
  changes: [
    {
      kind: "add",
      id: "ussr-peace-1952",
      date: "1952-04-28",
      type: "conclude-peace",
      objects: "",
      actors: "ussr",
      targets: "japan",
    },
    { kind: "remove", event: "railway-handover" },
    { kind: "move", event: "port-arthur-withdrawn-1955", date: " 1953-06-01 " },
  ],
  reading: "atop",
};

describe("buildWhatIfText", () => {
  it("writes a what-if statement the language reads back as the form says", () => {
    const built = buildWhatIfText(form);
    expect(built.errors).toEqual([]);
    expect(built.text).toBe(
      [
        'what-if web-what-if "The USSR signs \\"at\\" San Francisco" {',
        "  add event ussr-peace-1952 1952-04-28 conclude-peace by ussr to japan",
        "  remove railway-handover",
        "  move port-arthur-withdrawn-1955 1953-06-01",
        "  reading atop",
        "}",
        "",
      ].join("\n"),
    );
    const compiled = compile([...flagshipDocuments(), { file: whatIfFile, text: built.text }]);
    expect(
      compiled.diagnostics.filter((d) => d.at.file === whatIfFile && d.severity === "error"),
    ).toEqual([]);
    const whatIf = compiled.model.whatIfs.get("web-what-if");
    expect(whatIf?.description).toBe('The USSR signs "at" San Francisco');
    expect(whatIf?.add.map((e) => [e.id, e.type, e.actors, e.targets])).toEqual([
      ["ussr-peace-1952", "conclude-peace", ["ussr"], ["japan"]],
    ]);
    expect(whatIf?.remove).toEqual(["railway-handover"]);
    expect(whatIf?.move.map((m) => [m.event, m.date.text])).toEqual([
      ["port-arthur-withdrawn-1955", "1953-06-01"],
    ]);
    expect(whatIf?.reading).toBe("atop");
  });

  it("refuses what would not be a single what-if statement", () => {
    const bad = buildWhatIfText({
      ...form,
      changes: [
        {
          kind: "add",
          id: "x }\nparty evil",
          date: "1952-13",
          type: "sign",
          objects: "a{b",
          actors: "ussr, 'prc'",
          targets: "",
        },
      ],
    });
    expect(bad.text).toBe("");
    expect(bad.errors.length).toBeGreaterThanOrEqual(3);
  });

  it("asks for at least one change or another reading", () => {
    expect(buildWhatIfText({ ...form, changes: [], reading: "" }).errors).toEqual([
      "add a change, or choose another reading",
    ]);
    expect(buildWhatIfText({ ...form, changes: [], reading: "cow" }).errors).toEqual([]);
  });
});

describe("the pieces", () => {
  it("knows ids, dates and words", () => {
    expect(isId("changchun-port-arthur-dalny-1950.railway-transfer")).toBe(true);
    expect(isId("ends-")).toBe(false);
    expect(isId("1950")).toBe(false);
    expect(isDate("1952")).toBe(true);
    expect(isDate("1952-04")).toBe(true);
    expect(isDate("1950-02-14..1950-02-16")).toBe(true);
    expect(isDate("April 1952")).toBe(false);
    expect(words(" prc, ussr  japan,")).toEqual(["prc", "ussr", "japan"]);
    expect(quote('a "b"\\\nc')).toBe('"a \\"b\\"\\\\\\nc"');
    expect(checkChange({ kind: "remove", event: "" })).toEqual(["choose an event"]);
  });
});
