export { default } from '@/components/i18n/all-messages-layout';
