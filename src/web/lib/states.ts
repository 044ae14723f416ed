// The states of instruments and provisions: their order in legends, labels and colours.

export const instrumentStates = [
  "signed",
  "in-force",
  "suspended",
  "expired",
  "terminated",
  "superseded",
  "void",
] as const;

export const provisionStates = [
  "pending",
  "in-effect",
  "suspended",
  "fulfilled",
  "violated",
  "discharged",
  "expired",
] as const;

export type KnownState = (typeof instrumentStates)[number] | (typeof provisionStates)[number];

interface StateStyle {
  readonly fill: string;
  /** Text colour that reads on the fill. */
  readonly ink: string;
  /** Hatched in the timeline, so that colour is not the only cue. */
  readonly hatch: boolean;
}

const styles: Record<string, StateStyle> = {
  signed: { fill: "#f2c14e", ink: "#1d1d1d", hatch: true },
  "in-force": { fill: "#2e8b57", ink: "#ffffff", hatch: false },
  suspended: { fill: "#e07b39", ink: "#1d1d1d", hatch: true },
  expired: { fill: "#9aa0a6", ink: "#1d1d1d", hatch: false },
  terminated: { fill: "#7a4a2a", ink: "#ffffff", hatch: false },
  superseded: { fill: "#7b5ea7", ink: "#ffffff", hatch: false },
  void: { fill: "#c0392b", ink: "#ffffff", hatch: true },
  pending: { fill: "#f5dc8c", ink: "#1d1d1d", hatch: true },
  "in-effect": { fill: "#3a9d5d", ink: "#ffffff", hatch: false },
  fulfilled: { fill: "#2f6fb3", ink: "#ffffff", hatch: false },
  violated: { fill: "#c0392b", ink: "#ffffff", hatch: true },
  discharged: { fill: "#5fa8a0", ink: "#1d1d1d", hatch: false },
  holds: { fill: "#3a9d5d", ink: "#ffffff", hatch: false },
};

const fallback: StateStyle = { fill: "#b0b0b0", ink: "#1d1d1d", hatch: false };

export function stateStyle(state: string): StateStyle {
  return styles[state] ?? fallback;
}

/** `in-force` → `in force`. */
export function stateLabel(state: string): string {
  return state.replace(/-/g, " ");
}

/** States that count as "standing" for the side panel: in force, in effect. */
export function isActive(state: string): boolean {
  return state === "in-force" || state === "in-effect" || state === "holds";
}
