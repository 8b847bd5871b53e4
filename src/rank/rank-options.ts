/** The weights of the ranking, each with its reason; calibrated on bench/commitments (docs/decisions/018). */

/** Points of one kind of change: on a commitment, and on an assessment (no committing actor). */
export interface Points {
  readonly commitment: number;
  readonly assessment: number;
}

/** Every weight of {@link rankChange}. */
export interface RankOptions {
  /** Points of what changed. */
  readonly what: {
    /** A new or dropped sentence: the news itself when it commits someone (default: 60 / 50). */
    readonly newOrDropped: Points;
    /** The committed action changed ("decided to lower" → "to maintain"): a policy decision (default: 62 / 40). */
    readonly actionChanged: Points;
    /** Someone else commits (default: 56 / 30). */
    readonly actorChanged: Points;
    /** Strengthened or weakened by the act (call upon → demand) or a modal (should → must) (default: 52 / 30). */
    readonly strength: Points;
    /** Strengthened or weakened by degree words only ("generously", "closely", "continue to"; default: 36 / 20). */
    readonly strengthDegree: Points;
    /** A target, amount, date or deadline changed (default: 55 / 28): a figure of an assessment ("through September") matters less. */
    readonly figureChanged: Points;
    /** Only a frequency changed ("every 90 days" → "every 120 days", default: 40 / 20): a reporting cycle, not a decision. */
    readonly frequencyChanged: Points;
    /** The speech act changed family (default: 36 / 20). */
    readonly actChanged: Points;
    /** Items of an enumeration added or dropped (default: 32 / 20). */
    readonly items: Points;
    /** Names added or removed (default: 28 / 18). */
    readonly entities: Points;
    /** Split or merged without other change (default: 14). */
    readonly splitOrMerge: number;
    /** Moved to another section or out of order (default: 12). */
    readonly moved: number;
    /** Reworded without any qualifier (default: 14). */
    readonly reworded: number;
    /** Case and punctuation only (default: 1). */
    readonly cosmetic: number;
  };
  /** Weight of a dropped sentence against a new one (default: `1`: a dropped project is as much news as a new one; expiry is weighed apart). */
  readonly droppedWeight: number;
  /** Weight of a dropped sentence whose own date had passed by the after round (default: `0.6`): it expired, it was not withdrawn. */
  readonly expiredWeight: number;
  /** Points added for each qualifier beyond the first that is worth at least `extraFloor` (default: 4). */
  readonly extraEach: number;
  /** Least points a further qualifier must be worth to add (default: 20). */
  readonly extraFloor: number;
  /** Most points further qualifiers add (default: 12). */
  readonly extraCap: number;
  /**
   * Weight of what the change is about, by act family: decisions, undertakings and demands weigh
   * most; reaffirmations of standing positions and courtesies least (boilerplate, not news).
   */
  readonly family: Readonly<Record<string, number>>;
  /** Strength weight = base + step × level (level 1–5; defaults 0.8 and 0.05: 0.85 … 1.05). */
  readonly strengthBase: number;
  readonly strengthStep: number;
  /** Relative bonus when the change is about figures (default: 0.1), and per distinct name (default: 0.06, at most 0.3): specific beats generic. */
  readonly figuresBonus: number;
  readonly namesBonus: number;
  readonly namesBonusCap: number;

  /**
   * Weight of a commitment to the process of a relationship rather than to something in it
   * (default: `0.85`): its object is headed by one of `processNouns` ("maintain close
   * coordination", "deepen the partnership", "the momentum of high-level exchanges") or its act
   * or action is one of `processActions` ("coordinate closely", "will carefully monitor").
   * Boilerplate of every round.
   */
  readonly processWeight: number;
  readonly processNouns: readonly string[];
  readonly processActions: readonly string[];
  /**
   * Verbs that say one thing (`report` and `brief`; `deepen`, `strengthen` and `enhance`): an
   * action changed within one group is a rewording of the action (points of `reworded` plus
   * `synonymExtra`), not a new decision.
   */
  readonly actionSynonyms: readonly (readonly string[])[];
  readonly synonymExtra: number;
  /** Families a call or an undertaking answered is welcomed or noted in ("Calls upon … to hold elections" → "Welcoming the holding of elections"): weighed by `expiredWeight`. */
  readonly answeringFamilies: readonly string[];
  readonly answeredFamilies: readonly string[];
  /** Weight of a commitment made under an opening condition ("When the Committee decides to …, it will …", default: `0.85`): it binds only once the condition holds. */
  readonly conditionalWeight: number;
  /** Weight of a change whose only date passed by the after round and was not replaced (default: `0.6`): "later in 2025" gone in 2026 is an update, not news. */
  readonly lapsedWeight: number;
  /** Weight of a resolution's preambular paragraph ("*Recalling* …,", default: `0.7`): it frames, the operative paragraphs decide. */
  readonly preambularWeight: number;
  /** Least significance shown under "most significant" (default: 40: a new commitment clears it, a rewording does not). */
  readonly bar: number;
}

/** The defaults. */
export const DEFAULT_RANK_OPTIONS: RankOptions = {
  what: {
    newOrDropped: { commitment: 60, assessment: 50 },
    actionChanged: { commitment: 62, assessment: 40 },
    actorChanged: { commitment: 56, assessment: 30 },
    strength: { commitment: 52, assessment: 30 },
    strengthDegree: { commitment: 36, assessment: 20 },
    figureChanged: { commitment: 55, assessment: 28 },
    frequencyChanged: { commitment: 40, assessment: 20 },
    actChanged: { commitment: 36, assessment: 20 },
    items: { commitment: 32, assessment: 20 },
    entities: { commitment: 28, assessment: 18 },
    splitOrMerge: 14,
    moved: 12,
    reworded: 14,
    cosmetic: 1,
  },
  droppedWeight: 1,
  expiredWeight: 0.6,

  extraEach: 4,
  extraFloor: 20,
  extraCap: 12,
  family: {
    commit: 1,
    urge: 1,
    legal: 1,
    oppose: 0.95,
    support: 0.9,
    announce: 0.9,
    seek: 0.85,
    judge: 0.85,
    affirm: 0.95,
    welcome: 0.75,
    note: 0.7,
    state: 0.9,
    default: 0.85,
  },
  strengthBase: 0.8,
  strengthStep: 0.05,
  figuresBonus: 0.1,
  namesBonus: 0.06,
  namesBonusCap: 0.3,
  preambularWeight: 0.7,
  processWeight: 0.85,
  processNouns: [
    'cooperation',
    'coordination',
    'communication',
    'communications',
    'consultation',
    'consultations',
    'exchanges',
    'contacts',
    'momentum',
    'partnership',
    'friendship',
    'relations',
    'relationship',
    'ties',
    'interests',
    'trust',
    'understanding',
    'engagement',
    'collaboration',
    'mechanisms',
    'meetings',
    'experience',
    'community',
  ],
  processActions: [
    'coordinate',
    'communicate',
    'consult',
    'cooperate',
    'collaborate',
    'engage',
    'monitor',
  ],
  lapsedWeight: 0.6,
  conditionalWeight: 0.85,
  actionSynonyms: [
    ['report', 'brief', 'inform', 'update', 'present'],
    ['support', 'assist', 'help', 'back'],
    ['deepen', 'strengthen', 'enhance', 'expand', 'broaden', 'intensify', 'advance', 'promote'],
    ['maintain', 'keep', 'sustain', 'preserve'],
    ['protect', 'safeguard', 'defend'],
    ['finish', 'complete', 'conclude'],
  ],
  synonymExtra: 6,
  answeredFamilies: ['urge', 'commit', 'seek'],
  answeringFamilies: ['welcome', 'note'],
  bar: 40,
};
