/** Ways through a parsed statement's tree: its sections, paragraphs and sentences in document order. */
import type { Paragraph, Section, Sentence, Statement } from '../model/statement.js';

/** Every section, depth first, in document order (the implicit root first). */
export function sectionsOf(statement: Statement): Section[] {
  const out: Section[] = [];
  const walk = (sections: readonly Section[]): void => {
    for (const s of sections) {
      out.push(s);
      walk(s.sections);
    }
  };
  walk(statement.sections);
  return out;
}

/** Every paragraph in document order. */
export function paragraphsOf(statement: Statement): Paragraph[] {
  return sectionsOf(statement).flatMap((s) => s.paragraphs);
}

/** Where a sentence stands: its paragraph, its position there (0-based) and its section. */
export interface SentencePlace {
  readonly sentence: Sentence;
  readonly paragraph: Paragraph;
  readonly index: number;
  readonly section: Section;
}

/** Every sentence by id, with its place in the tree. */
export function locateSentences(statement: Statement): Map<string, SentencePlace> {
  const out = new Map<string, SentencePlace>();
  for (const section of sectionsOf(statement)) {
    for (const paragraph of section.paragraphs) {
      paragraph.sentences.forEach((sentence, index) =>
        out.set(sentence.id, { sentence, paragraph, index, section }),
      );
    }
  }
  return out;
}
