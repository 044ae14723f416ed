// Builds the text of a `what-if` statement from the what-if form. The page compiles it with the
// corpus, so that the language reads the dates and patterns exactly as it reads documents.

export type WhatIfChange =
  | {
      readonly kind: "add";
      readonly id: string;
      readonly date: string;
      readonly type: string;
      /** Objects as written: ids, amounts (`60_000_000 USD`), ranges; space-separated. */
      readonly objects: string;
      /** Actor ids, separated by commas or spaces. */
      readonly actors: string;
      readonly targets: string;
    }
  | { readonly kind: "remove"; readonly event: string }
  | { readonly kind: "move"; readonly event: string; readonly date: string };

export interface WhatIfForm {
  readonly id: string;
  readonly description: string;
  readonly changes: readonly WhatIfChange[];
  /** A reading to switch to, or "" to keep the reading of history. */
  readonly reading: string;
}

/** The file name under which the page compiles the form's what-if. */
export const whatIfFile = "(what-if).pacta";

const idPattern = /^[\p{L}][\p{L}\p{M}\p{Nd}_-]*(?:\.[\p{L}][\p{L}\p{M}\p{Nd}_-]*)*$/u;
const datePart = String.raw`\d{4}(?:-\d{2}(?:-\d{2})?)?`;
const datePattern = new RegExp(`^${datePart}(?:\\.\\.${datePart})?$`);
const objectPattern = /^(?:[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}_.%-]*)$/u;

export function isId(text: string): boolean {
  return idPattern.test(text) && !text.endsWith("-") && !/-\./.test(text);
}

export function isDate(text: string): boolean {
  return datePattern.test(text);
}

/** Splits a list typed as `a, b c` into its words. */
export function words(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/** A string literal of the language: quotes, backslashes and line ends escaped. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/** Problems in one change, as sentences; empty when it is well formed. */
export function checkChange(change: WhatIfChange): string[] {
  const errors: string[] = [];
  if (change.kind === "add") {
    if (!isId(change.id)) errors.push(`"${change.id}" is not an id for the new event`);
    if (!isDate(change.date.trim()))
      errors.push(`"${change.date}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
    if (!isId(change.type)) errors.push(`"${change.type}" is not an event type`);
    for (const o of words(change.objects))
      if (!objectPattern.test(o)) errors.push(`"${o}" is not an object (an id, number or unit)`);
    for (const a of [...words(change.actors), ...words(change.targets)])
      if (!isId(a)) errors.push(`"${a}" is not a party id`);
  } else {
    if (!isId(change.event)) errors.push("choose an event");
    if (change.kind === "move" && !isDate(change.date.trim()))
      errors.push(`"${change.date}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  return errors;
}

function changeLine(change: WhatIfChange): string {
  switch (change.kind) {
    case "add": {
      const parts = ["add event", change.id, change.date.trim(), change.type];
      const objects = words(change.objects);
      if (objects.length > 0) parts.push(objects.join(" "));
      const actors = words(change.actors);
      if (actors.length > 0) parts.push("by", actors.join(", "));
      const targets = words(change.targets);
      if (targets.length > 0) parts.push("to", targets.join(", "));
      return parts.join(" ");
    }
    case "remove":
      return `remove ${change.event}`;
    case "move":
      return `move ${change.event} ${change.date.trim()}`;
  }
}

/**
 * The `what-if` statement for the form, or the problems that keep it from being written. The
 * text is only built from checked ids, dates and quoted strings, so a form cannot inject other
 * statements.
 */
export function buildWhatIfText(form: WhatIfForm): {
  readonly text: string;
  readonly errors: readonly string[];
} {
  const errors: string[] = [];
  if (!isId(form.id)) errors.push(`"${form.id}" is not an id for the what-if`);
  if (form.reading !== "" && !isId(form.reading)) errors.push(`"${form.reading}" is not a reading`);
  form.changes.forEach((change, i) => {
    for (const e of checkChange(change)) errors.push(`change ${i + 1}: ${e}`);
  });
  if (form.changes.length === 0 && form.reading === "")
    errors.push("add a change, or choose another reading");
  if (errors.length > 0) return { text: "", errors };
  const lines = [`what-if ${form.id} ${quote(form.description)} {`];
  for (const change of form.changes) lines.push(`  ${changeLine(change)}`);
  if (form.reading !== "") lines.push(`  reading ${form.reading}`);
  lines.push("}");
  return { text: `${lines.join("\n")}\n`, errors: [] };
}
