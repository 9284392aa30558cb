import type { UserRole } from '@/db/schema';

/** A navigation entry; `label` is a key of the `nav` message namespace. */
export interface NavItem {
  href: string;
  label: 'home' | 'newBooking' | 'myBookings' | 'calendar' | 'desk' | 'coordination' | 'review' | 'resources' | 'incidents' | 'holidays' | 'settings' | 'outbox' | 'channels' | 'inspections' | 'people' | 'account' | 'profile';
}

const staffItems: NavItem[] = [
  { href: '/', label: 'home' },
  { href: '/bookings/new', label: 'newBooking' },
  { href: '/bookings', label: 'myBookings' },
  { href: '/calendar', label: 'calendar' },
];
/** Everyone's own account (password, language), last. */
const accountItem: NavItem = { href: '/account', label: 'account' };
const deskItems: NavItem[] = [{ href: '/desk', label: 'desk' }];
/** Department contacts answer coordination requests addressed to their department. */
const contactItems: NavItem[] = [{ href: '/coordination', label: 'coordination' }];
const adminItems: NavItem[] = [
  { href: '/admin/review', label: 'review' },
  { href: '/admin/resources', label: 'resources' },
  { href: '/admin/people', label: 'people' },
  { href: '/admin/incidents', label: 'incidents' },
  { href: '/admin/inspections', label: 'inspections' },
  { href: '/admin/holidays', label: 'holidays' },
  { href: '/admin/settings', label: 'settings' },
  { href: '/admin/outbox', label: 'outbox' },
  { href: '/admin/channels', label: 'channels' },
];

/** Everyone's calendar subscription and API access. */
const profileItems: NavItem[] = [{ href: '/profile', label: 'profile' }];

/**
 * What each role finds in the menu. Showing a link is a convenience: every page and action
 * behind it checks the role again on the server.
 */
export function navItemsFor(role: UserRole, opts: { isDepartmentContact?: boolean } = {}): NavItem[] {
  const contact = opts.isDepartmentContact ? contactItems : [];
  // The person's own pages last: their account (password), then calendars and API access.
  const own = [accountItem, ...profileItems];
  if (role === 'admin') return [...staffItems, ...deskItems, ...contact, ...adminItems, ...own];
  if (role === 'customer_service') return [...staffItems, ...deskItems, ...contact, ...own];
  return [...staffItems, ...contact, ...own];
}

/** The entry to highlight for a path: the longest matching prefix ("/bookings/new" beats "/bookings"). */
export function activeHref(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => (item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
