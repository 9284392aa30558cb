import { NotFoundMessage } from '@/components/layout/not-found-message';

/** A portal page that finds nothing (or is not for this role): the message inside the portal's layout. */
export default function PortalNotFound() {
  return <NotFoundMessage />;
}
