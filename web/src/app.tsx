import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { setupQuery } from './api/queries.ts';
import { useMe } from './auth/session.ts';
import { AppLayout } from './components/app-layout.tsx';
import { ErrorAlert } from './components/error-alert.tsx';
import { PageLoader } from './components/page-loader.tsx';
import { canOpen, type NavKey } from './nav.ts';
import { HomePage } from './pages/home-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

// Pages an office user opens now and then load on demand.
const SetupPage = lazy(() => import('./pages/setup-page.tsx').then((m) => ({ default: m.SetupPage })));
const UsersPage = lazy(() => import('./pages/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const OfficesPage = lazy(() => import('./pages/offices-page.tsx').then((m) => ({ default: m.OfficesPage })));
const RegionsPage = lazy(() => import('./pages/regions-page.tsx').then((m) => ({ default: m.RegionsPage })));
const AuditPage = lazy(() => import('./pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const OrganisationPage = lazy(() => import('./pages/organisation-page.tsx').then((m) => ({ default: m.OrganisationPage })));
const PersonsPage = lazy(() => import('./pages/registry/persons-page.tsx').then((m) => ({ default: m.PersonsPage })));
const PersonPage = lazy(() => import('./pages/registry/person-page.tsx').then((m) => ({ default: m.PersonPage })));
const HouseholdNewPage = lazy(() => import('./pages/registry/household-new-page.tsx').then((m) => ({ default: m.HouseholdNewPage })));
const HouseholdPage = lazy(() => import('./pages/registry/household-page.tsx').then((m) => ({ default: m.HouseholdPage })));
const ImportPage = lazy(() => import('./pages/registry/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const RemindersPage = lazy(() => import('./pages/reminders/reminders-page.tsx').then((m) => ({ default: m.RemindersPage })));
const DuplicatesPage = lazy(() => import('./pages/registry/duplicates-page.tsx').then((m) => ({ default: m.DuplicatesPage })));
const GroupsPage = lazy(() => import('./pages/groups/groups-page.tsx').then((m) => ({ default: m.GroupsPage })));
const GroupNewPage = lazy(() => import('./pages/groups/group-new-page.tsx').then((m) => ({ default: m.GroupNewPage })));
const GroupPage = lazy(() => import('./pages/groups/group-page.tsx').then((m) => ({ default: m.GroupPage })));
const AccountsPage = lazy(() => import('./pages/ledger/accounts-page.tsx').then((m) => ({ default: m.AccountsPage })));
const TrialBalancePage = lazy(() => import('./pages/ledger/trial-balance-page.tsx').then((m) => ({ default: m.TrialBalancePage })));
const AccountStatementPage = lazy(() =>
  import('./pages/ledger/account-statement-page.tsx').then((m) => ({ default: m.AccountStatementPage })),
);
const ReportsPage = lazy(() => import('./pages/ledger/reports-page.tsx').then((m) => ({ default: m.ReportsPage })));
const JournalPage = lazy(() => import('./pages/ledger/journal-page.tsx').then((m) => ({ default: m.JournalPage })));
const FundsPage = lazy(() => import('./pages/ledger/funds-page.tsx').then((m) => ({ default: m.FundsPage })));
const FundPage = lazy(() => import('./pages/ledger/fund-page.tsx').then((m) => ({ default: m.FundPage })));
const EntryPage = lazy(() => import('./pages/ledger/entry-page.tsx').then((m) => ({ default: m.EntryPage })));
const CashDrawerPage = lazy(() => import('./pages/ledger/cash-drawer-page.tsx').then((m) => ({ default: m.CashDrawerPage })));
const DrawerDetailPage = lazy(() => import('./pages/ledger/drawer-detail-page.tsx').then((m) => ({ default: m.DrawerDetailPage })));

const FinancingsPage = lazy(() => import('./pages/financing/financings-page.tsx').then((m) => ({ default: m.FinancingsPage })));
const FinancingPage = lazy(() => import('./pages/financing/financing-page.tsx').then((m) => ({ default: m.FinancingPage })));
const ApplicationPage = lazy(() => import('./pages/financing/application-page.tsx').then((m) => ({ default: m.ApplicationPage })));
const ProductsPage = lazy(() => import('./pages/financing/products-page.tsx').then((m) => ({ default: m.ProductsPage })));
const ProductNewPage = lazy(() => import('./pages/financing/product-new-page.tsx').then((m) => ({ default: m.ProductNewPage })));
const UsepReportsPage = lazy(() => import('./pages/usep/usep-pages.tsx').then((m) => ({ default: m.UsepReportsPage })));
const UsepChainPage = lazy(() => import('./pages/usep/usep-chain-page.tsx').then((m) => ({ default: m.UsepChainPage })));
const UsepGroupPage = lazy(() => import('./pages/usep/usep-group-page.tsx').then((m) => ({ default: m.UsepGroupPage })));
const UsepOverviewPage = lazy(() => import('./pages/usep/usep-pages.tsx').then((m) => ({ default: m.UsepOverviewPage })));
const PortfolioPage = lazy(() => import('./pages/portfolio/portfolio-page.tsx').then((m) => ({ default: m.PortfolioPage })));
const AtRiskFinancingsPage = lazy(() => import('./pages/portfolio/at-risk-page.tsx').then((m) => ({ default: m.AtRiskFinancingsPage })));
const QueuePage = lazy(() => import('./pages/portfolio/queue-page.tsx').then((m) => ({ default: m.QueuePage })));

// The financing pages, opened when the role's navigation has financing.
const FINANCING_PAGES: { nav: NavKey; path: string; page: React.ReactNode }[] = [
  { nav: 'financings', path: 'financings', page: <FinancingsPage /> },
  { nav: 'financings', path: 'financings/new', page: <ApplicationPage /> },
  { nav: 'financings', path: 'financings/:id', page: <FinancingPage /> },
  { nav: 'financingProducts', path: 'financing/products', page: <ProductsPage /> },
  { nav: 'financingProducts', path: 'financing/products/new', page: <ProductNewPage /> },
  { nav: 'portfolio', path: 'financing/portfolio', page: <PortfolioPage /> },
  { nav: 'portfolio', path: 'financing/portfolio/at-risk', page: <AtRiskFinancingsPage /> },
  { nav: 'revolvingQueue', path: 'financing/queue', page: <QueuePage /> },
  { nav: 'usepChain', path: 'usep/chain', page: <UsepChainPage /> },
  { nav: 'usepChain', path: 'usep/groups/:id', page: <UsepGroupPage /> },
  { nav: 'usepReports', path: 'usep/reports', page: <UsepReportsPage /> },
  { nav: 'usepOverview', path: 'usep/overview', page: <UsepOverviewPage /> },
];

// The finance pages: one route each, opened when the role's navigation has it.
const FINANCE_PAGES: { nav: NavKey; path: string; page: React.ReactNode }[] = [
  { nav: 'accounts', path: 'finance/accounts', page: <AccountsPage /> },
  { nav: 'trialBalance', path: 'finance/trial-balance', page: <TrialBalancePage /> },
  { nav: 'accountStatement', path: 'finance/ledger', page: <AccountStatementPage /> },
  { nav: 'reports', path: 'finance/reports', page: <ReportsPage /> },
  { nav: 'journal', path: 'finance/journal', page: <JournalPage /> },
  { nav: 'accountStatement', path: 'finance/entries/:id', page: <EntryPage /> },
  { nav: 'funds', path: 'finance/funds', page: <FundsPage /> },
  { nav: 'funds', path: 'finance/funds/:id', page: <FundPage /> },
  { nav: 'cashDrawer', path: 'finance/cash-drawer', page: <CashDrawerPage /> },
  { nav: 'cashDrawer', path: 'finance/cash-drawer/:id', page: <DrawerDetailPage /> },
];
const ProgrammesPage = lazy(() => import('./pages/aid/programmes-page.tsx').then((m) => ({ default: m.ProgrammesPage })));
const ProgrammePage = lazy(() => import('./pages/aid/programme-page.tsx').then((m) => ({ default: m.ProgrammePage })));
const CyclePage = lazy(() => import('./pages/aid/cycle-page.tsx').then((m) => ({ default: m.CyclePage })));
const ProgressPage = lazy(() => import('./pages/aid/progress-page.tsx').then((m) => ({ default: m.ProgressPage })));

// The social assistance pages (src/modules/aid/aid.roles.ts: AID_READERS).
const AID_PAGES: { nav: NavKey; path: string; page: React.ReactNode }[] = [
  { nav: 'aidProgrammes', path: 'aid/programmes', page: <ProgrammesPage /> },
  { nav: 'aidProgrammes', path: 'aid/programmes/:id', page: <ProgrammePage /> },
  { nav: 'aidProgrammes', path: 'aid/cycles/:id', page: <CyclePage /> },
  { nav: 'aidProgress', path: 'aid/progress', page: <ProgressPage /> },
];
const CadresPage = lazy(() => import('./pages/cadres/cadres-page.tsx').then((m) => ({ default: m.CadresPage })));
const CadrePage = lazy(() => import('./pages/cadres/cadre-page.tsx').then((m) => ({ default: m.CadrePage })));
const SavingsAccountPage = lazy(() => import('./pages/savings/account-page.tsx').then((m) => ({ default: m.SavingsAccountPage })));
// The offline field app: its own shell, opened without the setup and session checks (they need the server).
const IksPage = lazy(() => import('./pages/health/iks-page.tsx').then((m) => ({ default: m.IksPage })));
const PregnanciesPage = lazy(() => import('./pages/health/pregnancies-page.tsx').then((m) => ({ default: m.PregnanciesPage })));
const RecallsPage = lazy(() => import('./pages/health/recalls-page.tsx').then((m) => ({ default: m.RecallsPage })));
const SessionsPage = lazy(() => import('./pages/health/sessions-page.tsx').then((m) => ({ default: m.SessionsPage })));
const AtRiskPage = lazy(() => import('./pages/health/at-risk-page.tsx').then((m) => ({ default: m.AtRiskPage })));
const ComparisonPage = lazy(() => import('./pages/health/comparison-page.tsx').then((m) => ({ default: m.ComparisonPage })));
const PartnershipsPage = lazy(() => import('./pages/partnerships/partnerships-page.tsx').then((m) => ({ default: m.PartnershipsPage })));
const DashboardsPage = lazy(() => import('./pages/dashboards/dashboards-page.tsx').then((m) => ({ default: m.DashboardsPage })));
const FieldApp = lazy(() => import('./field/field-app.tsx').then((m) => ({ default: m.FieldApp })));

function RequireSession({ children }: { children: React.ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader fullScreen />;
  if (me.isError)
    return (
      <div style={{ padding: 16 }}>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

function RequireNav({ nav, children }: { nav: NavKey; children: React.ReactNode }) {
  const me = useMe();
  if (!me.data || !canOpen(me.data.role, nav)) return <NotFoundPage />;
  return children;
}

export function App() {
  const { pathname } = useLocation();
  if (pathname === '/field' || pathname.startsWith('/field/'))
    return (
      <Routes>
        <Route
          path="/field/*"
          element={
            <Suspense fallback={<PageLoader fullScreen />}>
              <FieldApp />
            </Suspense>
          }
        />
      </Routes>
    );
  return <OfficeApp />;
}

function OfficeApp() {
  const setup = useQuery(setupQuery);
  const location = useLocation();
  if (setup.isPending) return <PageLoader fullScreen />;
  if (setup.isError)
    return (
      <div style={{ padding: 16 }}>
        <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />
      </div>
    );
  const onSetup = location.pathname === '/setup';
  if (setup.data.needed && !onSetup) return <Navigate to="/setup" replace />;
  // Just set up (or opened again later): the login page says the organisation is ready.
  if (!setup.data.needed && onSetup) return <Navigate to="/login" replace state={{ setupDone: true }} />;

  return (
    <Routes>
      <Route path="/setup" element={<SetupPageRoute />} />
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="users"
          element={
            <RequireNav nav="users">
              <UsersPage />
            </RequireNav>
          }
        />
        <Route
          path="offices"
          element={
            <RequireNav nav="offices">
              <OfficesPage />
            </RequireNav>
          }
        />
        <Route
          path="regions/:code?"
          element={
            <RequireNav nav="regions">
              <RegionsPage />
            </RequireNav>
          }
        />
        <Route
          path="audit"
          element={
            <RequireNav nav="audit">
              <AuditPage />
            </RequireNav>
          }
        />
        <Route
          path="organisation"
          element={
            <RequireNav nav="organisation">
              <OrganisationPage />
            </RequireNav>
          }
        />
        <Route
          path="cadres"
          element={
            <RequireNav nav="cadres">
              <CadresPage />
            </RequireNav>
          }
        />
        <Route
          path="cadres/:id"
          element={
            <RequireNav nav="cadres">
              <CadrePage />
            </RequireNav>
          }
        />
        <Route
          path="health/iks"
          element={
            <RequireNav nav="healthIks">
              <IksPage />
            </RequireNav>
          }
        />
        <Route
          path="health/recalls"
          element={
            <RequireNav nav="recalls">
              <RecallsPage />
            </RequireNav>
          }
        />
        <Route
          path="health/pregnancies"
          element={
            <RequireNav nav="recalls">
              <PregnanciesPage />
            </RequireNav>
          }
        />
        <Route
          path="health/sessions/*"
          element={
            <RequireNav nav="healthSessions">
              <SessionsPage />
            </RequireNav>
          }
        />
        <Route
          path="health/at-risk"
          element={
            <RequireNav nav="atRisk">
              <AtRiskPage />
            </RequireNav>
          }
        />
        <Route
          path="health/comparison"
          element={
            <RequireNav nav="repaymentComparison">
              <ComparisonPage />
            </RequireNav>
          }
        />
        <Route
          path="partnerships/*"
          element={
            <RequireNav nav="partnerships">
              <PartnershipsPage />
            </RequireNav>
          }
        />
        <Route
          path="dashboards/:subject?"
          element={
            <RequireNav nav="dashboards">
              <DashboardsPage />
            </RequireNav>
          }
        />
        <Route
          path="persons"
          element={
            <RequireNav nav="persons">
              <PersonsPage />
            </RequireNav>
          }
        />
        <Route
          path="persons/:id"
          element={
            <RequireNav nav="persons">
              <PersonPage />
            </RequireNav>
          }
        />
        <Route
          path="households/new"
          element={
            <RequireNav nav="persons">
              <HouseholdNewPage />
            </RequireNav>
          }
        />
        <Route
          path="households/import"
          element={
            <RequireNav nav="import">
              <ImportPage />
            </RequireNav>
          }
        />
        <Route
          path="households/:id"
          element={
            <RequireNav nav="persons">
              <HouseholdPage />
            </RequireNav>
          }
        />
        <Route
          path="groups"
          element={
            <RequireNav nav="groups">
              <GroupsPage />
            </RequireNav>
          }
        />
        <Route
          path="groups/new"
          element={
            <RequireNav nav="groups">
              <GroupNewPage />
            </RequireNav>
          }
        />
        <Route
          path="groups/:id"
          element={
            <RequireNav nav="groups">
              <GroupPage />
            </RequireNav>
          }
        />
        <Route
          path="savings/:id"
          element={
            <RequireNav nav="persons">
              <SavingsAccountPage />
            </RequireNav>
          }
        />
        <Route
          path="duplicates"
          element={
            <RequireNav nav="duplicates">
              <DuplicatesPage />
            </RequireNav>
          }
        />
        <Route
          path="reminders"
          element={
            <RequireNav nav="reminders">
              <RemindersPage />
            </RequireNav>
          }
        />
        {[...FINANCING_PAGES, ...FINANCE_PAGES, ...AID_PAGES].map(({ nav, path, page }) => (
          <Route key={path} path={path} element={<RequireNav nav={nav}>{page}</RequireNav>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function SetupPageRoute() {
  return (
    <Suspense fallback={<PageLoader fullScreen />}>
      <SetupPage />
    </Suspense>
  );
}
