// Labels and colours shared by the views.

export const QUAD_CLASSES: Record<number, { label: string; colour: string }> = {
  1: { label: "1 Verbal cooperation", colour: "#2b8cbe" },
  2: { label: "2 Material cooperation", colour: "#41ab5d" },
  3: { label: "3 Verbal conflict", colour: "#fd8d3c" },
  4: { label: "4 Material conflict", colour: "#cb181d" },
};

export const CAMEO_ROOTS: Record<string, string> = {
  "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
  "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
  "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
  "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
  "19": "Fight", "20": "Use unconventional mass violence",
};

export const MODALITIES = ["asserted", "planned", "possible", "negated"];

/** Goldstein −10 … +10 as a colour from red through grey to blue. */
export function goldsteinColour(value: number): string {
  const t = Math.max(-1, Math.min(1, value / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [203, 24, 29] : [33, 102, 172];
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
  return `rgb(${mix.join(",")})`;
}

export function actorLabel(actor: { code: string | null; name?: string | null } | null): string {
  if (!actor || !actor.code) return "—";
  return actor.name ? `${actor.code} (${actor.name})` : actor.code;
}
