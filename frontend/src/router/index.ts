import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import AccountsList from '@/views/accounts/AccountsList.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'dashboard', component: () => import('@/views/dashboard/DashboardView.vue'), meta: { nav: 'dashboard' } },
  { path: '/accounts', name: 'accounts', component: AccountsList, meta: { nav: 'accounts' } },
  { path: '/accounts/:id', name: 'account', component: () => import('@/views/accounts/workspace/AccountWorkspace.vue'), props: true, meta: { nav: 'accounts' } },
  { path: '/actions', name: 'actions', component: () => import('@/views/actions/MyActions.vue'), meta: { nav: 'actions' } },
  { path: '/portfolio', name: 'portfolio', component: () => import('@/views/portfolio/PortfolioView.vue'), meta: { nav: 'portfolio' } },
  { path: '/pipeline', name: 'pipeline', component: () => import('@/views/winloss/PipelineView.vue'), meta: { nav: 'pipeline' } },
  { path: '/winloss', name: 'winloss', component: () => import('@/views/winloss/WinLossView.vue'), meta: { nav: 'winloss' } },
  { path: '/programs', name: 'programs', component: () => import('@/views/programs/ProgramsList.vue'), meta: { nav: 'programs' } },
  { path: '/programs/:id', name: 'program', component: () => import('@/views/programs/ProgramView.vue'), props: true, meta: { nav: 'programs' } },
  { path: '/retention', name: 'retention', component: () => import('@/views/retention/RetentionPortfolio.vue'), meta: { nav: 'retention' } },
  { path: '/reviews', name: 'reviews', component: () => import('@/views/reviews/ReviewsList.vue'), meta: { nav: 'reviews' } },
  { path: '/reviews/:id', name: 'review', component: () => import('@/views/reviews/ReviewView.vue'), props: true, meta: { nav: 'reviews' } },
  { path: '/settings', name: 'settings', component: () => import('@/views/settings/SettingsView.vue'), meta: { nav: 'settings' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFound.vue') },
]

// Hash history: the desktop asset server and the browser bridge both serve
// index.html at "/" only, so deep links must live after the "#".
export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})
