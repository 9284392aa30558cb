/**
 * /admin/audit — the audit log (admin): filtered by days, who, kind of record and record id,
 * newest first, a page at a time (the cursor of `GET /api/v1/audit`), each change shown as
 * old → new. Read only: nothing here or anywhere writes it but the changes themselves.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { AuditChanges } from "@/components/audit/audit-changes";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { fieldClasses, Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { auditEntity, type AuditEntity, type AuditEntry } from "@/db/schema";
import { getDb } from "@/db";
import { localizeFields } from "@/lib/api/errors";
import { listAudit } from "@/lib/audit/queries";
import { requirePageActor } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { currentLocale } from "@/lib/i18n/server";
import { listPeople } from "@/lib/users/people";
import { cn } from "@/lib/utils";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const FILTERS = ["from", "to", "actor", "entity", "entityId"] as const;
const PAGE_SIZE = 50;

/** Where a record's own page is, for the kinds that have one. */
const RECORD_PAGE: Partial<Record<AuditEntity, (id: string) => string>> = {
  resource: (id) => `/admin/resources/${id}`,
  user: (id) => `/admin/people/${id}`,
  department: (id) => `/admin/people/departments/${id}`,
};

type Props = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor("admin");
  const query = await searchParams;
  const filters = Object.fromEntries(
    FILTERS.flatMap((name) => {
      const value = query[name];
      return typeof value === "string" && value.trim() !== ""
        ? [[name, value.trim()]]
        : [];
    }),
  ) as Partial<Record<(typeof FILTERS)[number], string>>;
  const cursor = typeof query.cursor === "string" ? query.cursor : undefined;
  const db = await getDb();
  const [people, t, tAction, locale, timeZone] = await Promise.all([
    listPeople(db, actor),
    getTranslations("audit"),
    getTranslations("resourceAdmin.history"),
    currentLocale(),
    getTimeZone(),
  ]);
  let entries: AuditEntry[] = [];
  let nextCursor: string | null = null;
  let problems: string[] = [];
  try {
    ({ items: entries, nextCursor } = await listAudit(db, actor, {
      ...filters,
      cursor,
      limit: PAGE_SIZE,
    }));
  } catch (error) {
    if (!isDomainError(error) || error.code !== "invalid_input") throw error;
    problems = Object.values(
      localizeFields(error.details.fields ?? {}, locale),
    ).flat();
  }
  const link = (extra: Record<string, string>) =>
    `/admin/audit?${new URLSearchParams({ ...filters, ...extra })}`;
  const selectClass = cn(fieldClasses, "h-10 py-2");

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <form
        method="get"
        action="/admin/audit"
        className="mb-6 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t("filters")}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <FormField label={t("from")}>
            <Input name="from" type="date" defaultValue={filters.from} />
          </FormField>
          <FormField label={t("to")}>
            <Input name="to" type="date" defaultValue={filters.to} />
          </FormField>
          <FormField label={t("actor")}>
            {(control) => (
              <select
                {...control}
                name="actor"
                defaultValue={filters.actor ?? ""}
                className={selectClass}
              >
                <option value="">{t("anyone")}</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("entity")}>
            {(control) => (
              <select
                {...control}
                name="entity"
                defaultValue={filters.entity ?? ""}
                className={selectClass}
              >
                <option value="">{t("anyEntity")}</option>
                {auditEntity.enumValues.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`entities.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("entityId")}>
            <Input
              name="entityId"
              maxLength={100}
              autoComplete="off"
              defaultValue={filters.entityId}
            />
          </FormField>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit">{t("apply")}</Button>
          <Link
            href="/admin/audit"
            className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
          >
            {t("clear")}
          </Link>
        </div>
      </form>
      {problems.length > 0 && (
        <Alert variant="error" className="mb-6" title={t("invalid")}>
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
      {entries.length === 0 ? (
        problems.length === 0 && (
          <p className="text-sm text-slate-600">{t("none")}</p>
        )
      ) : (
        <Table label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("at")}</TableHead>
              <TableHead>{t("actor")}</TableHead>
              <TableHead>{t("what")}</TableHead>
              <TableHead>{t("action")}</TableHead>
              <TableHead>{t("changes")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => {
              const page = RECORD_PAGE[entry.entity];
              return (
                <TableRow key={entry.id}>
                  <TableCell className="whitespace-nowrap">
                    {formatDateTime(entry.at, locale, timeZone)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {entry.actorName}
                  </TableCell>
                  <TableCell className="min-w-32">
                    <span className="block">
                      {t(`entities.${entry.entity}`)}
                    </span>
                    {page ? (
                      <Link
                        href={page(entry.entityId)}
                        className="break-all text-xs text-blue-700 underline-offset-4 hover:underline"
                      >
                        {entry.entityId}
                      </Link>
                    ) : (
                      <span className="break-all text-xs text-slate-600">
                        {entry.entityId}
                      </span>
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {tAction.has(`actions.${entry.action}`)
                      ? tAction(`actions.${entry.action}`)
                      : entry.action}
                  </TableCell>
                  <TableCell className="min-w-64 text-sm">
                    <AuditChanges entry={entry} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {(cursor || nextCursor) && (
        <nav className="mt-4 flex flex-wrap gap-4" aria-label={t("title")}>
          {cursor && (
            <Link
              href={link({})}
              className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
            >
              {t("first")}
            </Link>
          )}
          {nextCursor && (
            <Link
              href={link({ cursor: nextCursor })}
              className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
            >
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
