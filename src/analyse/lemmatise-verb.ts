/** Verb lemmas for the committed action: base forms of the verbs statements commit to, and a rule lemmatiser. */

/**
 * Base forms of verbs that official statements commit to. A word after "to" or a modal is taken
 * as the action only when it is one of these, or a form of one, so that "declined to ample
 * levels" names no action (FOMC 2025-12-10). Why a list and not a tagger: docs/decisions/017.
 */
const VERBS = new Set(
  (
    'accelerate accept achieve act adapt add address adhere adjust adopt advance advocate affirm agree aim allocate allow ' +
    'amend analyse analyze announce appoint approve arrange assess assist attract authorize authorise avoid ban begin ' +
    'bolster boost brief bring broaden build buy carry cease champion change choose clarify close collaborate combat commence ' +
    'commit complete comply conclude conduct connect consider consolidate construct consult continue contribute ' +
    'control convene cooperate coordinate counter create curb cut deal decide declare decrease deepen defend define ' +
    'deliver deploy design destroy determine develop devote diminish disarm discuss dismantle disseminate draft ' +
    'drive drop eliminate embrace employ empower enable encourage end endeavour endeavor endorse enforce engage enhance enlarge ' +
    'ensure enter eradicate establish evaluate examine exchange expand expedite explore export extend facilitate ' +
    'fight finalise finalize finance finish focus follow form formulate foster freeze fulfil fulfill fund gather ' +
    'give grant grow guarantee halt handle harmonise harmonize hasten help hold host identify implement import improve ' +
    'include increase initiate inject insist institute integrate intensify introduce invest investigate involve issue ' +
    'join keep launch lead lend lift limit link lower maintain make manage mark meet mitigate mobilise mobilize ' +
    'modernise modernize monitor move negotiate normalise normalize notify observe obtain offer open operate oppose ' +
    'organise organize oversee pay pause phase plan pledge pool postpone prepare present preserve prevent proceed ' +
    'produce promote propose prosecute protect provide publish purchase pursue push raise reach realise realize ' +
    'rebuild receive reconvene redouble reduce reform refrain reinforce reinvest reject release relocate remain remove ' +
    'renew reopen repatriate replace report request resolve respect respond restore restrict resume retain return ' +
    'review revise revitalise revitalize safeguard scale secure seek sell send set settle share shift shorten sign ' +
    'simplify slow speed stabilise stabilize start step stop streamline strengthen strive study submit support ' +
    'suspend sustain take tackle terminate tighten trade train transfer uphold upgrade use utilise utilize verify ' +
    'visit widen withdraw work ' +
    // Added in the fifth session: verbs of diplomatic undertakings the list lacked.
    'align celebrate cement elevate enact enrich forge galvanise galvanize harness honor honour ' +
    'institutionalise institutionalize leverage nurture operationalise operationalize put ' +
    'reinvigorate solidify translate unlock uplift'
  ).split(' '),
);

/** Irregular past forms of verbs in {@link VERBS}. */
const IRREGULAR: Readonly<Record<string, string>> = {
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  built: 'build',
  bought: 'buy',
  chose: 'choose',
  chosen: 'choose',
  cut: 'cut',
  dealt: 'deal',
  drew: 'draw',
  drove: 'drive',
  froze: 'freeze',
  frozen: 'freeze',
  gave: 'give',
  given: 'give',
  grew: 'grow',
  held: 'hold',
  kept: 'keep',
  led: 'lead',
  lent: 'lend',
  made: 'make',
  met: 'meet',
  paid: 'pay',
  sent: 'send',
  set: 'set',
  sold: 'sell',
  sought: 'seek',
  took: 'take',
  taken: 'take',
  undertook: 'undertake',
};

/** True when `word` (lower case) is a form of a known committed-action verb. */
export function isKnownVerb(word: string): boolean {
  return lemmatiseVerb(word) !== undefined;
}

/**
 * The base form of a verb form ("lowered" → "lower", "building" → "build", "studies" → "study",
 * "kept" → "keep"), or undefined when it is not a form of a known verb.
 */
export function lemmatiseVerb(form: string): string | undefined {
  const word = form.toLowerCase();
  if (VERBS.has(word)) return word;
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  const candidates: string[] = [];
  const undouble = (stem: string): string | undefined =>
    /([bdglmnprt])\1$/.test(stem) ? stem.slice(0, -1) : undefined;
  if (word.endsWith('ies') || word.endsWith('ied')) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    candidates.push(stem, `${stem}e`, undouble(stem) ?? '');
  }
  if (word.endsWith('ed')) {
    const stem = word.slice(0, -2);
    candidates.push(stem, `${stem}e`, undouble(stem) ?? '');
  }
  if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  if (word.endsWith('s')) candidates.push(word.slice(0, -1));
  return candidates.find((c) => c !== '' && VERBS.has(c));
}

/** Verbs that lend their clause to a noun: "make a reduction" is to reduce, "take action" to act. */
const LIGHT_VERBS = new Set(['make', 'take', 'conduct', 'undertake', 'carry', 'give']);

/** Candidate verbs a noun derives from, by its suffix: reduc-tion, consider-ation, adjust-ment … */
function verbCandidates(noun: string): string[] {
  const out: string[] = [];
  const cut = (n: number, add = '') => {
    if (noun.length - n >= 2) out.push(noun.slice(0, noun.length - n) + add);
  };
  // clarification → clarify; consideration, preparation; reduction → reduce; extension, decision;
  // action → act, negotiation → negotiate; adjustment; withdrawal, approval; assistance.
  const rules: [string, number, string[]][] = [
    ['ication', 7, ['y']],
    ['ation', 5, ['', 'e']],
    ['ction', 4, ['e']],
    ['sion', 4, ['d', 'de']],
    ['ion', 3, ['', 'e']],
    ['ment', 4, ['']],
    ['al', 2, ['', 'e']],
    ['ance', 4, ['']],
  ];
  for (const [suffix, n, endings] of rules)
    if (noun.endsWith(suffix)) for (const ending of endings) cut(n, ending);
  return out;
}

/** Words that may stand between a light verb and its noun ("make a further measured reduction"). */
const NOUN_PHRASE_LEAD =
  /^(?:a|an|the|its|their|further|another|additional|new|[a-z]+ed|[a-z]+al|[a-z]+ive)$/;

/**
 * The verb a light verb's object stands for: "make a further measured [reduction] in the pace" →
 * `reduce`, "take [action]" → `act`, "conduct a [review]" → `review`; undefined when `lemma` is
 * no light verb or its object is no nominalised verb of {@link VERBS} ("take steps", "make
 * progress"). `words` are the lower-case words after the light verb. A noun that is a verb itself
 * ("a cut", "an increase") counts only in the singular after an article.
 */
export function lightVerbAction(lemma: string, words: readonly string[]): string | undefined {
  if (!LIGHT_VERBS.has(lemma)) return undefined;
  let i = lemma === 'carry' && words[0] === 'out' ? 1 : 0;
  let article = false;
  for (; i < words.length && i < 5; i++) {
    const word = words[i] as string;
    const derived = verbCandidates(word).find((v) => VERBS.has(v));
    if (derived) return derived;
    if (article && VERBS.has(word)) return word;
    if (!NOUN_PHRASE_LEAD.test(word)) return undefined;
    if (/^(?:a|an)$/.test(word)) article = true;
  }
  return undefined;
}
