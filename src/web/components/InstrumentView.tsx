// One instrument: what it is, its own states, and its articles beside their formal provisions,
// each with its state bands; a band opens the explanation of that state and its sources.
import { useMemo } from "preact/hooks";
import type { Instrument, Model } from "../../language/index.ts";
import { extentOf } from "../lib/bands.ts";
import { formatRoute } from "../lib/route.ts";
import { eventsByInstrument, toRowIntervals } from "../lib/rows.ts";
import { fitView } from "../lib/scale.ts";
import { useApp } from "../state/context.ts";
import { ArticleBlock } from "./ArticleBlock.tsx";
import { ExplanationPanel } from "./ExplanationPanel.tsx";
import { InstrumentFacts } from "./InstrumentFacts.tsx";
import { Legend } from "./Legend.tsx";
import { ProvisionCard } from "./ProvisionCard.tsx";
import { StaleNotice } from "./StaleNotice.tsx";
import { Timeline } from "./Timeline.tsx";

function looseProvisions(model: Model, instrument: Instrument): string[] {
  const inArticles = new Set(instrument.articles.flatMap((a) => a.provisions));
  return instrument.provisions.filter((p) => !inArticles.has(p) && model.provisions.has(p));
}

export function InstrumentView(props: { readonly id: string }) {
  const { state, dispatch, derived } = useApp();
  const { model, replay, events } = derived;
  const instrument = model?.instruments.get(props.id);
  const rows = useMemo(() => {
    if (model === null || replay === null || instrument === undefined) return [];
    const ticks = eventsByInstrument(model, events).get(instrument.id) ?? [];
    return [
      {
        id: instrument.id,
        label: "the instrument",
        title: instrument.title,
        intervals: toRowIntervals(replay.instruments.get(instrument.id)),
        ticks,
      },
    ];
  }, [model, replay, events, instrument]);
  if (model === null || replay === null) return null;
  if (instrument === undefined)
    return (
      <div class="status error">
        <h1 tabIndex={-1}>No instrument “{props.id}”</h1>
        <p>
          <a href={formatRoute({ view: "corpus" })}>Back to the corpus</a>
        </p>
      </div>
    );
  const view =
    state.view ?? (derived.extent ? fitView(derived.extent.first, derived.extent.last) : null);
  const loose = looseProvisions(model, instrument);
  const own = extentOf([
    replay.instruments.get(instrument.id)?.intervals ?? [],
    ...instrument.provisions.map((p) => replay.provisions.get(p)?.intervals ?? []),
  ]);
  return (
    <div class="instrument-view">
      <div class="view-main">
        <nav class="breadcrumb" aria-label="Breadcrumb">
          <a href={formatRoute({ view: "corpus" })}>Corpus</a> / <span>{instrument.id}</span>
        </nav>
        <h1 tabIndex={-1}>{instrument.title}</h1>
        <StaleNotice />
        <InstrumentFacts instrument={instrument} />
        {own !== undefined ? (
          <button
            type="button"
            onClick={() => dispatch({ type: "view", view: fitView(own.first, own.last, 0.1) })}
          >
            Zoom to this instrument
          </button>
        ) : null}
        <Timeline rows={rows} label={`States of ${instrument.id}`} />
        <h2>Articles and provisions</h2>
        <p class="muted small">
          Select a band (click, or Tab to it and press Enter) to see why the provision stood so, and
          the sources.
        </p>
        <Legend kind="provision" />
        {view === null
          ? null
          : instrument.articles.map((article) => (
              <ArticleBlock key={article.number} article={article} view={view} />
            ))}
        {view !== null && loose.length > 0 ? (
          <section class="article" aria-label="Provisions outside articles">
            <div class="article-text">
              <h3>Other provisions</h3>
            </div>
            <div class="article-provisions">
              {loose.map((id) => (
                <ProvisionCard key={id} id={id} view={view} />
              ))}
            </div>
          </section>
        ) : null}
      </div>
      <ExplanationPanel instrument={instrument.id} />
    </div>
  );
}
