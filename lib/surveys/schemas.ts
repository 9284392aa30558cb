/**
 * The survey's answer, as the page's form and the public API send it. Scores are whole numbers
 * 1–5 (a form sends them as text); the comment is optional; `mayContact` must be said either way.
 */
import { z } from 'zod';

const SCORE_MESSAGE = 'survey.validation.score';

/** 1–5; digits in a string (a plain form's radio value) count as the number. */
const score = () =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z.int({ error: SCORE_MESSAGE }).min(1, SCORE_MESSAGE).max(5, SCORE_MESSAGE),
  );

export const COMMENT_MAX = 2000;

export const surveyAnswerSchema = z.object({
  overall: score(),
  condition: score(),
  service: score(),
  comment: z
    .string({ error: 'survey.validation.comment' })
    .trim()
    .max(COMMENT_MAX, 'survey.validation.comment')
    .nullish()
    .transform((value) => value ?? ''),
  mayContact: z.boolean({ error: 'survey.validation.mayContact' }),
});

export type SurveyAnswer = z.output<typeof surveyAnswerSchema>;
