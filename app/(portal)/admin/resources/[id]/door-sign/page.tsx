/**
 * /admin/resources/<id>/door-sign — the sign to print and hang on the resource's door: both
 * names, the code and the QR code of its door page, in Chinese and English, A5 or A4
 * (`?size=a4`). On paper only the sign is printed.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { getDoorSign } from '@/lib/resources/door-sign';
import { PrintButton } from './print-button';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ size?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('visit.sign'))('link') };
}

export default async function DoorSignPage({ params, searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations('visit.sign')]);
  const size = [query.size].flat()[0] === 'a4' ? 'A4' : 'A5';
  let sign;
  try {
    sign = await getDoorSign(await getDb(), actor, id);
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  const { resource } = sign;

  return (
    <>
      {/* Paper size and margins for the printer; everything but the sign stays off the paper. */}
      <style>{`
        @page { size: ${size} portrait; margin: 0; }
        @media print {
          body * { visibility: hidden; }
          #door-sign, #door-sign * { visibility: visible; }
          #door-sign { position: fixed; inset: 0; border: 0; width: 100%; height: 100%; margin: 0; }
        }
      `}</style>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Button asChild variant="outline">
          <Link href={`/admin/resources/${resource.id}`}>{t('back')}</Link>
        </Button>
        <span className="text-sm text-slate-600">{t('size')}:</span>
        {(['A5', 'A4'] as const).map((option) => (
          <Button key={option} asChild variant={option === size ? 'default' : 'outline'} size="sm">
            <Link href={`?size=${option.toLowerCase()}`} aria-current={option === size ? 'page' : undefined}>
              {option}
            </Link>
          </Button>
        ))}
        <PrintButton label={t('print')} />
      </div>
      <section
        id="door-sign"
        aria-label={t('title', { resource: resource.nameZh })}
        className={`mx-auto flex flex-col items-center justify-center gap-[4%] border border-slate-300 bg-white p-[6%] text-center text-slate-900 ${size === 'A4' ? 'aspect-[210/297] max-w-[210mm]' : 'aspect-[148/210] max-w-[148mm]'}`}
      >
        <p className="font-mono text-3xl font-semibold tracking-wider">{resource.code}</p>
        <h1 className="text-4xl leading-tight font-bold" lang="zh-CN">
          {resource.nameZh}
        </h1>
        <p className="text-2xl" lang="en">
          {resource.nameEn}
        </p>
        <p className="text-lg text-slate-700">{resource.location}</p>
        {/* Generated from the door URL by the qrcode package: no user input reaches the markup. */}
        <div className="w-3/5 [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label={sign.doorUrl} dangerouslySetInnerHTML={{ __html: sign.qrSvg }} />
        <p className="text-xl" lang="zh-CN">
          {t('scanZh')}
        </p>
        <p className="text-lg" lang="en">
          {t('scan')}
        </p>
        <p className="font-mono text-sm break-all text-slate-600">{sign.doorUrl}</p>
      </section>
    </>
  );
}
