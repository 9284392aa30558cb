/** The survey route's answer (app/api/v1/public/surveys/[token]), for the OpenAPI document. */
import { z } from 'zod';

export const surveyAnsweredSchema = z.object({ answeredAt: z.iso.datetime({ offset: true }) });
