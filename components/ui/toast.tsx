'use client';

/**
 * Short notes that an action worked ("Saved", "Queued again"), shown in a corner for a few
 * seconds (Radix Toast: announced politely to screen readers, paused while hovered or focused,
 * F8 reaches them, swipe or × dismisses). Mount `<Toaster />` once; call `toast()` from any
 * client component. Refusals are not toasts: they stay on the page next to the form.
 */
import { CircleCheckIcon, InfoIcon, XIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Toast as ToastPrimitive } from 'radix-ui';
import { useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils';

interface ToastItem {
  id: number;
  variant: 'success' | 'info';
  title: string;
  description?: string;
}

let items: readonly ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const NONE: readonly ToastItem[] = [];

function publish(next: readonly ToastItem[]) {
  items = next;
  for (const listener of listeners) listener();
}

export function toast(item: Omit<ToastItem, 'id' | 'variant'> & { variant?: ToastItem['variant'] }): void {
  const added: ToastItem = { variant: 'success', ...item, id: nextId++ };
  // A few at a time: older notes make way.
  publish([...items, added].slice(-3));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function Toaster() {
  const t = useTranslations('common');
  const shown = useSyncExternalStore(subscribe, () => items, () => NONE);
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={6000} label={t('notification')}>
      {shown.map((item) => {
        const Icon = item.variant === 'success' ? CircleCheckIcon : InfoIcon;
        return (
          <ToastPrimitive.Root
            key={item.id}
            onOpenChange={(open) => {
              if (!open) publish(items.filter((i) => i.id !== item.id));
            }}
            className={cn(
              'flex items-start gap-3 rounded-lg border bg-white p-3 pr-10 text-sm shadow-lg',
              'data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)] data-[swipe=end]:translate-x-full',
              item.variant === 'success' ? 'border-green-200' : 'border-blue-200',
            )}
          >
            <Icon className={cn('mt-0.5 size-4 shrink-0', item.variant === 'success' ? 'text-green-700' : 'text-blue-700')} aria-hidden />
            <div className="flex flex-col gap-0.5">
              <ToastPrimitive.Title className="font-semibold text-slate-900">{item.title}</ToastPrimitive.Title>
              {item.description && <ToastPrimitive.Description className="text-slate-700">{item.description}</ToastPrimitive.Description>}
            </div>
            <ToastPrimitive.Close
              className="absolute top-2 right-2 inline-flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
              aria-label={t('close')}
            >
              <XIcon className="size-4" aria-hidden />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport label={t('notifications', { hotkey: '{hotkey}' })} className="fixed right-0 bottom-0 z-[60] flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}
