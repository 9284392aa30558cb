import { Button } from '@react-email/components';
import type { ReactNode } from 'react';

const base = {
  borderRadius: '6px',
  display: 'inline-block',
  fontSize: '15px',
  fontWeight: 600,
  marginRight: '12px',
  marginBottom: '8px',
  padding: '10px 20px',
  textDecoration: 'none',
} as const;

const variants = {
  primary: { ...base, backgroundColor: '#1d4ed8', color: '#ffffff' },
  secondary: { ...base, backgroundColor: '#ffffff', border: '1px solid #cbd5e1', color: '#334155' },
} as const;

export function ActionButton({
  href,
  children,
  variant = 'primary',
}: {
  href: string;
  children: ReactNode;
  variant?: keyof typeof variants;
}) {
  return (
    <Button href={href} style={variants[variant]}>
      {children}
    </Button>
  );
}
