// An article: its number, paraphrase and words on one side, its formal provisions on the other.
import type { Article } from "../../language/index.ts";
import type { View } from "../lib/scale.ts";
import { ProvisionCard } from "./ProvisionCard.tsx";

export function ArticleBlock(props: { readonly article: Article; readonly view: View }) {
  const { article, view } = props;
  const headingId = `article-${article.number.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return (
    <section class="article" aria-labelledby={headingId}>
      <div class="article-text">
        <h3 id={headingId}>Article {article.number}</h3>
        <p>{article.paraphrase}</p>
        {article.text ? <blockquote>{article.text}</blockquote> : null}
      </div>
      <div class="article-provisions">
        {article.provisions.length === 0 ? (
          <p class="muted small">No formal provision.</p>
        ) : (
          article.provisions.map((id) => <ProvisionCard key={id} id={id} view={view} />)
        )}
      </div>
    </section>
  );
}
