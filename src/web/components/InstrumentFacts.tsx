// What an instrument is: its kind, parties, rule of entry into force, term and relations.
import { formatDuration, type Instrument } from "../../language/index.ts";
import { formatRoute } from "../lib/route.ts";
import { useApp } from "../state/context.ts";
import { SourceList } from "./SourceList.tsx";

function entryRule(instrument: Instrument): string {
  const rule = instrument.entryIntoForce;
  if (rule === undefined) return "not stated";
  switch (rule.kind) {
    case "on-signature":
      return "on signature";
    case "on-ratification":
      return "on ratification by every party";
    case "on-exchange":
      return "on the exchange of instruments of ratification";
    case "on-date":
      return `on ${rule.date.text}`;
    case "after-signature":
      return `${formatDuration(rule.duration)} after signature`;
  }
}

export function InstrumentFacts(props: { readonly instrument: Instrument }) {
  const { derived } = useApp();
  const { instrument } = props;
  const model = derived.model;
  const partyName = (id: string) => model?.parties.get(id)?.name ?? id;
  const term = instrument.term;
  return (
    <div class="instrument-facts">
      <dl>
        <dt>Id</dt>
        <dd>
          <code>{instrument.id}</code>
        </dd>
        <dt>Kind</dt>
        <dd>{instrument.instrumentKind}</dd>
        <dt>Parties</dt>
        <dd>{instrument.parties.map(partyName).join("; ") || "none"}</dd>
        <dt>In force</dt>
        <dd>{entryRule(instrument)}</dd>
        {term ? (
          <>
            <dt>Term</dt>
            <dd>
              {formatDuration(term.duration)}
              {term.renewal
                ? `, renewed for ${formatDuration(term.renewal.duration)} unless notice ${formatDuration(term.renewal.notice)} before`
                : ""}
            </dd>
          </>
        ) : null}
        {instrument.denunciation ? (
          <>
            <dt>Denunciation</dt>
            <dd>ends {formatDuration(instrument.denunciation)} after notice</dd>
          </>
        ) : null}
        {instrument.relations.length > 0 ? (
          <>
            <dt>Relations</dt>
            <dd>
              <ul class="inline-list">
                {instrument.relations.map((r) => (
                  <li key={`${r.kind}-${r.target}`}>
                    {r.kind}{" "}
                    <a href={formatRoute({ view: "instrument", id: r.target })}>{r.target}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {instrument.amendments.length > 0 ? (
          <>
            <dt>Amends</dt>
            <dd>
              <ul class="inline-list">
                {instrument.amendments.map((a) => {
                  const target = model?.provisions.get(a.provision)?.instrument;
                  return (
                    <li key={a.provision}>
                      {target ? (
                        <a href={formatRoute({ view: "instrument", id: target })}>{a.provision}</a>
                      ) : (
                        a.provision
                      )}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        ) : null}
        {instrument.note ? (
          <>
            <dt>Note</dt>
            <dd>{instrument.note}</dd>
          </>
        ) : null}
      </dl>
      {instrument.sources.length > 0 ? (
        <details>
          <summary>Sources of the instrument ({instrument.sources.length})</summary>
          <SourceList ids={instrument.sources} />
        </details>
      ) : null}
    </div>
  );
}
