import type { HttpContext } from '@adonisjs/core/http'
import { takeCaptchaAnswer } from '#users/index'
import {
  checkLookupCode,
  codeCheckLimiter,
  codeRequestLimiters,
  CODE_LIFETIME_MINUTES,
  dossiersOfContact,
  issueLookupCode,
  maskContact,
  parseContact,
} from '#portal/lookup/contact_lookup'
import { contactValidator, lookupCodeValidator } from '#portal/lookup/contact_lookup_validator'
import { lookupMessages } from '#portal/lookup/lookup_validator'

/** What the visitor's session remembers between asking for a code and typing it. */
const SESSION_KEY = 'lookup_code'
const START = '/tra-cuu/dien-thoai-email'
const CODE_FORM = '/tra-cuu/dien-thoai-email/ma-xac-nhan'

interface PendingCode {
  id: number
  masked: string
}

/**
 * PT-12.1: dossiers looked up by the applicant's phone or email, through a one-time code sent
 * there. Each step works as a plain form post; wrong input goes back to its field.
 */
export default class ContactLookupController {
  /** Step 1: the phone or email, and the picture code. */
  create({ view }: HttpContext) {
    return view.render('portal::lookup/contact', {})
  }

  async store({ request, response, session, view, i18n, tenant }: HttpContext) {
    const limiters = codeRequestLimiters()
    const allowed = await limiters.perAddress.attempt(`lookup-code:address:${request.ip()}`, () => true)
    if (!allowed) {
      response.status(429)
      return view.render('portal::lookup/contact', { tooMany: true })
    }

    const input = await request.validateUsing(contactValidator, {
      meta: { captchaAnswer: takeCaptchaAnswer(session) },
      messagesProvider: lookupMessages(i18n),
    })
    const contact = parseContact(input.contact)!
    const forContact = await limiters.perContact.attempt(`lookup-code:contact:${tenant.id}:${contact.value}`, () => true)
    if (!forContact) {
      response.status(429)
      return view.render('portal::lookup/contact', { tooMany: true })
    }

    const id = await issueLookupCode(contact, i18n)
    session.put(SESSION_KEY, { id, masked: maskContact(contact) } satisfies PendingCode)
    return response.redirect(CODE_FORM)
  }

  /** Step 2: where the code was sent (masked), and the field for it. */
  edit({ response, session, view }: HttpContext) {
    const pending = session.get(SESSION_KEY) as PendingCode | undefined
    if (!pending) return response.redirect(START)
    return view.render('portal::lookup/contact_code', { masked: pending.masked, minutes: CODE_LIFETIME_MINUTES })
  }

  /** The code is checked; the right one shows the contact's dossiers, once. */
  async update({ request, response, session, view, i18n }: HttpContext) {
    const allowed = await codeCheckLimiter().attempt(`lookup-code-check:${request.ip()}`, () => true)
    if (!allowed) {
      response.status(429)
      return view.render('portal::lookup/contact', { tooMany: true })
    }

    const pending = session.get(SESSION_KEY) as PendingCode | undefined
    if (!pending) return response.redirect(START)
    const { confirmation_code: code } = await request.validateUsing(lookupCodeValidator, { messagesProvider: lookupMessages(i18n) })

    const check = await checkLookupCode(pending.id, code)
    if (check.outcome === 'wrong') {
      session.flash('inputErrorsBag', { confirmation_code: [i18n.t('lookup.contact.wrong_code', { left: check.attemptsLeft })] })
      return response.redirect(CODE_FORM)
    }
    session.forget(SESSION_KEY)
    if (check.outcome !== 'found') {
      // Spent, expired or tried too often: only a new code helps.
      session.flashErrors({ lookup_code: i18n.t(`lookup.contact.${check.outcome}`) })
      return response.redirect(START)
    }
    return view.render('portal::lookup/contact_results', {
      masked: maskContact(check.contact),
      dossiers: await dossiersOfContact(check.contact),
    })
  }
}
