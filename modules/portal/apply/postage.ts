/*
 * PT-15.2 c: the postage matching the applicant's postal choice, quoted by the public postal
 * company (#integration quotePostage) for each leg chosen: picking the papers up at the sender's
 * address and bringing them to the counter, and taking the result from the counter to the
 * recipient. The procedure's fees ride on the first leg when the applicant asks the postman to
 * collect them. A quote is a courtesy: when it cannot be had the form says the postal company
 * will announce the postage, and nothing waits on it.
 *
 * The counter's end is the tenant's receiving address: tenants.settings.counterAddress
 * ({ province, commune } codes) when set, else the province named by the tenant (a province
 * tenant) or in its contact address, and the commune that address names.
 */
import logger from '@adonisjs/core/services/logger'
import { administrativeUnits } from '#catalog/index'
import type { PostageQuote, PostalService } from '#intake/index'
import { counterAddressInUse, PostalServiceError, quotePostage, type PostageRequest, type PostalPoint } from '#integration/index'
import type { ApplyingProcedure } from '#portal/apply/application_setting'
import type { PostalDraft } from '#portal/apply/application_draft'
import { recipientNeeded, senderNeeded, type PostalMode } from '#portal/apply/postal_choice'

/** What the postal company is told the envelopes weigh: a dossier's papers, a result's one or two sheets. */
export const ENVELOPE_GRAMS = { submit: 250, result: 100 } as const

/**
 * The inputs the quote depends on (the choice, the fee option, the postal forms' provinces and
 * communes): the htmx request sends these and fires when one of them changes.
 */
const POSTAGE_INPUTS =
  "[name='_postal[mode]'],[name='_postal[collect_fee]'],[name^='_postal'][name$='[province]'],[name^='_postal'][name$='[commune]']"

/** hx-include and hx-trigger of the postal section (htmx 4: `target:` keeps the events of those inputs only). */
export const POSTAGE_REQUEST = { inputs: POSTAGE_INPUTS, trigger: `change delay:300ms target:"${POSTAGE_INPUTS}"` }

export type PostageView =
  /** Nothing to quote: no postal leg, or the counter's address is unknown. */
  | { state: 'none' }
  /** A leg's address has no province and commune yet. */
  | { state: 'incomplete' }
  /** The postal company did not answer in time, or refused. */
  | { state: 'unavailable' }
  /** `collectFee`: the applicant asked the postman to collect the fees (there may be none). */
  | { state: 'quoted'; quote: PostageQuote; collectFee: boolean }

/** The ends the applicant chose, as unit codes (empty when not chosen). */
export interface PostalRoute {
  mode: PostalMode
  sender: { province?: string; commune?: string }
  recipient: { province?: string; commune?: string }
  collectFee: boolean
}

/** The route of a draft, as typed. */
export function routeOfDraft(postal: PostalDraft | null): PostalRoute {
  const address = (contact: unknown) => ((contact as any)?.address ?? {}) as { province?: string; commune?: string }
  return {
    mode: postal?.mode ?? 'none',
    sender: address(postal?.sender),
    recipient: address(postal?.recipient),
    collectFee: !!postal?.collectFee,
  }
}

/** The route of checked postal forms (what a dossier keeps). */
export function routeOfService(service: PostalService): PostalRoute {
  const mode: PostalMode = service.submitByPost ? (service.resultByPost ? 'both' : 'submit') : service.resultByPost ? 'result' : 'none'
  return {
    mode,
    sender: { province: service.sender?.provinceCode, commune: service.sender?.communeCode },
    recipient: { province: service.recipient?.provinceCode, commune: service.recipient?.communeCode },
    collectFee: !!service.collectFeeByPost,
  }
}

/** The counter's end of every leg (the admin's setting, else derived from the tenant's address), or null. */
export async function counterAddress(): Promise<PostalPoint | null> {
  const inUse = await counterAddressInUse()
  return inUse.source === 'none' ? null : { provinceCode: inUse.provinceCode, communeCode: inUse.communeCode }
}

/** The applicant's end of a leg, when a province and one of its communes are chosen. */
async function chosenPoint(address: { province?: string; commune?: string }): Promise<PostalPoint | null> {
  if (!address.province || !address.commune) return null
  const commune = await administrativeUnits.find(address.commune)
  if (!commune || commune.level !== 'commune' || commune.parentCode !== address.province) return null
  return { provinceCode: address.province, communeCode: address.commune }
}

/** The procedure's fees and charges together: what the postman collects for the agency. */
async function feesOf(found: NonNullable<ApplyingProcedure>) {
  const fees = await found.procedure.related('fees').query()
  return fees.reduce((sum, fee) => sum + Number(fee.amount), 0)
}

/** The postage of the route's legs, or why there is none. */
export async function postageFor(route: PostalRoute, found: NonNullable<ApplyingProcedure>): Promise<PostageView> {
  const legs = [
    ...(senderNeeded(route.mode) ? [['submit', route.sender] as const] : []),
    ...(recipientNeeded(route.mode) ? [['result', route.recipient] as const] : []),
  ]
  if (!legs.length) return { state: 'none' }
  const ends = await Promise.all(legs.map(([, address]) => chosenPoint(address)))
  if (ends.some((end) => !end)) return { state: 'incomplete' }
  const counter = await counterAddress()
  if (!counter) return { state: 'none' }

  const collectedAmount = route.collectFee ? await feesOf(found) : 0
  const requests: PostageRequest[] = legs.map(([leg], index) => ({
    leg: leg === 'submit' ? 'dossier_pickup' : 'result_delivery',
    from: leg === 'submit' ? ends[index]! : counter,
    to: leg === 'submit' ? counter : ends[index]!,
    weightGrams: ENVELOPE_GRAMS[leg],
    // The fees are collected once, on the first leg.
    collectAmount: index === 0 ? collectedAmount : 0,
  }))
  try {
    const prices = await Promise.all(requests.map((request) => quotePostage(request)))
    const postage = prices.reduce((sum, price) => sum + price.postage, 0)
    const collectionFee = prices.reduce((sum, price) => sum + price.collectionFee, 0)
    return {
      state: 'quoted',
      collectFee: route.collectFee,
      quote: {
        legs: legs.map(([leg], index) => ({
          leg,
          postage: prices[index].postage,
          collectionFee: prices[index].collectionFee,
          days: prices[index].days,
        })),
        postage,
        collectedAmount,
        collectionFee,
        total: postage + collectionFee,
        quotedAt: new Date().toISOString(),
      },
    }
  } catch (error) {
    if (!(error instanceof PostalServiceError)) throw error
    logger.warn({ failure: error.failure, code: error.code }, error.message)
    return { state: 'unavailable' }
  }
}
