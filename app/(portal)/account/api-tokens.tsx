'use client';

/** One's API tokens: make one (its secret shown once), see when each was last used, revoke. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createApiTokenAction, revokeApiTokenAction } from '@/app/actions/access';
import { CopyField } from '@/components/access/copy-field';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { fieldError } from '@/lib/forms/action-result';

export interface TokenRow {
  id: string;
  name: string;
  scopes: ('read' | 'write')[];
  /** Formatted by the page in the organisation's zone; null when never / no end. */
  lastUsed: string | null;
  expires: string | null;
}

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations('access.tokens');
  const [state, action] = useActionState(createApiTokenAction, null);
  const nameError = fieldError(state, 'name');
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="flex flex-col gap-1.5 sm:w-64">
          <Label htmlFor="token-name">{t('name')}</Label>
          <Input
            id="token-name"
            name="name"
            required
            maxLength={80}
            placeholder={t('namePlaceholder')}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'token-name-error' : undefined}
          />
          {nameError && (
            <p id="token-name-error" className="text-sm text-red-700">
              {nameError}
            </p>
          )}
        </div>
        <div className="flex flex-col gap-1.5 sm:w-48">
          <Label htmlFor="token-expires">{t('expiresOn')}</Label>
          <Input id="token-expires" name="expiresOn" type="date" />
        </div>
        <label className="flex h-10 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="write" className="size-4" />
          {t('write')}
        </label>
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </form>
      {state && !state.ok && <ActionStatus result={state} />}
      {state?.ok && (
        <Alert variant="success" title={t('secretOnce')}>
          <CopyField label={t('secretLabel')} value={state.data.token} />
        </Alert>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {tokens.map((token) => (
            <TokenItem key={token.id} token={token} />
          ))}
        </ul>
      )}
    </div>
  );
}

function TokenItem({ token }: { token: TokenRow }) {
  const t = useTranslations('access.tokens');
  const [state, action] = useActionState(revokeApiTokenAction, null);
  return (
    <li className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <span className="font-medium text-slate-900">{token.name}</span>
        <span className="flex flex-wrap items-center gap-1 text-slate-700">
          {t('scopes')}:
          {token.scopes.map((scope) => (
            <Badge key={scope} variant={scope === 'write' ? 'warning' : 'outline'}>
              {t(`scope.${scope}`)}
            </Badge>
          ))}
        </span>
        <span className="text-slate-700">
          {t('lastUsed')}: {token.lastUsed ?? t('neverUsed')} · {t('expires')}: {token.expires ?? t('noExpiry')}
        </span>
        <ActionStatus result={state} />
      </div>
      <form action={action}>
        <input type="hidden" name="tokenId" value={token.id} />
        <SubmitButton variant="outline" size="sm" pendingLabel={t('revoking')}>
          {t('revoke', { name: token.name })}
        </SubmitButton>
      </form>
    </li>
  );
}
