import { createHashRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { CustomerFilePage } from '../features/customers/CustomerFilePage';
import { CustomerEditPage } from '../features/customers/CustomerEditPage';
import { VisitEditPage } from '../features/visits/VisitEditPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConflictsPage } from '../features/sync/ConflictsPage';

/** Hash routes: the same URLs work from app://, file:// and http://127.0.0.1. */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/customers" replace /> },
        { path: 'customers', element: <CustomerListPage /> },
        { path: 'customers/new', element: <CustomerEditPage /> },
        { path: 'customers/:customerId', element: <CustomerFilePage /> },
        { path: 'customers/:customerId/edit', element: <CustomerEditPage /> },
        { path: 'customers/:customerId/visits/new', element: <VisitEditPage /> },
        { path: 'customers/:customerId/visits/:visitId', element: <VisitEditPage /> },
        { path: 'conflicts', element: <ConflictsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/customers" replace /> },
      ],
    },
  ]);
}
