import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  // Test helpers named use* (useTestDb) are not React hooks.
  { files: ['tests/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // Layers: the database and the e-mail templates sit below the app and import nothing from it.
  {
    files: ['db/**', 'emails/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib', '@/lib/*', '@/app/*', '@/components/*', '../lib/*', '../../lib/*', '../app/*', '../components/*'],
              message: 'db/ and emails/ sit below lib/: pass what they need in, or move it down.',
            },
          ],
        },
      ],
    },
  },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts'] },
];

export default config;
