/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 document, generated from its zod schemas. */
import { apiRoute } from '@/lib/api/handler';
import { buildOpenApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-dynamic';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = apiRoute(
  async () => {
    document ??= buildOpenApiDocument();
    return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
  },
  { access: 'public' },
);
