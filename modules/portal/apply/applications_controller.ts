import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import app from '@adonisjs/core/services/app'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { STATUS_LABELS, attachmentDisposition } from '#catalog/index'
import { Dossier, sizeLabel, typeList } from '#intake/index'
import { publicUrl } from '#http/public_url'
import { DateTime } from 'luxon'
import { VIETNAM_ZONE, formatTime } from '#services/vietnamese_format'
import { servicePath, slugOf } from '#portal/services/service_urls'
import {
  choiceLists,
  communeOptions,
  fileSlotsOf,
  findApplyingProcedure,
  typedFields,
  unitNames,
  vaultOf,
  type FileSlot,
} from '#portal/apply/application_setting'
import {
  chooseUpload,
  chosenFilesOf,
  draftOf,
  lockedDraftOf,
  openDraft,
  prefilledValues,
  saveDraft,
  validToken,
} from '#portal/apply/drafts'
import { dossierSubmittedWith, submitApplication } from '#portal/apply/submission'
import { postalFromBody, postalProvinces, recipientFields, senderFields } from '#portal/apply/postal_choice'
import { POSTAGE_REQUEST, postageFor, routeOfDraft } from '#portal/apply/postage'
import { addressProvinces, describeValues } from '#portal/apply/values_description'
import type { PostalDraft } from '#portal/apply/application_draft'

function notFound(): never {
  throw new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
}

/** A file input left empty by a browser posting without JavaScript sends a nameless empty part. */
function chosenUpload(file: MultipartFile | null) {
  return file && file.clientName && file.tmpPath ? file : null
}

/**
 * PT-1, PT-4.1, PT-15, OL-8, OL-11 c: applying online for a level 3–4 service. Every step works
 * with a plain form post (save the draft, upload with the form, submit); with JavaScript the
 * draft also saves itself as the applicant types, files upload one by one with progress and a
 * cancel button, and communes load when a province is chosen.
 */
export default class ApplicationsController {
  /** `/dich-vu-cong/:id/nop-ho-so`: the e-form, the papers, the postal choice. */
  async show(ctx: HttpContext) {
    const { found, user } = await this.applying(ctx)
    const { view, session } = ctx
    const draft = await draftOf(user.id, found.procedure.id)
    const definition = typedFields(found.definition)
    const values = draft ? draft.values : prefilledValues(found.definition, user)
    const postal: PostalDraft = draft?.postal ?? {
      mode: 'none',
      sender: { full_name: user.fullName, phone: user.phone ?? '' },
      recipient: { full_name: user.fullName, phone: user.phone ?? '' },
    }
    const lists = await choiceLists([...addressProvinces(definition, values), ...postalProvinces(postal)])
    const slots = fileSlotsOf(found)
    const errors = (session.flashMessages.get('inputErrorsBag') ?? {}) as Record<string, string[]>
    // Without JavaScript the quote comes with the page (after "Lưu nháp", or a refused submission).
    const postage = await postageFor(routeOfDraft(postal), found)
    return view.render('portal::apply/show', {
      procedure: found.procedure,
      serviceHref: servicePath(found.procedure),
      base: `/dich-vu-cong/${found.procedure.id}/nop-ho-so`,
      definition,
      values,
      postal,
      senderFields: senderFields(ctx.i18n),
      recipientFields: recipientFields(ctx.i18n),
      postage,
      postageRequest: POSTAGE_REQUEST,
      lists,
      slots,
      chosen: await chosenFilesOf(draft),
      vault: await vaultOf(user.id),
      errors,
      errorList: Object.entries(errors).map(([path, messages]) => ({ anchor: this.anchorOf(path), message: messages[0] })),
      token: draft?.submitToken ?? randomUUID(),
      savedAt: draft ? formatTime(draft.updatedAt) : null,
      savedAtIso: draft?.updatedAt.toISO() ?? '',
      typeList,
      sizeLabel,
    })
  }

  /** The form posted: "Lưu nháp" saves the draft, "Nộp hồ sơ" saves it and submits it. */
  async store(ctx: HttpContext) {
    const { found, user } = await this.applying(ctx)
    const { request, response, session, i18n } = ctx
    const body = request.all()
    const base = `/dich-vu-cong/${found.procedure.id}/nop-ho-so`
    const submitting = body._action === 'submit'

    if (submitting) {
      const earlier = await this.earlierSubmission(validToken(body._token), user.id, found.procedure.id)
      if (earlier) return this.alreadySubmitted(ctx, earlier)
    }

    const slots = fileSlotsOf(found)
    const uploads = Object.fromEntries(slots.map((slot) => [slot.name, chosenUpload(request.file(`_file_${slot.name}`))]))
    const { draft, errors } = await saveDraft(found, slots, user, { body, uploads }, i18n)
    if (Object.keys(errors).length) {
      session.flash('inputErrorsBag', errors)
      session.flash('warning', i18n.t('apply.refused_files'))
      return response.redirect(`${base}#loi`)
    }
    if (!submitting) {
      session.flash('notice', i18n.t('apply.saved'))
      return response.redirect(base)
    }

    const result = await submitApplication(found, slots, draft, user, i18n, {
      lookupUrl: (code) => publicUrl(ctx, `/tra-cuu?ma=${encodeURIComponent(code)}`),
      myDossiersUrl: publicUrl(ctx, '/ho-so-cua-toi'),
    })
    if (!result.submitted) {
      session.flash('inputErrorsBag', result.errors)
      session.flash('warning', i18n.t('apply.refused'))
      return response.redirect(`${base}#loi`)
    }
    return response.redirect(`/nop-ho-so/da-nop/${result.dossier.id}`)
  }

  /** htmx autosave (PT-1.3): the draft as typed, without files; answers the small status line. */
  async autosave(ctx: HttpContext) {
    const { found, user } = await this.applying(ctx)
    const { draft } = await saveDraft(found, fileSlotsOf(found), user, { body: ctx.request.all() }, ctx.i18n)
    return ctx.view.render('portal::apply/_saved', { savedAt: formatTime(draft.updatedAt), savedAtIso: draft.updatedAt.toISO() })
  }

  /** OL-11 c: one file uploaded by the page's script (with progress and cancel); answers the slot's fragment. */
  async upload(ctx: HttpContext) {
    const { found, user } = await this.applying(ctx)
    const { request, response, view, i18n } = ctx
    const slot = fileSlotsOf(found).find((candidate) => candidate.name === request.input('_slot'))
    if (!slot) notFound()
    const draft = await openDraft(found, user, validToken(request.input('_token')))
    const upload = chosenUpload(request.file('_upload'))
    const error = upload
      ? await chooseUpload(draft, slot, upload, user, i18n)
      : i18n.t('files.errors.missing')
    await draft.save()
    if (error) response.status(422)
    return view.render('portal::apply/_chosen', {
      slot,
      chosen: (await chosenFilesOf(draft)).get(slot.key),
      error,
      sizeLabel,
    })
  }

  /**
   * PT-15.2 c: the postage of the postal choice as the form has it now (htmx, when the choice,
   * the fee option or a province or commune changes); answers the quote and the summary line.
   */
  async postage(ctx: HttpContext) {
    const { found } = await this.applying(ctx)
    const postage = await postageFor(routeOfDraft(postalFromBody(ctx.request.input('_postal'))), found)
    return ctx.view.render('portal::apply/_postage', { postage, update: true })
  }

  /** The communes of a province, as the options of a select (the script swaps them in). */
  async communes({ request, view }: HttpContext) {
    const province = String(request.input('tinh', ''))
    return view.render('portal::apply/_communes', { communes: await communeOptions(province) })
  }

  /** PT-1.3, OL-8: the declaration in the official layout, to print. */
  async print(ctx: HttpContext) {
    return ctx.view.render('portal::apply/print', await this.declaration(ctx))
  }

  /** PT-1.3: the same declaration as a file that opens and prints anywhere. */
  async export(ctx: HttpContext) {
    const declaration = await this.declaration(ctx)
    const css = await readFile(app.makePath('resources/css/apply.css'), 'utf8')
    const html = await ctx.view.render('portal::apply/print', { ...declaration, embeddedCss: css })
    ctx.response.header('Content-Type', 'text/html; charset=utf-8')
    ctx.response.header('Content-Disposition', attachmentDisposition(`to-khai-${slugOf(declaration.procedure.name)}.html`))
    ctx.response.header('Cache-Control', 'private, no-store')
    return html
  }

  /** `/nop-ho-so/da-nop/:id`: the dossier code, after submitting (only to the applicant). */
  async submitted({ params, auth, view, session }: HttpContext) {
    const id = Number(params.id)
    const dossier = Number.isSafeInteger(id)
      ? await Dossier.query().where('id', id).where('applicant_id', auth.user!.id).first()
      : null
    if (!dossier) notFound()
    const found = await findApplyingProcedure(dossier.procedureId)
    return view.render('portal::apply/submitted', {
      dossier,
      procedureName: found?.procedure.name ?? '',
      statusLabel: STATUS_LABELS[dossier.statusCode] ?? dossier.statusCode,
      again: session.flashMessages.get('submittedBefore') === true,
      lookupHref: `/tra-cuu?ma=${encodeURIComponent(dossier.code)}`,
      postage: dossier.postalService?.postage ?? null,
    })
  }

  /* ------------------------------------------------------------------ helpers */

  /** The procedure being applied for, and the applicant; 404 for anything else. */
  private async applying({ params, auth }: HttpContext) {
    const found = await findApplyingProcedure(Number(params.id))
    if (!found) notFound()
    const user = auth.user!
    // Officers act at the counter; an online application is filed from an applicant's account.
    if (!user.isApplicant) throw new Exception('Only applicants apply', { status: 403, code: 'E_AUTHORIZATION_FAILURE' })
    return { found, user }
  }

  /**
   * A dossier this application already made: by the token the page carried; or, when the
   * draft disappeared while this request waited for its lock, by the draft's token it had.
   */
  private async earlierSubmission(token: string | null, applicantId: number, procedureId: number) {
    const byToken = await dossierSubmittedWith(token, applicantId)
    if (byToken) return byToken
    const draft = await lockedDraftOf(applicantId, procedureId)
    if (draft) return null
    return dossierSubmittedWith(token, applicantId)
  }

  private alreadySubmitted({ response, session }: HttpContext, dossier: Dossier) {
    session.flash('submittedBefore', true)
    return response.redirect(`/nop-ho-so/da-nop/${dossier.id}`)
  }

  private async declaration(ctx: HttpContext) {
    const { found, user } = await this.applying(ctx)
    const draft = await draftOf(user.id, found.procedure.id)
    const definition = typedFields(found.definition)
    const values = draft ? draft.values : prefilledValues(found.definition, user)
    const lists = await choiceLists([...addressProvinces(definition, values), ...postalProvinces(draft?.postal ?? null)])
    const chosen = await chosenFilesOf(draft)
    const slots = fileSlotsOf(found)
    const now = DateTime.now().setZone(VIETNAM_ZONE)
    return {
      procedure: found.procedure,
      agencyName: found.procedure.agencies[0]?.name ?? ctx.tenant.contact.agencyName,
      applicantName: user.fullName,
      fields: describeValues(definition, values, unitNames(lists), [ctx.i18n.t('eforms.form.yes'), ctx.i18n.t('eforms.form.no')]),
      papers: slots.map((slot: FileSlot) => ({ label: slot.label, fileName: chosen.get(slot.key)?.file.originalName ?? null })),
      base: `/dich-vu-cong/${found.procedure.id}/nop-ho-so`,
      embeddedCss: null,
      today: { day: now.toFormat('dd'), month: now.toFormat('MM'), year: now.toFormat('yyyy') },
    }
  }

  /** Where the error summary links to: the input of the field. */
  private anchorOf(path: string) {
    const file = path.match(/^_file\.(.+)$/)
    if (file) return `file-${file[1]}`
    const postal = path.match(/^_postal\.(sender|recipient)\.([a-z_]+)(?:\.(province|commune|detail))?$/)
    if (postal) return `postal-${postal[1]}-${postal[2]}${postal[3] ? `-${postal[3]}` : ''}`
    const parts = path.split('.')
    if (parts.length === 1) return `eform-${parts[0]}`
    if (/^\d+$/.test(parts[1])) return `eform-${parts.join('-')}`
    return `eform-${parts[0]}-${parts[1]}`
  }
}
