/*
 * The special parts of processing (issue 5 items 5 and 6): consultation, delegation,
 * inter-agency transfer, extension, financial obligation, result document, approval rounds and
 * the return of results. Mounted by processingRoutes(); registers the parts' engine hooks.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerDeskPanel } from '#users/index'
import { registerDossierSection } from '#processing/services/dossier_sections'
import { registerSpecialHooks } from '#processing/special/hooks'

const ConsultationsController = () => import('#processing/special/controllers/consultations_controller')
const HandoversController = () => import('#processing/special/controllers/handovers_controller')
const ExtensionsController = () => import('#processing/special/controllers/extensions_controller')
const FinancialObligationsController = () => import('#processing/special/controllers/financial_obligations_controller')
const ResultDocumentsController = () => import('#processing/special/controllers/result_documents_controller')
const ApprovalsController = () => import('#processing/special/controllers/approvals_controller')
const ResultReturnsController = () => import('#processing/special/controllers/result_returns_controller')

export function specialRoutes() {
  registerSpecialHooks()
  // Loaded when first shown, like the controllers, so booting the routes stays light.
  registerDossierSection(async ({ view }, dossier, officer, context) => {
    const { specialPanel, hasContent } = await import('#processing/special/services/panel')
    const panel = await specialPanel(dossier, officer, context)
    return hasContent(panel) ? view.render('processing::special/panel', { panel }) : null
  })
  registerDeskPanel(async ({ view }, officer) => {
    const { countWaitingConsultations } = await import('#processing/special/services/consultations')
    const waiting = officer.isOfficer ? await countWaitingConsultations(officer) : 0
    return waiting ? view.render('processing::special/desk', { waiting }) : null
  })
  router
    .group(() => {
      router.get('/ho-so/:id/xin-y-kien', [ConsultationsController, 'show']).as('special.consultations.show')
      router.post('/ho-so/:id/xin-y-kien', [ConsultationsController, 'store']).as('special.consultations.store')
      router.get('/xin-y-kien', [ConsultationsController, 'index']).as('special.consultations.queue')
      router.get('/xin-y-kien/:id', [ConsultationsController, 'answerForm']).as('special.consultations.answer_form')
      router.post('/xin-y-kien/:id', [ConsultationsController, 'answer']).as('special.consultations.answer')

      router.get('/ho-so/:id/uy-quyen', [HandoversController, 'delegation']).as('special.delegations.show')
      router.post('/ho-so/:id/uy-quyen', [HandoversController, 'delegate']).as('special.delegations.store')
      router.post('/ho-so/:id/uy-quyen/ket-thuc', [HandoversController, 'endDelegation']).as('special.delegations.end')
      router.get('/ho-so/:id/lien-thong', [HandoversController, 'transfer']).as('special.transfers.show')
      router.post('/ho-so/:id/lien-thong', [HandoversController, 'sendTransfer']).as('special.transfers.store')
      router.post('/ho-so/:id/lien-thong/tra-lai', [HandoversController, 'returnTransfer']).as('special.transfers.return')

      router.get('/ho-so/:id/gia-han', [ExtensionsController, 'show']).as('special.extensions.show')
      router.post('/ho-so/:id/gia-han', [ExtensionsController, 'store']).as('special.extensions.store')

      router.get('/ho-so/:id/nghia-vu-tai-chinh', [FinancialObligationsController, 'show']).as('special.obligations.show')
      router.post('/ho-so/:id/nghia-vu-tai-chinh', [FinancialObligationsController, 'store']).as('special.obligations.store')
      router.post('/ho-so/:id/nghia-vu-tai-chinh/nop', [FinancialObligationsController, 'pay']).as('special.obligations.pay')

      router.get('/ho-so/:id/ket-qua', [ResultDocumentsController, 'show']).as('special.results.show')
      router.post('/ho-so/:id/ket-qua', [ResultDocumentsController, 'store']).as('special.results.store')
      router.post('/ho-so/:id/ket-qua/tu-mau', [ResultDocumentsController, 'generate']).as('special.results.generate')

      router.get('/phe-duyet', [ApprovalsController, 'index']).as('special.approvals.index')
      router.get('/ho-so/:id/phe-duyet', [ApprovalsController, 'show']).as('special.approvals.show')
      router.post('/ho-so/:id/phe-duyet', [ApprovalsController, 'store']).as('special.approvals.store')

      router.get('/tra-ket-qua', [ResultReturnsController, 'index']).as('special.returns.index')
      router.get('/ho-so/:id/tra-ket-qua', [ResultReturnsController, 'show']).as('special.returns.show')
      router.post('/ho-so/:id/tra-ket-qua', [ResultReturnsController, 'store']).as('special.returns.store')
      router.post('/ho-so/:id/tra-ket-qua/chua-tra', [ResultReturnsController, 'notReturned']).as('special.returns.not_returned')
    })
    .prefix('/mot-cua')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
