import { formatDay } from "./calendar/day.ts";
import type { Model } from "./model/model.ts";

/** JSON value types, for the model's plain form. */
export type Json =
  | null
  | boolean
  | number
  | string
  | readonly Json[]
  | { readonly [key: string]: Json };

function isHistDate(
  value: object,
): value is { first: number; last: number; precision: string; text: string } {
  const v = value as Record<string, unknown>;
  return (
    typeof v["first"] === "number" &&
    typeof v["last"] === "number" &&
    typeof v["precision"] === "string" &&
    typeof v["text"] === "string"
  );
}

/**
 * Any part of a resolved model (an instrument, an event, a list of them) as plain JSON: maps
 * become arrays, dates become `{ text, precision, first, last }` with ISO days.
 */
export function plainJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (Array.isArray(value)) return value.map(plainJson);
  if (value instanceof Map) return [...value.values()].map(plainJson);
  if (typeof value === "object") {
    if (isHistDate(value)) {
      return {
        text: value.text,
        precision: value.precision,
        first: formatDay(value.first),
        last: formatDay(value.last),
      };
    }
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = plainJson(v);
    return out;
  }
  return null;
}

/**
 * The resolved model as plain JSON for other tools: maps become arrays sorted by id, dates become
 * `{ text, precision, first, last }` with ISO days, and every object keeps its `at` location.
 *
 * @example
 * JSON.stringify(modelToJson(compile(documents).model), null, 2)
 */
export function modelToJson(model: Model): Json {
  return plainJson(model);
}
