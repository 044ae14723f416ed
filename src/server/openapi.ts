// The OpenAPI 3.1 description of the API, served at GET /api/openapi.json. Written by hand; a
// test checks that every route of the app is described here and nothing else.

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: Schema): Schema => ({ type: "array", items });
const str = (description?: string): Schema =>
  description === undefined ? { type: "string" } : { type: "string", description };
const day: Schema = { type: "string", format: "date", description: "An ISO day, YYYY-MM-DD" };
const nullableDay: Schema = { type: ["string", "null"], format: "date" };
const int: Schema = { type: "integer", minimum: 0 };
const object = (properties: Record<string, Schema>, required: readonly string[]): Schema => ({
  type: "object",
  properties,
  required: [...required],
});
/** A model object as the language resolved it: its main fields, others allowed. */
const modelObject = (
  description: string,
  properties: Record<string, Schema>,
  required: readonly string[],
): Schema => ({
  ...object({ ...properties, at: ref("Location") }, [...required, "at"]),
  description,
  additionalProperties: true,
});

const schemas: Record<string, Schema> = {
  Error: object(
    {
      error: object(
        {
          code: {
            type: "string",
            enum: [
              "bad-request",
              "bad-json",
              "bad-date",
              "bad-file-name",
              "unknown-reading",
              "unauthorized",
              "forbidden",
              "not-found",
              "method-not-allowed",
              "conflict",
              "too-large",
              "unsupported-media-type",
              "invalid-document",
              "invalid-what-if",
              "internal",
            ],
          },
          message: str("A sentence for people"),
        },
        ["code", "message"],
      ),
      readings: { ...arrayOf(str()), description: "With unknown-reading: the readings there are" },
      latestVersion: { ...int, description: "With conflict: the document's latest version" },
    },
    ["error"],
  ),
  Refusal: {
    description: "A document or what-if with errors: nothing was stored",
    allOf: [
      ref("Error"),
      object(
        {
          diagnostics: { ...arrayOf(ref("Diagnostic")), description: "In the document itself" },
          otherDiagnostics: {
            ...arrayOf(ref("Diagnostic")),
            description: "Errors in other documents that depend on it (saves only)",
          },
        },
        ["diagnostics"],
      ),
    ],
  },
  Location: object(
    {
      file: str(),
      from: { ...int, description: "Offset of the first character (UTF-16 code units)" },
      to: { ...int, description: "Offset just past the last character" },
      line: { type: "integer", minimum: 1 },
      column: { type: "integer", minimum: 1 },
    },
    ["file", "from", "to", "line", "column"],
  ),
  Diagnostic: object(
    {
      code: str("A stable code, e.g. unknown-reference"),
      severity: { type: "string", enum: ["error", "warning"] },
      message: str(),
      at: ref("Location"),
    },
    ["code", "severity", "message", "at"],
  ),
  HistDate: object(
    {
      first: day,
      last: day,
      precision: { type: "string", enum: ["day", "month", "year", "range"] },
      text: str("As written, e.g. 1952-09"),
    },
    ["first", "last", "precision", "text"],
  ),
  CorpusDocument: object(
    { file: str(), version: { type: "integer", minimum: 1 }, text: str(), savedAt: str() },
    ["file", "version", "text"],
  ),
  Corpus: object({ revision: int, documents: arrayOf(ref("CorpusDocument")) }, [
    "revision",
    "documents",
  ]),
  Status: object(
    {
      store: { type: "string", enum: ["sqlite", "postgres"] },
      revision: int,
      documents: int,
      instruments: int,
      provisions: int,
      events: int,
      readings: arrayOf(str()),
      writesNeedToken: { type: "boolean" },
    },
    ["store", "revision", "documents", "readings", "writesNeedToken"],
  ),
  DocumentSummary: object(
    {
      file: str(),
      version: { type: "integer", minimum: 1 },
      sha256: str(),
      size: int,
      savedAt: str("ISO timestamp"),
      revision: int,
    },
    ["file", "version", "sha256", "size", "savedAt", "revision"],
  ),
  StoredDocument: {
    allOf: [
      ref("DocumentSummary"),
      object({ text: str(), latestVersion: { type: "integer", minimum: 1 } }, [
        "text",
        "latestVersion",
      ]),
    ],
  },
  DocumentVersion: object(
    {
      version: { type: "integer", minimum: 1 },
      savedAt: str(),
      sha256: str(),
      size: int,
      revision: int,
      deleted: { const: true, description: "This version deleted the document (no text)" },
    },
    ["version", "savedAt"],
  ),
  Deleted: object(
    {
      file: str(),
      deleted: { const: true },
      version: { type: "integer", minimum: 1, description: "The version that deleted it" },
      revision: int,
    },
    ["file", "deleted", "version", "revision"],
  ),
  SaveRequest: object(
    {
      text: str("The document's whole text"),
      ifVersion: {
        ...int,
        description: "Save only if the latest version is this one (0: only if it does not exist)",
      },
    },
    ["text"],
  ),
  CreateRequest: object({ file: str("Ends in .pacta"), text: str() }, ["file", "text"]),
  Saved: object(
    {
      file: str(),
      version: { type: "integer", minimum: 1 },
      revision: int,
      created: { type: "boolean" },
      changed: { type: "boolean", description: "False when the text was the latest already" },
      diagnostics: { ...arrayOf(ref("Diagnostic")), description: "Warnings in this document" },
    },
    ["file", "version", "revision", "created", "changed", "diagnostics"],
  ),
  Instrument: modelObject(
    "An instrument (treaty, agreement, …) as resolved",
    {
      kind: { const: "instrument" },
      id: str(),
      title: str(),
      instrumentKind: str(),
      parties: arrayOf(str()),
      articles: arrayOf({ type: "object" }),
      provisions: arrayOf(str("Qualified provision id")),
      relations: arrayOf({ type: "object" }),
      amendments: arrayOf({ type: "object" }),
      sources: arrayOf(str()),
    },
    ["kind", "id", "title", "instrumentKind", "parties", "provisions", "sources"],
  ),
  Provision: modelObject(
    "A duty, prohibition, permission or power",
    {
      kind: { const: "provision" },
      id: str("Qualified: INSTRUMENT.PROVISION"),
      localId: str(),
      instrument: str(),
      article: str(),
      modality: { type: "string", enum: ["duty", "prohibition", "permission", "power"] },
      title: str(),
      holders: arrayOf(str()),
      counterparties: arrayOf(str()),
      sources: arrayOf(str()),
    },
    ["kind", "id", "localId", "instrument", "modality", "title", "sources"],
  ),
  Event: modelObject(
    "Something that happened, dated and sourced",
    {
      kind: { const: "event" },
      id: str(),
      date: ref("HistDate"),
      type: str(),
      objects: arrayOf({ type: "object" }),
      actors: arrayOf(str()),
      targets: arrayOf(str()),
      claim: str("The claim it belongs to, if any"),
      sources: arrayOf(str()),
    },
    ["kind", "id", "date", "type", "sources"],
  ),
  Source: modelObject(
    "Where a fact was read",
    {
      kind: { const: "source" },
      id: str(),
      title: str(),
      url: str(),
      reliability: { type: "string", enum: ["strong", "normal", "weak"] },
      published: ref("HistDate"),
    },
    ["kind", "id", "title", "reliability"],
  ),
  Party: modelObject(
    "A state, government or institution",
    {
      kind: { const: "party" },
      id: str(),
      name: str(),
      partyKind: str(),
      members: arrayOf(str()),
      sources: arrayOf(str()),
    },
    ["kind", "id", "name", "partyKind"],
  ),
  Claim: modelObject(
    "One answer to a contested question",
    {
      kind: { const: "claim" },
      id: str(),
      contested: str(),
      statement: str(),
      events: arrayOf(str()),
      sources: arrayOf(str()),
    },
    ["kind", "id", "contested", "statement", "events", "sources"],
  ),
  Reading: object(
    {
      id: str(),
      description: str(),
      choices: arrayOf(str("Claim id")),
      defined: { type: "boolean", description: "False for the implicit default" },
    },
    ["id", "description", "choices", "defined"],
  ),
  Reason: object(
    {
      kind: str("event, deadline, rule, amendment, relation or condition"),
      summary: str(),
      event: str(),
      limb: str(),
      instrument: str(),
      rule: str(),
      sources: arrayOf(str()),
      because: arrayOf(object({ kind: str(), id: str(), day }, ["kind", "id", "day"])),
    },
    ["kind", "summary", "sources"],
  ),
  Interval: object(
    {
      state: str(),
      from: day,
      until: { ...nullableDay, description: "Exclusive; null: open" },
      reason: ref("Reason"),
    },
    ["state", "from", "until", "reason"],
  ),
  Timeline: object({ id: str(), intervals: arrayOf(ref("Interval")) }, ["id", "intervals"]),
  SubjectTimeline: object({ id: str(), reading: str(), intervals: arrayOf(ref("Interval")) }, [
    "id",
    "reading",
    "intervals",
  ]),
  Replay: object(
    {
      reading: str(),
      instruments: arrayOf(ref("Timeline")),
      provisions: arrayOf(ref("Timeline")),
      facts: arrayOf(ref("Timeline")),
      deadlines: arrayOf(
        object({ provision: str(), due: day, limb: str(), outcome: str() }, [
          "provision",
          "due",
          "outcome",
        ]),
      ),
    },
    ["reading", "instruments", "provisions", "facts", "deadlines"],
  ),
  StateEntry: object({ id: str(), state: str(), since: day, reason: ref("Reason") }, [
    "id",
    "state",
    "since",
    "reason",
  ]),
  StateSnapshot: object(
    {
      reading: str(),
      at: day,
      instruments: arrayOf(ref("StateEntry")),
      provisions: arrayOf(ref("StateEntry")),
      facts: arrayOf(ref("StateEntry")),
    },
    ["reading", "at", "instruments", "provisions", "facts"],
  ),
  ExplainStep: object(
    {
      kind: { type: "string", enum: ["instrument", "provision", "fact"] },
      id: str(),
      state: str("The state, or absent"),
      from: nullableDay,
      until: nullableDay,
      text: str(),
      reason: { oneOf: [ref("Reason"), { type: "null" }] },
      sources: arrayOf(str()),
      because: arrayOf(ref("ExplainStep")),
    },
    ["kind", "id", "state", "from", "until", "text", "reason", "sources", "because"],
  ),
  Explanation: object(
    {
      id: str(),
      kind: { type: "string", enum: ["instrument", "provision", "fact"] },
      reading: str(),
      at: nullableDay,
      steps: arrayOf(ref("ExplainStep")),
    },
    ["id", "kind", "reading", "at", "steps"],
  ),
  WhatIfRequest: object(
    {
      text: str(
        'One or more what-if statements: what-if ID "…" { add event …; remove …; move … to … }',
      ),
      reading: str("The reading of history to compare with (default: default)"),
    },
    ["text"],
  ),
  Change: object(
    {
      id: str(),
      kind: { type: "string", enum: ["instrument", "provision", "fact"] },
      from: day,
      before: arrayOf(ref("Interval")),
      after: arrayOf(ref("Interval")),
    },
    ["id", "kind", "from", "before", "after"],
  ),
  WhatIfResult: object(
    {
      reading: str(),
      whatIfs: arrayOf(
        object({ id: str(), description: str(), reading: str(), changes: arrayOf(ref("Change")) }, [
          "id",
          "description",
          "reading",
          "changes",
        ]),
      ),
      diagnostics: arrayOf(ref("Diagnostic")),
    },
    ["reading", "whatIfs", "diagnostics"],
  ),
  InForce: object(
    {
      at: day,
      reading: str(),
      instruments: arrayOf(
        object(
          { instrument: str(), title: str(), from: day, until: nullableDay, reason: ref("Reason") },
          ["instrument", "title", "from", "until", "reason"],
        ),
      ),
    },
    ["at", "reading", "instruments"],
  ),
  Due: object(
    {
      from: day,
      to: day,
      reading: str(),
      deadlines: arrayOf(
        object(
          {
            provision: str(),
            instrument: str(),
            title: str(),
            due: day,
            limb: { type: ["string", "null"] },
            outcome: { type: "string", enum: ["fulfilled", "violated", "replaced", "open"] },
          },
          ["provision", "instrument", "title", "due", "limb", "outcome"],
        ),
      ),
    },
    ["from", "to", "reading", "deadlines"],
  ),
  Violations: object(
    {
      reading: str(),
      violations: arrayOf(
        object(
          {
            provision: str(),
            instrument: str(),
            title: str(),
            from: day,
            until: nullableDay,
            reason: ref("Reason"),
          },
          ["provision", "instrument", "title", "from", "until", "reason"],
        ),
      ),
    },
    ["reading", "violations"],
  ),
};

// Parameters

type Parameter = Record<string, unknown>;
const pathParam = (name: string, description: string): Parameter => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});
const queryParam = (
  name: string,
  description: string,
  schema: Schema = { type: "string" },
  required = false,
): Parameter => ({ name, in: "query", required, description, schema });
const reading = queryParam(
  "reading",
  "A reading's id (default: default); 400 naming the readings if unknown",
);
const dayParam = (name: string, description: string, required = false) =>
  queryParam(name, description, day, required);
const fileParam = pathParam("file", "The document's name in the corpus, URL-encoded (a%2Fb.pacta)");

// Responses

const json = (schema: Schema) => ({ "application/json": { schema } });
const ok = (description: string, schema: Schema) => ({ description, content: json(schema) });
const error = (description: string) => ({ description, content: json(ref("Error")) });
const errors = {
  badRequest: error("Bad input: a malformed day, an unknown reading, a bad parameter"),
  unauthorized: error("A token is needed (Authorization: Bearer TOKEN) and was missing or wrong"),
  forbidden: error("A cross-site write, or a Host this server does not answer"),
  notFound: error("No such document, instrument, provision, event, source or party"),
  conflict: error("ifVersion was not the latest version (the answer gives latestVersion)"),
  tooLarge: error("The body is larger than the limit (1 MB by default)"),
  mediaType: error("The body was not sent as application/json"),
  refused: {
    description: "The corpus with this text would have errors; nothing was stored",
    content: json(ref("Refusal")),
  },
};

interface OperationSpec {
  readonly id: string;
  readonly summary: string;
  readonly tag: string;
  readonly parameters?: readonly Parameter[];
  readonly body?: Schema;
  readonly responses: Record<string, unknown>;
  readonly write?: boolean;
}

function operation(spec: OperationSpec): Record<string, unknown> {
  return {
    operationId: spec.id,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.parameters === undefined ? {} : { parameters: spec.parameters }),
    ...(spec.body === undefined
      ? {}
      : { requestBody: { required: true, content: json(spec.body) } }),
    ...(spec.write ? { security: [{}, { bearer: [] }] } : {}),
    responses: spec.responses,
  };
}

const readEntity = (tag: string, name: string, schema: string, idDescription: string) => ({
  list: operation({
    id: `list${name}s`,
    summary: `Every ${tag.slice(0, -1)} of the corpus, by id`,
    tag,
    responses: { 200: ok(`The ${tag}`, arrayOf(ref(schema))) },
  }),
  one: operation({
    id: `get${name}`,
    summary: `One ${tag.slice(0, -1)}`,
    tag,
    parameters: [pathParam("id", idDescription)],
    responses: { 200: ok(`The ${tag.slice(0, -1)}`, ref(schema)), 404: errors.notFound },
  }),
});

const instruments = readEntity("instruments", "Instrument", "Instrument", "An instrument's id");
const provisions = readEntity(
  "provisions",
  "Provision",
  "Provision",
  "A qualified provision id, INSTRUMENT.PROVISION",
);
const events = readEntity("events", "Event", "Event", "An event's id");
const sources = readEntity("sources", "Source", "Source", "A source's id");
const parties = readEntity("parties", "Party", "Party", "A party's id");

const timeline = (tag: string, name: string) =>
  operation({
    id: `${name}Timeline`,
    summary: `A ${tag.slice(0, -1)}'s state intervals under a reading`,
    tag,
    parameters: [pathParam("id", `The ${tag.slice(0, -1)}'s id`), reading],
    responses: {
      200: ok("The intervals, in order", ref("SubjectTimeline")),
      400: errors.badRequest,
      404: errors.notFound,
    },
  });

/** The OpenAPI document. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Pacta HTTP API",
    version: "0.1.0",
    description:
      "Treaties as code: the stored corpus, its resolved model, and its replay under readings. " +
      "Errors are { error: { code, message } }. Days are ISO (YYYY-MM-DD). See docs/api.md.",
    license: { name: "Apache-2.0", identifier: "Apache-2.0" },
  },
  servers: [{ url: "/" }],
  tags: [
    { name: "corpus" },
    { name: "documents" },
    { name: "instruments" },
    { name: "provisions" },
    { name: "events" },
    { name: "sources" },
    { name: "parties" },
    { name: "readings" },
    { name: "replay" },
    { name: "queries" },
  ],
  paths: {
    "/api/openapi.json": {
      get: operation({
        id: "openApi",
        summary: "This description",
        tag: "corpus",
        responses: { 200: ok("OpenAPI 3.1", { type: "object" }) },
      }),
    },
    "/api/status": {
      get: operation({
        id: "status",
        summary: "The store, its revision, counts, readings, and whether writes need a token",
        tag: "corpus",
        responses: { 200: ok("The status", ref("Status")) },
      }),
    },
    "/api/corpus": {
      get: operation({
        id: "getCorpus",
        summary: "The latest version of every document, with its text",
        tag: "corpus",
        responses: { 200: ok("The corpus", ref("Corpus")) },
      }),
    },
    "/api/documents": {
      get: operation({
        id: "listDocuments",
        summary: "Every document's latest version (without texts), by name",
        tag: "documents",
        responses: { 200: ok("The documents", arrayOf(ref("DocumentSummary"))) },
      }),
      post: operation({
        id: "createDocument",
        summary: "Create a document, if the corpus with it compiles without errors",
        tag: "documents",
        body: ref("CreateRequest"),
        write: true,
        responses: {
          201: ok("Created as version 1", ref("Saved")),
          400: errors.badRequest,
          401: errors.unauthorized,
          403: errors.forbidden,
          409: error("A document of this name exists (the answer gives latestVersion)"),
          413: errors.tooLarge,
          415: errors.mediaType,
          422: errors.refused,
        },
      }),
    },
    "/api/documents/{file}": {
      get: operation({
        id: "getDocument",
        summary: "A document's text: the latest version, or ?version=N",
        tag: "documents",
        parameters: [
          fileParam,
          queryParam("version", "An older version", { type: "integer", minimum: 1 }),
        ],
        responses: {
          200: ok("The document", ref("StoredDocument")),
          400: errors.badRequest,
          404: errors.notFound,
        },
      }),
      put: operation({
        id: "saveDocument",
        summary: "Save a new version (or create), if the corpus with it compiles without errors",
        tag: "documents",
        parameters: [fileParam],
        body: ref("SaveRequest"),
        write: true,
        responses: {
          200: ok("Saved (or unchanged: changed is false)", ref("Saved")),
          400: errors.badRequest,
          401: errors.unauthorized,
          403: errors.forbidden,
          409: errors.conflict,
          413: errors.tooLarge,
          415: errors.mediaType,
          422: errors.refused,
        },
      }),
      delete: operation({
        id: "deleteDocument",
        summary:
          "Delete a document, if the corpus without it compiles without errors; its versions are kept and the name can be used again",
        tag: "documents",
        parameters: [
          fileParam,
          queryParam("ifVersion", "Refuse (409) unless the latest version is this one", {
            type: "integer",
            minimum: 0,
          }),
        ],
        write: true,
        responses: {
          200: ok("Deleted", ref("Deleted")),
          400: errors.badRequest,
          401: errors.unauthorized,
          403: errors.forbidden,
          404: errors.notFound,
          409: errors.conflict,
          422: errors.refused,
        },
      }),
    },
    "/api/documents/{file}/versions": {
      get: operation({
        id: "documentVersions",
        summary: "Every version of a document, oldest first",
        tag: "documents",
        parameters: [fileParam],
        responses: {
          200: ok("The versions", arrayOf(ref("DocumentVersion"))),
          404: errors.notFound,
        },
      }),
    },
    "/api/instruments": { get: instruments.list },
    "/api/instruments/{id}": { get: instruments.one },
    "/api/instruments/{id}/timeline": { get: timeline("instruments", "instrument") },
    "/api/provisions": {
      get: operation({
        id: "listProvisions",
        summary: "Every provision, or an instrument's, by qualified id",
        tag: "provisions",
        parameters: [queryParam("instrument", "Only this instrument's provisions")],
        responses: {
          200: ok("The provisions", arrayOf(ref("Provision"))),
          404: errors.notFound,
        },
      }),
    },
    "/api/provisions/{id}": { get: provisions.one },
    "/api/provisions/{id}/timeline": { get: timeline("provisions", "provision") },
    "/api/events": {
      get: operation({
        id: "listEvents",
        summary: "Events by first day and id; from/to keep those whose first day is in the period",
        tag: "events",
        parameters: [
          dayParam("from", "First day of the period (inclusive)"),
          dayParam("to", "Last day of the period (inclusive)"),
        ],
        responses: { 200: ok("The events", arrayOf(ref("Event"))), 400: errors.badRequest },
      }),
    },
    "/api/events/{id}": { get: events.one },
    "/api/sources": { get: sources.list },
    "/api/sources/{id}": { get: sources.one },
    "/api/sources/{id}/events": {
      get: operation({
        id: "eventsCitingSource",
        summary: "The events citing a source (directly, or through their block or claim)",
        tag: "sources",
        parameters: [pathParam("id", "A source's id")],
        responses: { 200: ok("The events", arrayOf(ref("Event"))), 404: errors.notFound },
      }),
    },
    "/api/parties": { get: parties.list },
    "/api/parties/{id}": { get: parties.one },
    "/api/readings": {
      get: operation({
        id: "listReadings",
        summary: "The readings with a replay (always default)",
        tag: "readings",
        responses: { 200: ok("The readings", arrayOf(ref("Reading"))) },
      }),
    },
    "/api/claims": {
      get: operation({
        id: "listClaims",
        summary: "Every claim of every contested question",
        tag: "readings",
        responses: { 200: ok("The claims", arrayOf(ref("Claim"))) },
      }),
    },
    "/api/replay": {
      get: operation({
        id: "replay",
        summary: "The replay under a reading; with at, the states on that day",
        tag: "replay",
        parameters: [reading, dayParam("at", "A day: answer the states on it")],
        responses: {
          200: ok("The whole replay, or the states on `at`", {
            oneOf: [ref("Replay"), ref("StateSnapshot")],
          }),
          400: errors.badRequest,
        },
      }),
    },
    "/api/explain/{id}": {
      get: operation({
        id: "explain",
        summary: "Why an instrument, provision or fact stood as it did (on a day, or always)",
        tag: "replay",
        parameters: [
          pathParam("id", "Instrument id, qualified (or unique local) provision id, or fact key"),
          dayParam("at", "A day; without it, every interval is explained"),
          reading,
        ],
        responses: {
          200: ok("The explanation chain", ref("Explanation")),
          400: errors.badRequest,
          404: errors.notFound,
        },
      }),
    },
    "/api/what-if": {
      post: operation({
        id: "whatIf",
        summary: "Replay a changed history and answer its difference from the actual one",
        tag: "replay",
        body: ref("WhatIfRequest"),
        responses: {
          200: ok("The changes of each what-if", ref("WhatIfResult")),
          400: errors.badRequest,
          413: errors.tooLarge,
          415: errors.mediaType,
          422: {
            description: "The what-if has errors, or holds no what-if statement",
            content: json(ref("Refusal")),
          },
        },
      }),
    },
    "/api/in-force": {
      get: operation({
        id: "inForce",
        summary: "The instruments in force on a day",
        tag: "queries",
        parameters: [dayParam("at", "The day", true), reading],
        responses: { 200: ok("The instruments", ref("InForce")), 400: errors.badRequest },
      }),
    },
    "/api/due": {
      get: operation({
        id: "due",
        summary: "The deadlines that fell in a period (both ends inclusive), with their outcome",
        tag: "queries",
        parameters: [
          dayParam("from", "First day", true),
          dayParam("to", "Last day", true),
          reading,
        ],
        responses: { 200: ok("The deadlines", ref("Due")), 400: errors.badRequest },
      }),
    },
    "/api/violations": {
      get: operation({
        id: "violations",
        summary: "The provisions violated, when and why",
        tag: "queries",
        parameters: [reading],
        responses: { 200: ok("The violations", ref("Violations")), 400: errors.badRequest },
      }),
    },
  },
  components: {
    schemas,
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description:
          "Needed for writes when the server has a token (PACTA_TOKEN, or generated when it listens beyond localhost)",
      },
    },
  },
} as const;
