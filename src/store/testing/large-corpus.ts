import type { DocumentText } from "../../language/compile.ts";

/**
 * A generated corpus of `count` instruments between two parties, one document each, with three
 * duties and a handful of events apiece, plus a document of parties and sources. Each instrument
 * has a note of `noteLength` characters, to make the rows as large as needed. Deterministic.
 */
export function largeCorpus(count: number, noteLength = 0): DocumentText[] {
  const documents: DocumentText[] = [
    {
      file: "bulk/parties.pacta",
      text: [
        'source bulk-source "A generated source"',
        'party north "North" [bulk-source]',
        'party south "South" [bulk-source]',
        'asset goods "Goods"',
      ].join("\n"),
    },
  ];
  for (let i = 0; i < count; i++) {
    const id = `bulk-${String(i).padStart(4, "0")}`;
    const year = 1900 + (i % 80);
    const duties = [1, 2, 3]
      .map(
        (n) => `  article ${n} "Duty ${n}" {
    duty d${n} "Deliver lot ${n}" {
      holder north
      counterparty south
      act transfer goods
      due ${year + n}-12-31
      fulfilled by transfer goods by north to south
    }
  }`,
      )
      .join("\n");
    documents.push({
      file: `bulk/${id}.pacta`,
      text: `instrument ${id} "Generated agreement ${i}" [bulk-source] {
  kind agreement
  parties north, south
  note "${"Lorem ipsum dolor sit amet. ".repeat(Math.ceil(noteLength / 28)).slice(0, noteLength)}"
  in-force on signature
  term 20 years
${duties}
}
event ${id}-signed ${year}-03-01 sign ${id} by north, south [bulk-source]
event ${id}-delivery ${year + 1}-06-01 transfer goods by north to south [bulk-source]
`,
    });
  }
  return documents;
}
