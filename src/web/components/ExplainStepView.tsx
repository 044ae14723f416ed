// One link of an explanation chain: the state, its reason, its sources, and what it rested on.
import type { ExplainStep } from "../../engine/index.ts";
import { formatRoute } from "../lib/route.ts";
import { useApp } from "../state/context.ts";
import { EventDetails } from "./EventDetails.tsx";
import { SourceList } from "./SourceList.tsx";
import { StateChip } from "./StateChip.tsx";

export function ExplainStepView(props: { readonly step: ExplainStep; readonly depth: number }) {
  const { derived } = useApp();
  const { step } = props;
  const reason = step.reason;
  const instrumentOf = (id: string) =>
    derived.model?.instruments.has(id) ? id : derived.model?.provisions.get(id)?.instrument;
  const home = step.kind === "fact" ? undefined : instrumentOf(step.id);
  return (
    <li class="step">
      <p class="step-head">
        <StateChip state={step.state} /> <span class="step-kind">{step.kind}</span>{" "}
        {home !== undefined ? (
          <a href={formatRoute({ view: "instrument", id: home })}>
            <code>{step.id}</code>
          </a>
        ) : (
          <code>{step.id}</code>
        )}
      </p>
      <p class="step-text">{step.text}</p>
      {reason ? (
        <dl class="reason">
          <dt>Decided by</dt>
          <dd>{reason.kind}</dd>
          {reason.rule ? (
            <>
              <dt>Rule</dt>
              <dd>
                <code>{reason.rule}</code>
              </dd>
            </>
          ) : null}
          {reason.limb ? (
            <>
              <dt>Limb</dt>
              <dd>
                <code>{reason.limb}</code>
              </dd>
            </>
          ) : null}
          {reason.event ? (
            <>
              <dt>Event</dt>
              <dd>
                <EventDetails id={reason.event} />
              </dd>
            </>
          ) : null}
          {reason.instrument && reason.instrument !== home ? (
            <>
              <dt>Instrument</dt>
              <dd>
                <a href={formatRoute({ view: "instrument", id: reason.instrument })}>
                  {reason.instrument}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {step.sources.length > 0 ? (
        <div class="step-sources">
          <h4>Sources</h4>
          <SourceList ids={step.sources} />
        </div>
      ) : null}
      {step.because.length > 0 ? (
        <ol class="steps nested" aria-label={`What ${step.id} rested on`}>
          {step.because.map((s, i) => (
            <ExplainStepView key={`${s.id}-${i}`} step={s} depth={props.depth + 1} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
