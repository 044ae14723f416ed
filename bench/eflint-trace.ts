/**
 * Reads an eFLINT scenario of the loan-repayment pattern (peers/eflint-loan/*.eflint) far enough
 * to derive what eFLINT concludes: which `repay` duties were created, which were terminated by a
 * `pay` act while they held, and which are violated at the end (`now > deadline` while the duty
 * still holds). Only the statements that scenario uses are understood: `+now(N).`, `-now(N).`,
 * `+repay(debtor("A"), creditor("B"), deadline(D)).`, `pay(debtor("A"), creditor("B"),
 * deadline(D)).` and the queries `?repay(…).` / `?!repay(…).`; the type declarations are skipped.
 */
import type { LoanDuty, LoanOutcome } from "./eflint-loan-document.ts";

export interface EflintTrace {
  /** The value of `now` at the end. */
  readonly finalNow: number;
  readonly duties: readonly LoanDuty[];
  /** The queries at the end and whether eFLINT's answer follows from the derived state. */
  readonly queries: readonly {
    readonly text: string;
    readonly holds: boolean;
    readonly expected: boolean;
  }[];
}

const TERM =
  /(\+|-|\?!|\?)?(repay|pay)\(debtor\("([^"]*)"\), creditor\("([^"]*)"\), deadline\((\d+)\)\)\./g;
const NOW = /([+-])now\((\d+)\)\./g;

interface DutyState {
  readonly debtor: string;
  readonly creditor: string;
  readonly deadline: number;
  holds: boolean;
  paid: boolean;
}

/** Derives the outcome of every duty of an eFLINT loan scenario. */
export function readEflintTrace(text: string): EflintTrace {
  const duties = new Map<string, DutyState>();
  const queries: { text: string; holds: boolean; expected: boolean }[] = [];
  let now = 0;
  // Statements end with '.', several may share a line: scan every statement in order.
  const body = text.slice(text.indexOf("\n.\n") + 3);
  const statements = body.match(/[^.]*\)\./g) ?? [];
  for (const raw of statements) {
    const statement = raw.trim();
    NOW.lastIndex = 0;
    const nowMatch = NOW.exec(statement);
    if (nowMatch !== null && statement.startsWith(`${nowMatch[1]}now`)) {
      if (nowMatch[1] === "+") now = Number(nowMatch[2]);
      continue;
    }
    TERM.lastIndex = 0;
    const m = TERM.exec(statement);
    if (m === null) continue;
    const [, op = "", kind, debtor = "", creditor = "", deadlineText = ""] = m;
    const deadline = Number(deadlineText);
    const key = `${debtor}|${creditor}|${deadline}`;
    const duty = duties.get(key);
    if (kind === "repay" && op === "+") {
      if (duty === undefined)
        duties.set(key, { debtor, creditor, deadline, holds: true, paid: false });
      else duty.holds = true;
    } else if (kind === "repay" && op === "-") {
      if (duty !== undefined) duty.holds = false;
    } else if (kind === "repay" && (op === "?" || op === "?!")) {
      const holds = duty?.holds === true;
      queries.push({ text: statement, holds, expected: op === "?" });
    } else if (kind === "pay" && op === "") {
      // `pay` holds when the duty holds, and terminates it.
      if (duty?.holds === true) {
        duty.holds = false;
        duty.paid = true;
      }
    }
  }
  const out: LoanDuty[] = [...duties.values()].map((d) => {
    const outcome: LoanOutcome = d.paid
      ? "fulfilled"
      : d.holds && now > d.deadline
        ? "violated"
        : "open";
    return { debtor: d.debtor, creditor: d.creditor, deadline: d.deadline, outcome };
  });
  out.sort(
    (a, b) => a.deadline - b.deadline || (a.debtor < b.debtor ? -1 : a.debtor > b.debtor ? 1 : 0),
  );
  return { finalNow: now, duties: out, queries };
}
