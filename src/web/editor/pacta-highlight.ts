// Syntax highlighting for CodeMirror from Pacta's own lexer: the whole document is lexed on
// every change (fast: the lexer is a single pass) and its tokens become mark decorations.
import type { Extension, Text } from "@codemirror/state";
import { RangeSetBuilder } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
} from "@codemirror/view";
import { lex } from "../../language/index.ts";
import { classifyTokens, type HighlightClass } from "../lib/highlight.ts";

const marks = new Map<HighlightClass, Decoration>();
function markFor(cls: HighlightClass): Decoration {
  let mark = marks.get(cls);
  if (mark === undefined) {
    mark = Decoration.mark({ class: `tok-${cls}` });
    marks.set(cls, mark);
  }
  return mark;
}

function build(doc: Text): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { tokens } = lex(doc.toString(), "");
  for (const span of classifyTokens(tokens))
    if (span.to > span.from && span.to <= doc.length)
      builder.add(span.from, span.to, markFor(span.cls));
  return builder.finish();
}

export function pactaHighlight(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view.state.doc);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = build(update.state.doc);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
