import type { HttpContext } from '@adonisjs/core/http'
import { formatDateTime } from '#services/vietnamese_format'
import { requireTenantScope } from '#tenancy/tenant_context'
import { listPublishedProcedures, validateEformValues, type Procedure } from '#catalog/index'
import type { User } from '#users/index'
import type StoredFile from '#intake/files/stored_file'
import { storeUploadedFile, UploadRejected, uploadLimits, typeList, sizeLabel, type FileAttachment } from '#intake/files/stored_files'
import {
  counterFormMessages,
  counterIntakeValidator,
  COUNTER_INPUTS,
  messagesByField,
  paperLines,
  registryLookupValidator,
} from '#intake/counter/validators/counter_validators'
import {
  intakeFormParts,
  keptScans,
  prefillFrom,
  prefillFromRegistry,
  procedureForIntake,
  storeEformUploads,
  type ApplicantFields,
} from '#intake/counter/services/intake_form'
import {
  askPopulationRegistry,
  rememberVerification,
  verificationShown,
  verifiedApplicant,
  type RegistryAnswer,
} from '#intake/counter/services/applicant_verification'
import { accountWithNationalId, applicantAccount, applicantByRef, findApplicants } from '#intake/counter/services/applicant_directory'
import { missingRequired } from '#intake/counter/services/completeness'
import { IncompleteDossierError, NoReceivingUnitError, receiveAtCounter, type CounterDecision } from '#intake/counter/services/receive_at_counter'
import { NoIntakeStepError } from '#intake/counter/services/intake_decisions'
import { lookupLinks, pageAfterDecision, wantsFragment } from '#intake/counter/controllers/counter_http'

interface FormState {
  form: {
    _applicant?: ApplicantFields
    _components?: number[]
    _missing?: number[]
    _channel?: string
    _reason?: string
    _other_papers?: string
  }
  eformValues: Record<string, unknown>
  errors: Record<string, string[]>
  formError?: string | null
  missing?: string[] | null
  scans?: StoredFile[]
  search?: { term: string; results: unknown[] } | null
  reused?: { name: string; hasAccount: boolean } | null
  /** OS-5.9: what the National Population Database just answered for the number. */
  registryAnswer?: RegistryAnswer | null
  /** OS-5.9: why the number could not be verified, said at the number. */
  verificationProblem?: { kind: 'invalid' | 'not_found' | 'unavailable'; message: string } | null
}

function ids(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)
}

/**
 * OS-5.1, OS-5.2, OS-5.7, OS-5.9, OS-6.6, ST-1, ST-3 to ST-5: a paper dossier received at the
 * counter or by post. GET shows the procedure picker, then the intake form; POST checks the
 * completeness only ("check") or registers the dossier with the receptionist's decision.
 */
export default class CounterIntakesController {
  async create(ctx: HttpContext) {
    const { request, bouncer, view, response } = ctx
    await bouncer.authorize('receiveDossiers')
    const qs = request.qs()
    if (qs['thu-tuc'] === undefined) return this.picker(ctx)

    const procedure = await procedureForIntake(Number(qs['thu-tuc']))
    const term = typeof qs.tim === 'string' ? qs.tim.trim().slice(0, 100) : ''
    const state: FormState = { form: { _channel: 'counter' }, eformValues: {}, errors: {} }
    if (term) state.search = { term, results: await findApplicants(term) }
    const candidate = await applicantByRef(qs['nguoi-nop'])
    const parts = await intakeFormParts(procedure)
    if (candidate) {
      const prefill = prefillFrom(candidate, parts.eform?.fields ?? [])
      state.form._applicant = prefill.applicant
      state.eformValues = prefill.eformValues
      state.reused = { name: candidate.fullName, hasAccount: candidate.accountId !== null }
    }
    response.header('Vary', 'HX-Request, HX-Request-Type')
    if (wantsFragment(ctx) && state.search) {
      return view.render('intake::counter/_applicant_suggestions', { procedure, search: state.search })
    }
    return this.renderForm(ctx, procedure, parts, state)
  }

  async store(ctx: HttpContext) {
    const { request, response, bouncer, auth, i18n, session } = ctx
    await bouncer.authorize('receiveDossiers')
    const officer = auth.user!
    const procedure = await procedureForIntake(Number(request.input('_procedure')))
    const parts = await intakeFormParts(procedure)
    const receivedIds = ids(request.input('_components'))
    const state: FormState = {
      form: {
        ...request.only(['_applicant', '_channel', '_reason', '_other_papers']),
        _components: receivedIds,
        _missing: ids(request.input('_missing')),
      },
      eformValues: request.except(COUNTER_INPUTS),
      errors: {},
    }
    // htmx swaps the applicant's fields only: the scans chosen stay in the page, not stored yet.
    if (request.input('_decision') === 'verify' && wantsFragment(ctx)) return this.verifyApplicant(ctx, procedure, parts, state)

    const scans = await this.scans(ctx, officer)
    state.scans = scans.files
    if (scans.problems.length) state.errors._scans = scans.problems

    if (request.input('_decision') === 'check') {
      state.missing = missingRequired(procedure.components, receivedIds).map((component) => component.name)
      return this.renderForm(ctx, procedure, parts, state)
    }
    if (request.input('_decision') === 'verify') return this.verifyApplicant(ctx, procedure, parts, state)

    const [error, data] = await request.tryValidateUsing(counterIntakeValidator, { messagesProvider: counterFormMessages(i18n) })
    if (error) Object.assign(state.errors, messagesByField(error))
    const decision = await this.decisionOf(ctx, procedure, parts, state)
    if (!data || !decision || Object.keys(state.errors).length || state.formError) {
      return this.renderForm(ctx, procedure, parts, state, 422)
    }

    try {
      const attachments: FileAttachment[] = (state.scans ?? []).map((file) => ({ fileId: file.id, kind: 'scan', label: file.originalName }))
      if (decision.kind === 'accept' && decision.eform && parts.eform) {
        const stored = await storeEformUploads(parts.eform.fields, decision.eform.values, officer.id)
        decision.eform.values = stored.values
        attachments.push(...stored.attachments)
      }
      const verification = verifiedApplicant(session, requireTenantScope().tenant.id, data._applicant)
      const dossier = await receiveAtCounter(
        {
          procedure,
          channel: data._channel,
          officer,
          applicant: {
            fullName: data._applicant.full_name,
            nationalId: data._applicant.national_id,
            organisationName: data._applicant.organisation_name,
            taxCode: data._applicant.tax_code,
            phone: data._applicant.phone,
            email: data._applicant.email,
            address: data._applicant.address,
          },
          applicantAccountId: await this.accountOf(data._applicant),
          applicantVerification: verification ? { verifiedAt: verification.verifiedAt, source: verification.source } : null,
          receivedComponentIds: receivedIds,
          attachments,
          decision,
        },
        { lookupUrl: lookupLinks(ctx) }
      )
      const notice =
        decision.kind === 'accept'
          ? i18n.t('counter.notices.accepted', { code: dossier.code, appointment: formatDateTime(dossier.appointmentAt) })
          : i18n.t(decision.kind === 'supplement' ? 'counter.notices.supplement_requested' : 'counter.notices.refused', { code: dossier.code })
      session.flash('notice', dossier.applicantEmail ? `${notice} ${i18n.t('counter.notices.emailed')}` : notice)
      return response.redirect().status(303).toPath(pageAfterDecision(dossier))
    } catch (failure) {
      if (failure instanceof IncompleteDossierError) {
        state.missing = failure.missing
        state.formError = i18n.t('counter.errors.incomplete', { missing: failure.missing.join('; ') })
      } else if (failure instanceof NoIntakeStepError) {
        state.formError = i18n.t('counter.errors.no_intake_step')
      } else if (failure instanceof NoReceivingUnitError) {
        state.formError = i18n.t('counter.errors.no_receiving_unit')
      } else throw failure
      return this.renderForm(ctx, procedure, parts, state, 422)
    }
  }

  /**
   * The receptionist's decision as the form gives it, its own problems put in `state`: the
   * completeness check and the e-form for an acceptance (OS-5.2), the papers for a supplement.
   */
  private async decisionOf(
    { request, i18n }: HttpContext,
    procedure: Procedure,
    parts: Awaited<ReturnType<typeof intakeFormParts>>,
    state: FormState
  ): Promise<CounterDecision | null> {
    const reason = String(request.input('_reason') ?? '')
    switch (request.input('_decision')) {
      case 'accept': {
        const missing = missingRequired(procedure.components, state.form._components ?? []).map((component) => component.name)
        if (missing.length) {
          state.missing = missing
          state.formError = i18n.t('counter.errors.incomplete', { missing: missing.join('; ') })
        }
        if (!parts.eform) return { kind: 'accept', eform: null }
        const input = { ...request.except(COUNTER_INPUTS), ...this.eformFiles(request.allFiles()) }
        const result = await validateEformValues(parts.eform.fields, input, { i18n })
        if (result.valid) return { kind: 'accept', eform: { id: parts.eform.id, version: parts.eform.version, values: result.values } }
        Object.assign(state.errors, result.errors)
        state.formError ??= i18n.t('counter.errors.eform_invalid')
        return null
      }
      case 'supplement': {
        const picked = state.form._missing ?? []
        const named = procedure.components.filter((component) => picked.includes(component.id))
        const papers = [...named.map((component) => component.name), ...paperLines(request.input('_other_papers'))]
        if (!papers.length) state.errors._missing = [i18n.t('counter.errors.papers_required')]
        return { kind: 'supplement', reason, papers }
      }
      case 'refuse':
        return { kind: 'refuse', reason }
      default:
        return null
    }
  }

  /**
   * OS-5.9: the applicant's number asked of the National Population Database. Found: the form
   * comes back with the registry's name, date of birth and residence filled in and everything else
   * as typed, the verification kept in the session for the receipt. Otherwise the reason is said at
   * the number and nothing typed is lost, so the receptionist goes on by hand.
   */
  private async verifyApplicant(
    ctx: HttpContext,
    procedure: Procedure,
    parts: Awaited<ReturnType<typeof intakeFormParts>>,
    state: FormState
  ) {
    const { request, i18n, session } = ctx
    const [error, lookup] = await request.tryValidateUsing(registryLookupValidator, { messagesProvider: counterFormMessages(i18n) })
    if (error) {
      state.verificationProblem = { kind: 'invalid', message: Object.values(messagesByField(error)).flat()[0] }
      return this.renderVerification(ctx, procedure, parts, state, 422)
    }
    const outcome = await askPopulationRegistry(lookup._applicant.national_id)
    if (outcome.status !== 'verified') {
      state.verificationProblem = { kind: outcome.status, message: i18n.t(`counter.verification.${outcome.status}`) }
      return this.renderVerification(ctx, procedure, parts, state, outcome.status === 'not_found' ? 422 : 200)
    }
    rememberVerification(session, requireTenantScope().tenant.id, outcome.citizen, outcome.at)
    const filled = prefillFromRegistry(outcome.citizen, state.form._applicant ?? {}, state.eformValues, parts.eform?.fields ?? [])
    const eformFilled = JSON.stringify(filled.eformValues) !== JSON.stringify(state.eformValues)
    state.form._applicant = filled.applicant
    state.eformValues = filled.eformValues
    state.registryAnswer = { citizen: outcome.citizen, differences: filled.differences }
    return this.renderVerification(ctx, procedure, parts, state, 200, eformFilled)
  }

  /** The whole form, or for htmx the applicant's fields (and the e-form when the registry filled some of it). */
  private renderVerification(
    ctx: HttpContext,
    procedure: Procedure,
    parts: Awaited<ReturnType<typeof intakeFormParts>>,
    state: FormState,
    status: number,
    eformFilled = false
  ) {
    if (!wantsFragment(ctx)) return this.renderForm(ctx, procedure, parts, state, status)
    ctx.response.status(status)
    return ctx.view.render('intake::counter/_applicant_verified', {
      ...this.formView(ctx, procedure, parts, state),
      refreshEform: eformFilled && parts.eform !== null,
    })
  }

  /** The published procedures, searched by name or code (the first step of a counter intake). */
  private async picker(ctx: HttpContext) {
    const { request, view, response } = ctx
    const q = typeof request.qs().q === 'string' ? request.qs().q.trim().slice(0, 100) : ''
    const page = Number(request.qs().page) > 0 ? Number(request.qs().page) : 1
    const procedures = await listPublishedProcedures({ q, page, perPage: 20 })
    procedures.baseUrl('/mot-cua/tiep-nhan/moi').queryString(q ? { q } : {})
    response.header('Vary', 'HX-Request, HX-Request-Type')
    const state = { procedures, q }
    if (wantsFragment(ctx)) return view.render('intake::counter/_procedure_results', state)
    return view.render('intake::counter/procedure_picker', state)
  }

  private renderForm(
    ctx: HttpContext,
    procedure: Procedure,
    parts: Awaited<ReturnType<typeof intakeFormParts>>,
    state: FormState,
    status = 200
  ) {
    ctx.response.status(status)
    return ctx.view.render('intake::counter/intake_form', this.formView(ctx, procedure, parts, state))
  }

  private formView(ctx: HttpContext, procedure: Procedure, parts: Awaited<ReturnType<typeof intakeFormParts>>, state: FormState) {
    const limits = uploadLimits()
    return {
      procedure,
      eform: parts.eform,
      acceptable: parts.acceptable,
      scanLimits: { max: sizeLabel(limits.maxMb), types: typeList(limits.types) },
      missing: null,
      formError: null,
      scans: [],
      search: null,
      reused: null,
      verificationProblem: null,
      ...state,
      verification: state.verificationProblem
        ? null
        : verificationShown(ctx.session, requireTenantScope().tenant.id, state.form._applicant ?? {}, state.registryAnswer ?? null),
    }
  }

  /** New scans stored now (each checked by its content) and those kept from an earlier attempt. */
  private async scans(ctx: HttpContext, officer: User) {
    const kept = await keptScans(ids(ctx.request.input('_kept_scans')), officer.id)
    const stored: StoredFile[] = []
    const problems: string[] = []
    for (const upload of ctx.request.files('_scans')) {
      if (!upload.size && !upload.clientName) continue
      try {
        stored.push(await storeUploadedFile(upload, { uploadedBy: officer.id, i18n: ctx.i18n }))
      } catch (failure) {
        if (!(failure instanceof UploadRejected)) throw failure
        problems.push(`${upload.clientName}: ${failure.message}`)
      }
    }
    return { files: [...kept, ...stored], problems }
  }

  /** E-form files: every uploaded file except the scans. */
  private eformFiles(files: Record<string, unknown>) {
    return Object.fromEntries(Object.entries(files).filter(([name]) => name !== '_scans'))
  }

  /** The applicant's account: the one picked from the suggestions, or the one with this identification number. */
  private async accountOf(applicant: { account?: number; national_id?: string }) {
    if (applicant.account) {
      const account = await applicantAccount(applicant.account)
      if (account && (!applicant.national_id || !account.nationalId || account.nationalId === applicant.national_id)) return account.id
    }
    return (await accountWithNationalId(applicant.national_id))?.id ?? null
  }
}
