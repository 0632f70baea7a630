/** Offsets everywhere are UTF-16 code units into the analysed text: `text.slice(start, end)`. */
export interface Span { start: number; end: number; }

/** Options for `analyze` and `mount`. */
export interface AnalyzeOptions {
  /** The two countries the relationship is about, e.g. `["China", "North Korea"]`. */
  pair?: [string, string];
  /** The article's publication date, `YYYY-MM-DD`, for resolving relative dates. */
  date?: string;
  /** Inputs longer than this many UTF-8 bytes are refused (default 5 MiB). */
  maxInputBytes?: number;
}

export interface Paragraph { start: number; end: number; duplicateOf: number | null; }

export type QuoteKind = "direct" | "partial" | "indirect";
export type StanceLabel = "strained" | "mixed" | "cordial";

export interface Cue { text: string; start: number; end: number; }
export interface StanceCue { text: string; start: number; end: number; weight: number; }
export interface Stance { score: number; label: StanceLabel; cues: StanceCue[]; }

export interface Quote {
  id: string;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  kind: QuoteKind;
  start: number;
  end: number;
  /** A speaker `id`, or null. */
  speaker: string | null;
  cue: Cue | null;
  stance: Stance | null;
}

export type SpeakerKind = "person" | "organization" | "group" | "unnamed";

export interface Speaker {
  id: string;
  name: string;
  role: string | null;
  org: string | null;
  kind: SpeakerKind;
  aliases: string[];
  mentions: Span[];
  /** The id of the country the speaker acts for, or null. */
  country: string | null;
}

export interface ScareQuote { text: string; start: number; end: number; }
export type ActorKind = "country" | "person" | "organization";

export interface Actor {
  id: string;
  name: string;
  mentions: Span[];
  kind: ActorKind;
  /** The id of the country the actor belongs to (its own id for a country), or null. */
  country: string | null;
  /** The role of a person or institution, or null. */
  role: string | null;
}

export type InteractionClass = "verbalCooperation" | "materialCooperation" | "verbalConflict" | "materialConflict";

export interface Interaction {
  source: string;
  target: string;
  text: string;
  start: number;
  end: number;
  /** Goldstein-style, -10 (conflict) to +10 (cooperation). */
  score: number;
  class: InteractionClass;
}

export interface Evidence {
  kind: "quote" | "narration" | "interaction";
  quote: string | null;
  text: string;
  start: number;
  end: number;
  weight: number;
  /** The words that moved it; empty for interaction evidence. */
  cues: StanceCue[];
}

export interface Relation {
  pair: [string, string];
  pairNames: [string, string];
  score: number;
  label: StanceLabel;
  explanation: string;
  evidence: Evidence[];
  /** The journalist's own stance from the narration alone, or null. */
  narrator: Stance | null;
}

export interface TimelineEvent {
  text: string;
  start: number;
  end: number;
  /** `2014`, `2013-12`, `2014-07-23` or a range `1950/1953`. */
  date: string;
  approximate: boolean;
  /** The words that give the date. */
  when: Span;
  actors: string[];
}

export interface Byline { author: string; email: string | null; }

/** The one result of `analyze`. */
export interface Analysis {
  paragraphs: Paragraph[];
  quotes: Quote[];
  speakers: Speaker[];
  scareQuotes: ScareQuote[];
  actors: Actor[];
  interactions: Interaction[];
  relations: Relation[];
  /** Two actor ids, or empty. */
  focus: string[];
  timeline: TimelineEvent[];
  byline: Byline | null;
}
