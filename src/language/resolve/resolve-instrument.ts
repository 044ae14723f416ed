import type { Duration } from "../calendar/duration.ts";
import type { HistDate } from "../calendar/hist-date.ts";
import type {
  Amendment,
  Article,
  EntryIntoForce,
  InstrumentKind,
  Relation,
  RelationKind,
  Term,
} from "../model/instrument.ts";
import type { ProvisionTerms } from "../model/provision.ts";
import type { Statement } from "../syntax/syntax-tree.ts";
import type { ArgCursor } from "./arg-cursor.ts";
import { describe } from "./arg-cursor.ts";
import type { AnchorContext } from "./read-anchor.ts";
import { isDateToken, readDate, readDuration } from "./read-date.ts";
import type { ResolveContext } from "./resolve-context.ts";
import { readIdList } from "./resolve-party.ts";
import { modalities, readTermField, resolveProvision, termFields } from "./resolve-provision.ts";

const instrumentKinds = new Set<string>([
  "treaty",
  "agreement",
  "protocol",
  "exchange-of-notes",
  "communique",
  "declaration",
  "peace-treaty",
  "memorandum",
]);
const relationKinds = new Set<string>(["companion-of", "implements", "supersedes", "voids"]);
const instrumentFields = [
  "kind",
  "parties",
  "in-force",
  "term",
  "renewal",
  "denunciation",
  ...relationKinds,
  "amends",
  "article",
  ...modalities,
  "note",
];

/** `instrument ID "Title" { kind … parties … article … }` */
export function resolveInstrument(ctx: ResolveContext, statement: Statement): void {
  const cursor = ctx.cursor(statement);
  const idToken = cursor.expectIdent("the instrument's id");
  const title = cursor.expectString("the instrument's title");
  cursor.expectEnd("the instrument's title");
  if (!idToken || !ctx.declare(idToken.value, "instrument", cursor.at(idToken))) return;
  const id = idToken.value;
  const sources = ctx.citations(statement);
  let instrumentKind: InstrumentKind = "treaty";
  let parties: string[] = [];
  let entryIntoForce: EntryIntoForce | undefined;
  let entryIntoForceSources: readonly string[] = [];
  let term: Duration | undefined;
  let renewal: Term["renewal"];
  let denunciation: Duration | undefined;
  let thenIndefinite = false;
  let denunciationAfterTerm = false;
  let note: string | undefined;
  const relations: Relation[] = [];
  const amendments: Amendment[] = [];
  const articles: Article[] = [];
  const provisions: string[] = [];
  for (const field of statement.block?.statements ?? []) {
    const c = ctx.cursor(field);
    const key = field.keyword.value;
    if (modalities.has(key)) {
      const provision = resolveProvision(ctx, field, id, undefined, sources);
      if (provision) provisions.push(provision);
      continue;
    }
    switch (key) {
      case "kind": {
        const value = c.expectIdent("the instrument's kind");
        if (value && instrumentKinds.has(value.value))
          instrumentKind = value.value as InstrumentKind;
        else if (value)
          c.report(
            "PCT102",
            `An instrument's kind is one of ${[...instrumentKinds].join(", ")}, not '${value.value}'`,
            c.at(value),
          );
        break;
      }
      case "parties":
        parties = readIdList(ctx, c, ["party"], `a party to ${id}`);
        break;
      case "in-force": {
        const rule = readEntryIntoForce(c);
        if (rule) entryIntoForce = rule;
        entryIntoForceSources = ctx.citations(field);
        break;
      }
      case "term": {
        const value = readDuration(c, "the term");
        if (value) term = value;
        if (c.eatWord("then")) {
          if (c.expectWord("indefinite", "after 'then', as in 'term 30 years then indefinite'"))
            thenIndefinite = true;
        }
        break;
      }
      case "renewal": {
        const duration = readDuration(c, "the renewal period");
        if (
          !duration ||
          !c.expectWord("notice", "after the renewal period, as in 'renewal 5 years notice 1 year'")
        )
          break;
        const notice = readDuration(c, "the notice period");
        if (!notice) break;
        let window: Duration | undefined;
        if (c.eatWord("window")) window = readDuration(c, "the notice window");
        renewal = window ? { duration, notice, window } : { duration, notice };
        break;
      }
      case "denunciation": {
        const value = readDuration(c, "the delay between a notice of denunciation and the end");
        if (value) denunciation = value;
        if (c.eatWord("after")) {
          if (c.expectWord("term", "after 'after', as in 'denunciation 1 year after term'"))
            denunciationAfterTerm = true;
        }
        break;
      }
      case "companion-of":
      case "implements":
      case "supersedes":
      case "voids": {
        const target = c.expectIdent(
          `the instrument this one ${key === "companion-of" ? "accompanies" : key}`,
        );
        if (target) {
          ctx.refs.add(target.value, ["instrument"], c.at(target), `the target of '${key}'`);
          relations.push({
            kind: key as RelationKind,
            target: target.value,
            sources: ctx.citations(field, sources),
            at: ctx.location(field),
          });
        }
        break;
      }
      case "amends": {
        const amendment = readAmendment(ctx, field, c, sources);
        if (amendment) amendments.push(amendment);
        continue;
      }
      case "article": {
        const article = readArticle(ctx, field, c, id, sources);
        if (article) {
          articles.push(article);
          provisions.push(...article.provisions);
        }
        continue;
      }
      case "note": {
        const value = c.expectString("a note");
        if (value) note = value.value;
        break;
      }
      default:
        ctx.unknownField(field, `instrument ${id}`, instrumentFields);
        continue;
    }
    c.expectEnd(key);
  }
  if (renewal && !term) {
    ctx.report(
      "PCT102",
      ctx.location(statement),
      `Instrument ${id} has a renewal but no term: add 'term DURATION'`,
    );
  }
  if (renewal && thenIndefinite)
    ctx.report(
      "PCT102",
      ctx.location(statement),
      `Instrument ${id} is both renewed tacitly and in force indefinitely after its term: keep 'renewal …' or 'then indefinite', not both`,
    );
  if (denunciationAfterTerm && !term)
    ctx.report(
      "PCT102",
      ctx.location(statement),
      `Instrument ${id} allows denunciation after its term but has no term: add 'term DURATION then indefinite', or remove 'after term'`,
    );
  const termValue: Term | undefined = term
    ? {
        duration: term,
        ...(renewal ? { renewal } : {}),
        ...(thenIndefinite && !renewal ? { thenIndefinite: true as const } : {}),
      }
    : undefined;
  ctx.instruments.push({
    kind: "instrument",
    id,
    title: title?.value ?? id,
    instrumentKind,
    parties,
    ...(entryIntoForce ? { entryIntoForce } : {}),
    entryIntoForceSources,
    ...(termValue ? { term: termValue } : {}),
    ...(denunciation ? { denunciation } : {}),
    ...(denunciation && denunciationAfterTerm && term
      ? { denunciationAfterTerm: true as const }
      : {}),
    relations,
    amendments,
    articles,
    provisions,
    ...(note === undefined ? {} : { note }),
    sources,
    at: ctx.location(statement),
  });
}

function readEntryIntoForce(c: ArgCursor): EntryIntoForce | undefined {
  if (c.eatWord("on")) {
    if (c.eatWord("signature")) return { kind: "on-signature" };
    if (c.eatWord("ratification")) return { kind: "on-ratification" };
    if (c.eatWord("exchange")) return { kind: "on-exchange" };
    if (isDateToken(c.peek())) {
      const date = readDate(c, "the date of entry into force");
      return date ? { kind: "on-date", date } : undefined;
    }
    return c.report(
      "PCT102",
      `Expected 'signature', 'ratification', 'exchange' or a date after 'in-force on', found ${describe(c.peek())}`,
    );
  }
  const duration = readDuration(c, "the delay of entry into force");
  if (!duration) return undefined;
  if (!c.expectWord("after", "in 'in-force DURATION after signature'")) return undefined;
  if (!c.expectWord("signature", "in 'in-force DURATION after signature'")) return undefined;
  return { kind: "after-signature", duration };
}

function readArticle(
  ctx: ResolveContext,
  statement: Statement,
  c: ArgCursor,
  instrument: string,
  inherited: readonly string[],
): Article | undefined {
  const number = c.next();
  if (
    !number ||
    !(number.kind === "number" || number.kind === "ident" || number.kind === "string")
  ) {
    return c.report("PCT102", "Expected the article's number, such as 'article 1'");
  }
  const paraphrase = c.expectString("a paraphrase of the article");
  c.expectEnd("the article's paraphrase");
  const sources = ctx.citations(statement, inherited);
  let text: string | undefined;
  const provisions: string[] = [];
  for (const field of statement.block?.statements ?? []) {
    const fc = ctx.cursor(field);
    const key = field.keyword.value;
    if (modalities.has(key)) {
      const provision = resolveProvision(ctx, field, instrument, number.value, sources);
      if (provision) provisions.push(provision);
      continue;
    }
    if (key === "text" || key === "note") {
      const value = fc.expectString(`the article's ${key}`);
      if (value && key === "text") text = value.value;
      fc.expectEnd(key);
      continue;
    }
    ctx.unknownField(field, `article ${number.value}`, ["text", "note", ...modalities]);
  }
  return {
    number: number.value,
    paraphrase: paraphrase?.value ?? "",
    ...(text === undefined ? {} : { text }),
    provisions,
    sources,
    at: ctx.location(statement),
  };
}

function readAmendment(
  ctx: ResolveContext,
  statement: Statement,
  c: ArgCursor,
  inherited: readonly string[],
): Amendment | undefined {
  const target = c.expectIdent("the amended provision, as INSTRUMENT.PROVISION");
  c.expectEnd("the amended provision");
  if (!target) return undefined;
  if (!target.value.includes(".")) {
    return c.report(
      "PCT102",
      `Name the amended provision with its instrument, as INSTRUMENT.${target.value}`,
      c.at(target),
    );
  }
  ctx.refs.add(target.value, ["provision"], c.at(target), "the amended provision");
  const anchorCtx: AnchorContext = {
    refs: ctx.refs,
    qualify: (local) => (local.includes(".") ? local : `${target.value.split(".")[0]}.${local}`),
  };
  const changes: { -readonly [K in keyof ProvisionTerms]?: ProvisionTerms[K] } = {};
  let from: HistDate | undefined;
  for (const field of statement.block?.statements ?? []) {
    const fc = ctx.cursor(field);
    const key = field.keyword.value;
    if (key === "from" && isDateToken(fc.peek())) {
      const date = readDate(fc, "the date the amendment takes effect");
      if (date) from = date;
    } else if (
      key === "from" ||
      !readTermField(ctx, anchorCtx, field, fc, changes, `the amendment of ${target.value}`)
    ) {
      ctx.unknownField(field, `the amendment of ${target.value}`, termFields);
      continue;
    }
    fc.expectEnd(key);
  }
  if (Object.keys(changes).length === 0) {
    ctx.report(
      "PCT102",
      ctx.location(statement),
      `The amendment of ${target.value} changes nothing: add the new terms in its block, such as 'due 1955-05-31'`,
    );
  }
  return {
    provision: target.value,
    ...(from ? { from } : {}),
    changes,
    sources: ctx.citations(statement, inherited),
    at: ctx.location(statement),
  };
}
