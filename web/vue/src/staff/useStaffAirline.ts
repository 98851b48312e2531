import { staffAirline } from '@airtix/web-shared/access';
import { computed, type ComputedRef } from 'vue';
import { useAuth } from '../auth/auth';

/** The airline whose pages are shown; '' only outside RequireRole, where no staff page is rendered. */
export function useStaffAirline(): ComputedRef<string> {
  const auth = useAuth();
  return computed(() => staffAirline(auth.access) ?? '');
}

/** The page of a list from the address, counted from 0 (`?page=2` is the second, 1). */
export function pageOf(asked: unknown): number {
  const first = Array.isArray(asked) ? asked[0] : asked;
  return Math.max(0, Number(typeof first === 'string' ? first : '1') - 1) || 0;
}
