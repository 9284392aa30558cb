import { Text } from '@react-email/components';

/** Someone's own words (an admin's question, a reply excerpt), set apart from the mail's text. */
export function Quote({ children }: { children: string }) {
  return (
    <Text
      style={{
        borderLeft: '3px solid #cbd5e1',
        color: '#334155',
        fontSize: '14px',
        lineHeight: '22px',
        margin: '8px 0 16px',
        padding: '4px 12px',
        whiteSpace: 'pre-wrap',
      }}
    >
      {children}
    </Text>
  );
}
