/**
 * The demo accounts: one per role, all with the same published password. They exist only where
 * demo data was loaded (development, `npm run db:seed`, or a DEMO_MODE=1 install), and a
 * production server refuses to start while any of them still has this password
 * (lib/demo/install.ts).
 */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.com', name: '王行政', role: 'admin', department: 'ADM', phone: '021-5888 0001', contact: false },
  { email: 'service@example.com', name: '李客服', role: 'customer_service', department: 'CS', phone: '021-5888 0002', contact: true },
  { email: 'staff@example.com', name: '张销售', role: 'staff', department: 'SALES', phone: '138 0013 8000', contact: false },
  { email: 'staff2@example.com', name: '陈技术', role: 'staff', department: 'TECH', phone: '139 0013 9000', contact: true },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];
