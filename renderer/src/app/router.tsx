import { createHashRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { CustomerFilePage } from '../features/customers/CustomerFilePage';
import { CustomerEditPage } from '../features/customers/CustomerEditPage';
import { VisitEditPage } from '../features/visits/VisitEditPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConflictsPage } from '../features/sync/ConflictsPage';
import { FeedbackListPage } from '../features/feedback/FeedbackListPage';
import { FeedbackDetailPage } from '../features/feedback/FeedbackDetailPage';
import { AdverseEventListPage } from '../features/adverseEvents/AdverseEventListPage';
import { AdverseEventDetailPage } from '../features/adverseEvents/AdverseEventDetailPage';
import { PharmacovigilancePage } from '../features/pharmacovigilance/PharmacovigilancePage';
import { TodayPage } from '../features/reminders/TodayPage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { ArticlePage } from '../features/knowledge/ArticlePage';
import { ArticleEditorPage } from '../features/knowledge/ArticleEditorPage';
import { ProductListPage } from '../features/knowledge/ProductListPage';
import { ProductPage } from '../features/knowledge/ProductPage';
import { MyQuestionsPage } from '../features/questions/MyQuestionsPage';
import { ExpertInboxPage } from '../features/questions/ExpertInboxPage';
import { AdminImportPage } from '../features/admin-import/AdminImportPage';

/** Hash routes: the same URLs work from app://, file:// and http://127.0.0.1. */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/today" replace /> },
        { path: 'today', element: <TodayPage /> },
        { path: 'customers', element: <CustomerListPage /> },
        { path: 'customers/new', element: <CustomerEditPage /> },
        { path: 'customers/:customerId', element: <CustomerFilePage /> },
        { path: 'customers/:customerId/edit', element: <CustomerEditPage /> },
        { path: 'customers/:customerId/visits/new', element: <VisitEditPage /> },
        { path: 'customers/:customerId/visits/:visitId', element: <VisitEditPage /> },
        { path: 'conflicts', element: <ConflictsPage /> },
        { path: 'feedback', element: <FeedbackListPage /> },
        { path: 'feedback/:feedbackId', element: <FeedbackDetailPage /> },
        { path: 'adverse-events', element: <AdverseEventListPage /> },
        { path: 'adverse-events/:reportId', element: <AdverseEventDetailPage /> },
        { path: 'pharmacovigilance', element: <PharmacovigilancePage /> },
        // The manager workspace (with the charts library) is its own chunk, loaded on first use.
        { path: 'team/*', lazy: () => import('../features/team/TeamWorkspace').then((m) => ({ Component: m.TeamWorkspace })) },
        { path: 'knowledge', element: <KnowledgePage /> },
        { path: 'knowledge/new', element: <ArticleEditorPage /> },
        { path: 'knowledge/:articleId', element: <ArticlePage /> },
        { path: 'knowledge/:articleId/edit', element: <ArticleEditorPage /> },
        { path: 'products', element: <ProductListPage /> },
        { path: 'products/:productId', element: <ProductPage /> },
        { path: 'questions', element: <MyQuestionsPage /> },
        { path: 'inbox', element: <ExpertInboxPage /> },
        { path: 'admin/import', element: <AdminImportPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/today" replace /> },
      ],
    },
  ]);
}
