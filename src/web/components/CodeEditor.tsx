// A CodeMirror editor for one document, with Pacta highlighting and the diagnostics the page's
// compiler found, placed at their line and column.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching } from "@codemirror/language";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { useEffect, useRef } from "preact/hooks";
import type { Diagnostic } from "../../language/index.ts";
import { toCmDiagnostics } from "../editor/lint.ts";
import { pactaHighlight } from "../editor/pacta-highlight.ts";
import { mark } from "../lib/perf.ts";

export interface CodeEditorProps {
  readonly file: string;
  /** The text to show when the file is opened (or replaced from outside, as on revert). */
  readonly text: string;
  /** Changed by the parent to load `text` again into the same file (as on revert). */
  readonly revision: number;
  /** Diagnostics for the text `diagnosticsFor`; shown only while the editor holds that text. */
  readonly diagnostics: readonly Diagnostic[];
  readonly diagnosticsFor: string | undefined;
  readonly onChange: (text: string) => void;
  readonly onSave: () => void;
  /** Called with a function that moves the selection to a line and column. */
  readonly onReady?: (api: EditorApi) => void;
}

export interface EditorApi {
  readonly text: () => string;
  readonly goTo: (line: number, column: number) => void;
}

const theme = EditorView.theme({
  "&": { fontSize: "14px", border: "1px solid var(--border)", borderRadius: "4px" },
  ".cm-content": { fontFamily: "var(--mono)", caretColor: "var(--ink)" },
  ".cm-gutters": { backgroundColor: "var(--panel)", borderRight: "1px solid var(--border)" },
  "&.cm-focused": { outline: "3px solid var(--focus)", outlineOffset: "1px" },
  ".cm-scroller": { overflow: "auto", maxHeight: "70vh", minHeight: "16rem" },
});

export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  const makeState = (text: string, file: string) =>
    EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        bracketMatching(),
        lintGutter(),
        pactaHighlight(),
        keymap.of([
          {
            key: "Mod-s",
            preventDefault: true,
            run: () => {
              callbacks.current.onSave();
              return true;
            },
          },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-label": `Source of ${file}`,
          "aria-describedby": "editor-help",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            mark("edit");
            callbacks.current.onChange(update.state.doc.toString());
          }
        }),
        theme,
      ],
    });

  useEffect(() => {
    if (host.current === null) return;
    const editor = new EditorView({
      state: makeState(props.text, props.file),
      parent: host.current,
    });
    view.current = editor;
    props.onReady?.({
      text: () => editor.state.doc.toString(),
      goTo: (line, column) => {
        const doc = editor.state.doc;
        const l = doc.line(Math.min(Math.max(1, line), doc.lines));
        const pos = l.from + Math.min(Math.max(0, column - 1), l.length);
        editor.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
        editor.focus();
      },
    });
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; file and text changes are handled below.
  }, []);

  // Another file, or a text replaced from outside (revert): a new state.
  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    if (editor.state.doc.toString() !== props.text)
      editor.setState(makeState(props.text, props.file));
  }, [props.file, props.revision]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    const current = editor.state.doc.toString();
    if (props.diagnosticsFor !== undefined && props.diagnosticsFor !== current) return;
    editor.dispatch(
      setDiagnostics(editor.state, toCmDiagnostics(editor.state.doc, props.diagnostics)),
    );
  }, [props.diagnostics, props.diagnosticsFor]);

  return <div class="code-editor" ref={host} />;
}
