// A provision: its modality, who holds it towards whom, its deadline, and its state bands.
import type { Model } from "../../language/index.ts";
import { formatRoute } from "../lib/route.ts";
import type { View } from "../lib/scale.ts";
import { useApp } from "../state/context.ts";
import { ProvisionStrip } from "./ProvisionStrip.tsx";

function amendedBy(model: Model, provision: string): string[] {
  const out: string[] = [];
  for (const instrument of model.instruments.values())
    if (instrument.amendments.some((a) => a.provision === provision)) out.push(instrument.id);
  return out;
}

export function ProvisionCard(props: { readonly id: string; readonly view: View }) {
  const { derived } = useApp();
  const model = derived.model;
  const provision = model?.provisions.get(props.id);
  if (model === null || provision === undefined) return null;
  const amenders = amendedBy(model, provision.id);
  return (
    <article class="provision" aria-label={`${provision.modality} ${provision.localId}`}>
      <header>
        <span class={`modality modality-${provision.modality}`}>{provision.modality}</span>{" "}
        <code class="provision-id">{provision.localId}</code>
      </header>
      <p class="provision-title">{provision.title}</p>
      <p class="provision-terms small">
        {provision.holders.length > 0 ? <span>{provision.holders.join(", ")}</span> : null}
        {provision.counterparties.length > 0 ? (
          <span> → {provision.counterparties.join(", ")}</span>
        ) : null}
        {provision.due ? <span class="due"> · due {provision.due.text}</span> : null}
        {provision.until ? <span> · until {provision.until.text}</span> : null}
        {amenders.length > 0 ? (
          <span>
            {" "}
            · amended by{" "}
            {amenders.map((id, i) => (
              <span key={id}>
                {i > 0 ? ", " : ""}
                <a href={formatRoute({ view: "instrument", id })}>{id}</a>
              </span>
            ))}
          </span>
        ) : null}
      </p>
      <ProvisionStrip id={provision.id} label={provision.localId} view={props.view} />
    </article>
  );
}
