/*
 * PT-4.1, PT-5.1 b: submitting an online application. Everything is checked first (the e-form,
 * the required papers, the postal forms); a refused application stores no dossier. An accepted
 * one is handed to the intake module, which issues the dossier code and the "Mới đăng ký" status;
 * its files join the dossier, the draft is deleted and the applicant gets an email with the code,
 * all in the request's transaction.
 *
 * The draft's token goes on the dossier (unique per tenant), and the draft row is locked while it
 * is submitted: the same application sent twice (back button, double click, two tabs) finds the
 * dossier the first one made instead of making a second.
 */
import type { I18n } from '@adonisjs/i18n'
import { Agency, type User } from '#users/index'
import { currentWorkflow, validateEformValues } from '#catalog/index'
import { Dossier, attachFilesToDossier, registerDossier, type FileAttachment } from '#intake/index'
import { queueEmail } from '#integration/index'
import type ApplicationDraft from '#portal/apply/application_draft'
import {
  choiceLists,
  typedFields,
  unitNames,
  type ApplyingProcedure,
  type FileSlot,
} from '#portal/apply/application_setting'
import { checkPostal, postalProvinces } from '#portal/apply/postal_choice'
import { postageFor, routeOfService } from '#portal/apply/postage'
import { addressProvinces, describeAddress } from '#portal/apply/values_description'

export type SubmissionResult =
  | { submitted: true; dossier: Dossier }
  | { submitted: false; errors: Record<string, string[]> }

/** The dossier an earlier submission of this token made, if the applicant is the same. */
export function dossierSubmittedWith(token: string | null, applicantId: number) {
  if (!token) return null
  return Dossier.query().where('submission_token', token).where('applicant_id', applicantId).first()
}

/** The unit that receives the procedure's dossiers: its first performing agency, else the tenant's first. */
async function receivingAgencyOf(found: NonNullable<ApplyingProcedure>) {
  return found.procedure.agencies[0] ?? (await Agency.query().orderBy('id').firstOrFail())
}

function requiredFileErrors(slots: FileSlot[], draft: ApplicationDraft, i18n: I18n) {
  const errors: Record<string, string[]> = {}
  for (const slot of slots) {
    if (slot.required && !draft.files[slot.key]) {
      errors[`_file.${slot.name}`] = [i18n.t('apply.files.required', { label: slot.label })]
    }
  }
  return errors
}

export interface SubmitOptions {
  lookupUrl: (code: string) => string
  myDossiersUrl: string
}

export async function submitApplication(
  found: NonNullable<ApplyingProcedure>,
  slots: FileSlot[],
  draft: ApplicationDraft,
  user: User,
  i18n: I18n,
  options: SubmitOptions
): Promise<SubmissionResult> {
  const definition = typedFields(found.definition)
  const lists = await choiceLists([...addressProvinces(definition, draft.values), ...postalProvinces(draft.postal)])
  const names = unitNames(lists)
  const eform = await validateEformValues(definition, draft.values, { i18n, lists })
  const postal = await checkPostal(draft.postal, lists, names, i18n)
  const errors = {
    ...(eform.valid ? {} : eform.errors),
    ...requiredFileErrors(slots, draft, i18n),
    ...postal.errors,
  }
  if (!eform.valid || Object.keys(errors).length) return { submitted: false, errors }

  // PT-15.2 c: the postage quoted for what is submitted goes with the postal details; without
  // a quote (the postal company down or slow) the dossier is submitted all the same.
  if (postal.service) {
    const postage = await postageFor(routeOfService(postal.service), found)
    if (postage.state === 'quoted') postal.service.postage = postage.quote
  }

  const formValues: Record<string, unknown> = { ...eform.values }
  const attachments: FileAttachment[] = []
  for (const slot of slots) {
    const chosen = draft.files[slot.key]
    if (!chosen) continue
    if (slot.field) formValues[slot.field.key] = { ref: `file:${chosen.fileId}` }
    attachments.push({
      fileId: chosen.fileId,
      kind: slot.componentId ? 'component' : 'other',
      componentId: slot.componentId,
      label: slot.label,
    })
  }

  const workflow = await currentWorkflow(found.procedure)
  const agency = await receivingAgencyOf(found)
  const dossier = await registerDossier({
    procedureId: found.procedure.id,
    workflowId: workflow?.id ?? null,
    channel: 'online',
    receivingAgencyId: agency.id,
    applicantId: user.id,
    applicant: {
      fullName: user.fullName,
      nationalId: user.nationalId,
      organisationName: user.organisationName,
      taxCode: user.taxCode,
      phone: user.phone,
      email: user.email,
      address: user.address ?? describeAddress(definition, eform.values, names),
    },
    statusCode: 'moi_dang_ky',
    eformId: found.eform?.id ?? null,
    eformVersion: found.eform?.version ?? null,
    formValues,
    postalService: postal.service,
    submissionToken: draft.submitToken,
    event: { action: 'submit', actor: { id: user.id, fullName: user.fullName }, public: true },
  })
  await attachFilesToDossier(dossier, attachments, user.id)
  await draft.delete()

  if (user.email) {
    const details = {
      name: user.fullName,
      code: dossier.code,
      procedure: found.procedure.name,
      agency: agency.name,
      lookup: options.lookupUrl(dossier.code),
      mine: options.myDossiersUrl,
    }
    await queueEmail({
      to: user.email,
      subject: i18n.t('apply.email.subject', details),
      text: i18n.t('apply.email.text', details),
    })
  }
  return { submitted: true, dossier }
}
