import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/client-messages";
import type { Messages } from "@/lib/i18n/messages";

/** The request's locale and zone for client components, with every message namespace or only `only` (lib/i18n/client-messages.ts). */
export async function MessagesProvider({
  only,
  children,
}: {
  only?: readonly string[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider
      messages={only ? pickMessages(messages, only) : messages}
    >
      {children}
    </NextIntlClientProvider>
  );
}
