// A source's URL as a real link when it is a web address, otherwise as plain text.
import { safeHttpUrl } from "../lib/safe-url.ts";

export function SourceLink(props: { readonly url: string }) {
  const href = safeHttpUrl(props.url);
  if (href === undefined) return <span class="url-text">{props.url}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {props.url}
    </a>
  );
}
