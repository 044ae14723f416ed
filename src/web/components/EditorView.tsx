// The editor: a document's source with highlighting and inline diagnostics, the corpus replayed
// again as you type (in the page), and Save, which writes a new version through the API.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { saveDocument } from "../lib/api.ts";
import { mark } from "../lib/perf.ts";
import { diagnosticsOf } from "../lib/pipeline.ts";
import { formatRoute } from "../lib/route.ts";
import { instrumentRows } from "../lib/rows.ts";
import { coalesce } from "../lib/schedule.ts";
import { keepToken, readToken } from "../lib/write-token.ts";
import { useApp } from "../state/context.ts";
import { workingDocuments } from "../state/store.ts";
import type { CodeEditor as CodeEditorType, EditorApi } from "./CodeEditor.tsx";
import { DiagnosticList } from "./DiagnosticList.tsx";
import { StaleNotice } from "./StaleNotice.tsx";
import { Timeline } from "./Timeline.tsx";

/** While typing, the corpus is compiled and replayed again at most once per this many ms. */
export const editDelay = 40;

export function EditorView() {
  const { state, dispatch, derived } = useApp();
  const route = state.route;
  const files = state.documents.map((d) => d.file);
  const requested = route.view === "edit" ? route.file : undefined;
  const file = requested !== undefined && files.includes(requested) ? requested : files[0];
  const saved = state.documents.find((d) => d.file === file);
  const draft = file === undefined ? undefined : state.drafts[file];
  const [revision, setRevision] = useState(0);
  // The server's write token, asked for once a save is refused for want of it (HTTP 401).
  const [token, setToken] = useState(readToken);
  const [askToken, setAskToken] = useState(() => readToken() !== "");
  const editor = useRef<EditorApi | null>(null);
  // CodeMirror is loaded with the editor, not with the first page.
  const [CodeEditor, setCodeEditor] = useState<typeof CodeEditorType | null>(null);
  useEffect(() => {
    let live = true;
    import("./CodeEditor.tsx").then((m) => {
      if (live) setCodeEditor(() => m.CodeEditor);
    });
    return () => {
      live = false;
    };
  }, []);

  // The editor's text goes to the store at once, then at most every `editDelay` ms while typing.
  const scheduled = useMemo(
    () =>
      coalesce((value: { file: string; text: string }) => {
        dispatch({ type: "draft", file: value.file, text: value.text });
      }, editDelay),
    [dispatch],
  );
  useEffect(() => () => scheduled.flush(), [scheduled]);
  useEffect(() => () => scheduled.flush(), [file, scheduled]);

  // Every time the replay shown was redrawn after an edit: the benchmark's end mark.
  useLayoutEffect(() => {
    requestAnimationFrame(() => mark("redraw"));
  }, [derived.current]);

  const rows = useMemo(
    () =>
      derived.model === null || derived.replay === null
        ? []
        : instrumentRows(derived.model, derived.replay, derived.events),
    [derived.model, derived.replay, derived.events],
  );

  if (file === undefined || saved === undefined)
    return (
      <div class="status">
        <h1 tabIndex={-1}>Editor</h1>
        <p>The corpus has no documents.</p>
      </div>
    );

  const compiledText = workingDocuments(state).find((d) => d.file === file)?.text;
  const diagnostics = diagnosticsOf(derived.diagnostics, file);
  const otherErrors = derived.diagnostics.filter(
    (d) => d.at.file !== file && d.severity === "error",
  );
  const refused = state.save.status === "refused" && state.save.file === file ? state.save : null;
  const shownDiagnostics =
    refused !== null && draft === undefined ? refused.diagnostics : diagnostics;

  const save = async () => {
    scheduled.flush();
    const text = editor.current?.text() ?? draft ?? saved.text;
    dispatch({ type: "saving", file });
    const result = await saveDocument(file, text, { token });
    if (result.ok) dispatch({ type: "saved", file, version: result.version, text });
    else {
      if (result.status === 401) setAskToken(true);
      dispatch({
        type: "save-refused",
        file,
        httpStatus: result.status,
        message: result.message,
        diagnostics: result.diagnostics,
      });
    }
  };

  const status = (() => {
    const s = state.save;
    if (s.status === "saving" && s.file === file) return "Saving…";
    if (s.status === "saved" && s.file === file) return `Saved as version ${s.version}.`;
    if (refused !== null) return "Not saved: the server refused it (see below).";
    return draft === undefined ? `Version ${saved.version}, unchanged.` : "Unsaved changes.";
  })();

  return (
    <div class="editor-view">
      <div class="editor-pane">
        <h1 tabIndex={-1}>Editor</h1>
        <div class="editor-toolbar">
          <label class="field">
            <span>Document</span>
            <select
              value={file}
              onChange={(e) => {
                scheduled.flush();
                location.hash = formatRoute({ view: "edit", file: e.currentTarget.value });
              }}
            >
              {files.map((f) => (
                <option key={f} value={f}>
                  {f}
                  {state.drafts[f] !== undefined ? " (edited)" : ""}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="primary"
            onClick={save}
            disabled={state.save.status === "saving"}
            aria-keyshortcuts="Control+S"
          >
            Save
          </button>
          <button
            type="button"
            onClick={() => {
              scheduled.cancel();
              dispatch({ type: "revert", file });
              setRevision((r) => r + 1);
            }}
            disabled={draft === undefined}
          >
            Revert
          </button>
          <span class="save-status" role="status">
            {status}
          </span>
        </div>
        {askToken ? (
          <div class="editor-token">
            <label class="field">
              <span>Write token</span>
              <input
                type="password"
                value={token}
                autocomplete="off"
                spellcheck={false}
                aria-describedby="token-help"
                onInput={(e) => {
                  setToken(e.currentTarget.value);
                  keepToken(e.currentTarget.value);
                }}
              />
            </label>
            <p id="token-help" class="muted">
              This server needs a token to save. <code>pacta serve</code> prints it when it starts
              (or it is the server's <code>PACTA_TOKEN</code>). It is kept for this tab only.
            </p>
          </div>
        ) : null}
        <p id="editor-help" class="sr-only">
          Pacta source. Ctrl+S saves. Tab leaves the editor. Diagnostics are listed after it.
        </p>
        {CodeEditor === null ? (
          <p class="muted">Loading the editor…</p>
        ) : (
          <CodeEditor
            file={file}
            text={draft ?? saved.text}
            revision={revision}
            diagnostics={shownDiagnostics}
            diagnosticsFor={refused !== null && draft === undefined ? saved.text : compiledText}
            onChange={(text) => scheduled({ file, text })}
            onSave={save}
            onReady={(api) => {
              editor.current = api;
            }}
          />
        )}
        {refused !== null ? (
          <div class="notice error" role="alert">
            <p>
              <strong>The server refused the save:</strong> {refused.message}
            </p>
            {refused.diagnostics.length > 0 ? (
              <DiagnosticList
                diagnostics={refused.diagnostics}
                onGo={(d) => editor.current?.goTo(d.at.line, d.at.column)}
              />
            ) : null}
          </div>
        ) : null}
        <h2>Problems in this document</h2>
        <DiagnosticList
          diagnostics={diagnostics}
          onGo={(d) => editor.current?.goTo(d.at.line, d.at.column)}
        />
        {otherErrors.length > 0 ? (
          <p class="notice warn">
            Other documents have {otherErrors.length} error{otherErrors.length === 1 ? "" : "s"}:{" "}
            {[...new Set(otherErrors.map((d) => d.at.file))].map((f, i) => (
              <span key={f}>
                {i > 0 ? ", " : ""}
                <a href={formatRoute({ view: "edit", file: f })}>{f}</a>
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <div class="editor-replay">
        <h2>Replay</h2>
        <p class="muted small">
          {derived.stale
            ? `Compiled in ${derived.timing.compile.toFixed(1)} ms; not replayed while there are errors.`
            : `Compiled in ${derived.timing.compile.toFixed(1)} ms and replayed in ${derived.timing.replay.toFixed(1)} ms, in this page.`}
        </p>
        <StaleNotice />
        <Timeline
          rows={rows}
          label="Instruments as edited"
          linkFor={(id) => formatRoute({ view: "instrument", id })}
        />
      </div>
    </div>
  );
}
