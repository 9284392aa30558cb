import type { UserRole } from '@/db/schema';

/** A navigation entry; `label` is a key of the `nav` message namespace. */
export interface NavItem {
  href: string;
  label: 'home' | 'newBooking' | 'myBookings' | 'calendar' | 'desk' | 'coordination' | 'review' | 'bookings' | 'resources' | 'incidents' | 'holidays' | 'settings' | 'outbox' | 'channels' | 'inspections' | 'people' | 'audit' | 'reports' | 'account';
}

const staffItems: NavItem[] = [
  { href: '/', label: 'home' },
  { href: '/bookings/new', label: 'newBooking' },
  { href: '/bookings', label: 'myBookings' },
  { href: '/calendar', label: 'calendar' },
];
/** Everyone's own account (password, language, calendar feed, API tokens), last. */
const accountItem: NavItem = { href: '/account', label: 'account' };
/** The service desk, and the register of bookings (customer service sees the customer ones). */
const deskItems: NavItem[] = [
  { href: '/desk', label: 'desk' },
  { href: '/admin/bookings', label: 'bookings' },
];
/** Department contacts answer coordination requests addressed to their department. */
const contactItems: NavItem[] = [{ href: '/coordination', label: 'coordination' }];
const adminItems: NavItem[] = [
  { href: '/admin/review', label: 'review' },
  { href: '/admin/resources', label: 'resources' },
  { href: '/admin/people', label: 'people' },
  { href: '/admin/incidents', label: 'incidents' },
  { href: '/admin/inspections', label: 'inspections' },
  { href: '/admin/reports', label: 'reports' },
  { href: '/admin/holidays', label: 'holidays' },
  { href: '/admin/settings', label: 'settings' },
  { href: '/admin/outbox', label: 'outbox' },
  { href: '/admin/audit', label: 'audit' },
  { href: '/admin/channels', label: 'channels' },
];

/**
 * What each role finds in the menu. Showing a link is a convenience: every page and action
 * behind it checks the role again on the server.
 */
export function navItemsFor(role: UserRole, opts: { isDepartmentContact?: boolean } = {}): NavItem[] {
  const contact = opts.isDepartmentContact ? contactItems : [];
  // The person's own page last.
  const own = [accountItem];
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
