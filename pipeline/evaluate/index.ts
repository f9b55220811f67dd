export { evaluate, type Evaluation, type PageEvaluation } from './lib/evaluate.js';
export { kinds, normalise, ratio, scorePage, sumScores, type Kind, type KindScore } from './lib/score.js';
export { targetFor } from './lib/targets.js';
