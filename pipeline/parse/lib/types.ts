import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Passage, Section, Sentence, SourcePosition } from '../../model/types.js';

/** A run of passage text that comes from one text node of the source. */
export interface TextSegment {
  /** UTF-16 index in the passage text where the run starts. */
  textStart: number;
  /** Length of the run in UTF-16 code units. */
  length: number;
  /** Offset in the source file where the run's text starts. */
  sourceOffset: number;
  /** Whether each character of the run stands at the same distance in the source (no escapes or entities). */
  exact: boolean;
}

/** A passage with what later stages need to place its text back in the source. */
export interface ParsedPassage extends Passage {
  segments: TextSegment[];
}

/** The output of the parse stage for one page: its structure, not yet checked or interpreted. */
export interface ParsedPage {
  /** The page's file; messages about it go here. */
  file: VFile;
  /** Stable id of the page. */
  documentId: string;
  /** Path relative to the source folder, '/' separated. */
  path: string;
  /** The front matter as YAML text, and where it is, or undefined when the page has none. */
  frontMatter?: { yaml: string; position: SourcePosition };
  tree: Root;
  sections: Section[];
  passages: ParsedPassage[];
  sentences: Sentence[];
}
