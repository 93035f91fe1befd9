import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ToastProvider } from '../ui/Toasts.js';
import { Layout } from './Layout.js';
import { ROUTES } from './routes.js';
import { NotFoundPage } from './NotFoundPage.js';
import { ErrorPage } from './ErrorPage.js';
import { AuthGate } from '../people/AuthGate.js';

const queryClient = new QueryClient({
  defaultOptions: {
    // Local SQLite: data is fresh until a mutation invalidates it; no refetch storms on focus.
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      ...ROUTES.map((r) => ({ path: r.path, element: r.element, errorElement: <ErrorPage /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AuthGate>
          <RouterProvider router={router} />
        </AuthGate>
      </ToastProvider>
    </QueryClientProvider>
  );
}
