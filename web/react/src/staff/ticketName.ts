export { ticketName } from '@airtix/web-shared/staff';
