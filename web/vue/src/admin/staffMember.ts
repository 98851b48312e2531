import type { StaffMember } from '@airtix/web-shared/api';

export function displayName(member: StaffMember): string {
  const full = [member.firstName, member.lastName].filter(Boolean).join(' ');
  return full || member.username || member.email;
}

export function standing(member: StaffMember): { text: string; tone: string } {
  if (member.suspended) return { text: 'Suspended: no roles', tone: 'sold' };
  if (!member.enabled) return { text: 'Sign-in disabled', tone: 'sold' };
  return { text: 'Active', tone: 'success' };
}

export const REQUIRED_ACTIONS: Record<string, string> = {
  VERIFY_EMAIL: 'verify their email',
  UPDATE_PASSWORD: 'choose a password',
  CONFIGURE_TOTP: 'set up a second factor',
  UPDATE_PROFILE: 'complete their profile',
};
