import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from '../api/ApiProvider';
import { AuthProvider } from '../auth/AuthProvider';
import { LiveProvider } from '../live/LiveProvider';
import { AppRoutes } from './routes';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers are final; retry what may pass (network, 5xx) twice
        retry: (failures, error) => {
          const status = (error as { status?: number }).status;
          return failures < 2 && (status === undefined || status >= 500);
        },
      },
    },
  });
}

export function App({ userManager }: { userManager: UserManager }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <AuthProvider userManager={userManager}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider>
          <LiveProvider>
            <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
              <AppRoutes />
            </BrowserRouter>
          </LiveProvider>
        </ApiProvider>
      </QueryClientProvider>
    </AuthProvider>
  );
}
