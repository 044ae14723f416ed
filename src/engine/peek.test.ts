import { it } from "vitest";
import { explain, explanationToText, replay, replayToJson } from "./index.ts";
import { buildModel, dateLimb, day, event, instrument, latest, notLaterThan, on } from "./test-model.ts";
it("peek", () => {
  const agreement = instrument("cca-1950", {
    inForce: "exchange",
    provisions: {
      "port-arthur-withdrawal": {
        holder: ["ussr"], counterparty: ["prc"],
        due: notLaterThan(on("conclude-peace by ussr with japan"), dateLimb("end of 1952")),
        fulfilledBy: "withdraw port-arthur by ussr",
      },
    },
  });
  const notes = instrument("notes-1952", { inForce: "signature", amends: [{ provision: "cca-1950.port-arthur-withdrawal", from: "1952-09-15", changes: { due: latest(on("conclude-peace by prc with japan"), on("conclude-peace by ussr with japan")) } }] });
  const communique = instrument("communique-1954", { inForce: "signature", amends: [{ provision: "cca-1950.port-arthur-withdrawal", changes: { due: dateLimb("1955-05-31") } }] });
  const m = buildModel({ instruments: [agreement, notes, communique], events: [
    event("cca-signed", "1950-02-14", "sign cca-1950 by prc, ussr"),
    event("cca-exchanged", "1950-04-11", "exchange cca-1950 by prc, ussr"),
    event("notes", "1952-09-15", "sign notes-1952"),
    event("communique-signed", "1954-10-12", "sign communique-1954 by prc, ussr"),
    event("w", "1955-05-26", "withdraw port-arthur by ussr"),
  ]});
  const r = replay(m);
  console.log(JSON.stringify(replayToJson(r), null, 1));
  console.log(explanationToText(explain(r, m, "port-arthur-withdrawal", day("1955-06-01"))!));
});
