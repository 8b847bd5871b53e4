/** Commitment analysis: the committed action, roles, actors behind pronouns and capitals, ladders, reasons in the lexicon. */
import { describe, expect, it } from 'vitest';
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import { lemmatiseVerb } from '../../src/analyse/lemmatise-verb.js';
import { defaultLexiconSpec } from '../../src/analyse/lexicon.js';
import type { Commitment } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';

const PARTIES = `---
parties:
  - name: China
    aliases: ["Chinese side"]
  - name: Pakistan
    aliases: ["Pakistani side"]
---
`;

function commitments(body: string, frontmatter = PARTIES): Commitment[] {
  return [
    ...analyseStatement(parseStatement(`${frontmatter}${body}`, { file: 'x.md' })).commitments,
  ];
}

describe('the committed action', () => {
  it.each([
    [
      'In support of its goals, the Committee decided to lower the target range.',
      'decide',
      'lower',
    ],
    [
      'The Committee decided to maintain the target range at 3-1/2 to 3-3/4 percent.',
      'decide',
      'maintain',
    ],
    ['The two sides agreed to further intensify strategic communication.', 'agree', 'intensify'],
    ['They agreed that disputes should be settled through dialogue.', 'agree', 'settle'],
    ['Both sides committed to building a port.', 'commit', 'build'],
    ['The two sides will study the feasibility of a free trade zone.', 'undertake', 'study'],
    // "<actor> will <verb>": an undertaking whatever the verb, after an opening phrase too.
    [
      'Beginning in January, the Committee will add to its holdings of securities at a pace of $35 billion per month.',
      'undertake',
      'add',
    ],
    ['The Committee will act in a timely manner as needed to promote growth.', 'undertake', 'act'],
    // A light verb lends its clause to its noun.
    [
      'The Committee decided to make a further measured reduction in the pace of its asset purchases.',
      'decide',
      'reduce',
    ],
    ['The two sides agreed to take action against the smuggling of arms.', 'agree', 'act'],
    ['The Council decided to conduct a review of the mandate.', 'decide', 'review'],
    ['The two sides agreed to give consideration to a new route.', 'agree', 'consider'],
    // Not every noun after a light verb is a verb: the light verb stays.
    ['The two sides agreed to take steps to protect the corridor.', 'agree', 'take'],
  ])('%j: act %s, action %s', (sentence, act, action) => {
    const [c] = commitments(`${sentence}\n`);
    expect(c?.act).toBe(act);
    expect(c?.action).toBe(action);
  });

  it('takes a verb of undertaking for the act only when the actor is its subject', () => {
    const [expanding, agreed] = commitments(
      'Information received since the Committee met in October indicates that economic activity is expanding at a moderate pace. China, as a close partner, will expand its support.\n',
    );
    // The Committee met; economic activity expands: nobody undertakes anything.
    expect(expanding?.act).toBe('state');
    expect(expanding?.role).toBe('assessment');
    // An aside between the actor and its verb does not hide the subject.
    expect(agreed?.act).toBe('undertake');
    expect(agreed?.action).toBe('expand');
    expect(agreed?.actor.name).toBe('China');
    expect(agreed?.role).toBe('commitment');
  });

  it('finds the subject across a long run of adverbs before "will"', () => {
    const [near, far] = commitments(
      `China ${'also '.repeat(40)}will expand trade. China ${'also '.repeat(400)}will expand trade.\n`,
    );
    for (const c of [near, far]) {
      expect(c?.action).toBe('expand');
      expect(c?.actor.name).toBe('China');
      expect(c?.role).toBe('commitment');
    }
  });

  it('reads an act form after a preposition and an adjective as a noun, not an adverbial phrase', () => {
    const [stress, particular] = commitments(
      'Financial markets remain under considerable stress, and tight credit conditions are likely to weigh on growth. China in particular welcomed the agreement.\n',
    );
    expect(stress?.act).toBe('state');
    expect(stress?.items).toEqual([]);
    expect(particular?.act).toBe('welcome');
  });

  it('names no action where no known verb follows ("declined to ample levels")', () => {
    const [c] = commitments(
      'The Committee judges that reserve balances have declined to ample levels.\n',
    );
    expect(c?.act).toBe('judge');
    expect(c?.action).toBeUndefined();
  });

  it('lemmatises inflected verbs and refuses words that are not verbs', () => {
    expect(
      ['lowered', 'raised', 'building', 'studies', 'kept', 'stopped', 'settled'].map(lemmatiseVerb),
    ).toEqual(['lower', 'raise', 'build', 'study', 'keep', 'stop', 'settle']);
    expect(lemmatiseVerb('ample')).toBeUndefined();
    expect(lemmatiseVerb('committee')).toBeUndefined();
  });
});

describe('roles', () => {
  it('tells context, commitments and assessments apart', () => {
    const roles = commitments(
      [
        '1. The fourth round of the Strategic Dialogue was held in Islamabad on 21 August 2025.',
        'The dialogue was co-chaired by the two foreign ministers.',
        'The Strategic Dialogue is the highest consultative mechanism between the two countries.',
        'The two sides reviewed cooperation under the corridor.\n\n2. The two sides agreed to build a port.',
        'Inflation remains somewhat elevated.',
      ].join(' ') + '\n',
    ).map((c) => c.role);
    expect(roles).toEqual(['context', 'context', 'context', 'context', 'commitment', 'assessment']);
  });

  it.each([
    ['The Committee expects inflation to return to its 2 percent objective.', 'assessment'],
    ['The Committee anticipates that inflation would run at or below 2 percent.', 'assessment'],
    [
      'The Committee judges that there has been considerable improvement in the labor market.',
      'assessment',
    ],
    [
      'The Committee currently expects that, with gradual adjustments in the stance of monetary policy, economic activity will continue to expand.',
      'assessment',
    ],
    ['The Committee expects to begin reducing its holdings of Treasury securities.', 'commitment'],
    ['The Committee expects it will soon be appropriate to raise the target range.', 'commitment'],
    [
      'The Committee anticipates that weak economic conditions are likely to warrant exceptionally low levels of the federal funds rate.',
      'commitment',
    ],
    ['The two sides agreed to build a port.', 'commitment'],
    [
      'The Committee is maintaining its policy of reinvesting, and it anticipates doing so until normalization is well under way.',
      'commitment',
    ],
  ])('a forecast commits nobody, guidance on its own course does: %s', (text, role) => {
    const [c] = commitments(`${text}\n`, '');
    expect(c?.role).toBe(role);
  });

  it('takes the act of the main clause, not of an opening condition or of a second clause', () => {
    const [when, second] = commitments(
      'When the Committee decides to begin to remove policy accommodation, it will take a balanced approach.\n\nThe Committee is maintaining its existing policy of reinvesting, and it anticipates doing so until normalization is well under way.\n',
      '',
    );
    expect(when?.act).not.toBe('decide');
    expect(second?.action).toBe('maintain');
  });

  it("counts a judgement's modals before the act only: after it they say how likely", () => {
    const [a, b] = commitments(
      'The Committee anticipates that economic conditions may warrant low rates.\n\nThe Committee anticipates that economic conditions will warrant low rates.\n',
      '',
    );
    expect(a?.strength.level).toBe(b?.strength.level);
  });

  it('keeps a commitment a commitment when a context word occurs in it', () => {
    const [c] = commitments(
      'The two sides agreed to celebrate the 75th anniversary with a joint exhibition.\n',
    );
    expect(c?.role).toBe('commitment');
  });
});

describe('actors', () => {
  it('reads "They" after a one-party sentence as both sides, "It" as the party, a capital as its country', () => {
    const actors = commitments(
      'Pakistan reiterated its support for China. They agreed to meet again. China welcomed the plan. It pledged to help. Beijing welcomed the visit. Islamabad thanked China.\n',
    ).map((c) => c.actor.name);
    expect(actors).toEqual(['Pakistan', 'both sides', 'China', 'China', 'China', 'Pakistan']);
  });

  it('takes the body of a resolution from its opening line', () => {
    const cs = commitments(
      '*The Security Council*,\n\n*Recalling* its previous resolutions,\n\n1. *Decides* to extend the mandate until 31 May 2025;\n\n2. *Urges* all parties to cease hostilities;\n',
      '',
    );
    expect(cs.map((c) => [c.role, c.actor.name, c.act])).toEqual([
      ['context', 'the Security Council', 'state'],
      ['commitment', 'the Security Council', 'recall'],
      ['commitment', 'the Security Council', 'decide'],
      ['commitment', 'the Security Council', 'urge'],
    ]);
    expect(cs[2]?.action).toBe('extend');
    expect(cs[3]?.action).toBe('cease');
  });
});

describe('strength ladders', () => {
  it('puts UN operative verbs and intentions in order', () => {
    const levels = commitments(
      '1. *Encourages* the parties to talk;\n\n2. *Calls upon* the parties to talk;\n\n3. *Urges* the parties to talk;\n\n4. *Demands* that the parties talk;\n',
      '',
    ).map((c) => c.strength.level);
    expect(levels).toEqual([2, 3, 4, 5]);
    const [study, launch] = commitments(
      'The two sides will study the feasibility of a zone. The two sides agreed to launch a zone.\n',
    );
    expect(study?.strength.level).toBeLessThan(launch?.strength.level ?? 0);
  });

  it('gives every default strength word and ladder rung its reason', () => {
    const spec = defaultLexiconSpec();
    const reasons = spec.reasons ?? {};
    const entries = [
      ...Object.keys(spec.strength?.modals ?? {}),
      ...(spec.strength?.intensifiers ?? []),
      ...(spec.strength?.hedges ?? []),
      ...(spec.strength?.absolutes ?? []),
      ...Object.values(spec.ladders ?? {}).flatMap((rungs) => Object.keys(rungs)),
    ];
    expect(entries.length).toBeGreaterThan(60);
    expect(entries.filter((e) => !reasons[e])).toEqual([]);
  });
});
