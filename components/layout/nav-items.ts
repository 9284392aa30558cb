import type { UserRole } from '@/db/schema';

/** A navigation entry; `label` is a key of the `nav` message namespace. */
export interface NavItem {
  href: string;
  label:
    | 'home'
    | 'newBooking'
    | 'myBookings'
    | 'calendar'
    | 'desk'
    | 'bookings'
    | 'coordination'
    | 'rectifications'
    | 'review'
    | 'resources'
    | 'people'
    | 'incidents'
    | 'suggestions'
    | 'inspections'
    | 'reports'
    | 'holidays'
    | 'settings'
    | 'outbox'
    | 'audit'
    | 'channels'
    | 'feedback'
    | 'account';
}

const staffItems: NavItem[] = [
  { href: '/', label: 'home' },
  { href: '/bookings/new', label: 'newBooking' },
  { href: '/bookings', label: 'myBookings' },
  { href: '/calendar', label: 'calendar' },
];
/** Everyone's own account (password, language, calendar feed, API tokens), last. */
const accountItem: NavItem = { href: '/account', label: 'account' };
/** Everyone sends suggestions and complaints and reads the answers (policy II.2). */
const feedbackItem: NavItem = { href: '/feedback', label: 'feedback' };
/** Rectification items: the desk follows all of them, a department contact its department's. */
const rectificationItem: NavItem = { href: '/rectifications', label: 'rectifications' };
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
  { href: '/admin/feedback', label: 'suggestions' },
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
  const rectification = role !== 'staff' || opts.isDepartmentContact ? [rectificationItem] : [];
  // The person's own pages last: suggestions, then their account.
  const own = [feedbackItem, accountItem];
  if (role === 'admin') return [...staffItems, ...deskItems, ...contact, ...rectification, ...adminItems, ...own];
  if (role === 'customer_service') return [...staffItems, ...deskItems, ...contact, ...rectification, ...own];
  return [...staffItems, ...contact, ...rectification, ...own];
}

/** The entry to highlight for a path: the longest matching prefix ("/bookings/new" beats "/bookings"). */
export function activeHref(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => (item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
