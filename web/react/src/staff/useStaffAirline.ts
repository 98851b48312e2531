import { staffAirline } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';

/** The airline whose pages are shown; '' only outside RequireRole, where no staff page is rendered. */
export function useStaffAirline(): string {
  return staffAirline(useAuth().access) ?? '';
}
