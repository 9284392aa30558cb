import type { ReactNode } from "react";
import { MessagesProvider } from "./messages-provider";

/** A layout for pages whose client components get every message namespace (lib/i18n/client-messages.ts). */
export default function AllMessagesLayout({
  children,
}: {
  children: ReactNode;
}) {
  return <MessagesProvider>{children}</MessagesProvider>;
}
