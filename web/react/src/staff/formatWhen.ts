export { formatWhen } from '@airtix/web-shared/staff';
