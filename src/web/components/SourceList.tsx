// Sources by id: title, author, where to find them (a link for a URL, plain text for an archive
// reference) and what they say. All of it is rendered as text.
import { useApp } from "../state/context.ts";
import { SourceLink } from "./SourceLink.tsx";

export function SourceList(props: { readonly ids: readonly string[] }) {
  const { derived } = useApp();
  const sources = derived.model?.sources;
  return (
    <ul class="sources">
      {props.ids.map((id) => {
        const source = sources?.get(id);
        if (source === undefined)
          return (
            <li key={id}>
              <code>{id}</code> <span class="muted">(unknown source)</span>
            </li>
          );
        return (
          <li key={id} class={`source reliability-${source.reliability}`}>
            <p>
              <cite>{source.title}</cite>{" "}
              <span class="muted small">
                [{source.id}]{source.author ? ` · ${source.author}` : ""}
                {source.published ? ` · ${source.published.text}` : ""}
                {source.reliability !== "normal" ? ` · ${source.reliability}` : ""}
              </span>
            </p>
            {source.url ? (
              <p class="small">
                <SourceLink url={source.url} />
              </p>
            ) : null}
            {source.archive ? <p class="small">Archive: {source.archive}</p> : null}
            {source.says ? <blockquote class="small">{source.says}</blockquote> : null}
            {source.note ? <p class="small muted">{source.note}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
