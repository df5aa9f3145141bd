/*
 * PT-15.2 c, OS-10.7: the public postal service's price client against the local stand-in
 * company: what the company is asked (its names, the API key, the 2025 unit codes), the price
 * table of the protocol document (same province cheaper, 250 g steps, the collection fee's rate
 * and minimum), and every refusal and fault surfacing as a PostalServiceError, quickly.
 */
import { test } from '@japa/runner'
import { PostalServiceError, quotePostage, type PostageRequest } from '#integration/index'
import { startPostalServiceServer } from '#integration/stand_ins/postal_service_server'
import { usePostalService } from '#tests/helpers/postal_service'

/** Thành phố Hà Nội, Phường Hoàn Kiếm and Phường Ba Đình; Thành phố Đà Nẵng, Phường Hải Châu. */
const HOAN_KIEM = { provinceCode: '01', communeCode: '00070' }
const BA_DINH = { provinceCode: '01', communeCode: '00004' }
const HAI_CHAU = { provinceCode: '48', communeCode: '20242' }

function leg(overrides: Partial<PostageRequest> = {}): PostageRequest {
  return { leg: 'dossier_pickup', from: BA_DINH, to: HOAN_KIEM, weightGrams: 250, collectAmount: 0, ...overrides }
}

async function failureOf(work: Promise<unknown>) {
  try {
    await work
  } catch (error) {
    if (error instanceof PostalServiceError) return error.code ? `${error.failure}:${error.code}` : error.failure
    throw error
  }
  return 'quoted'
}

test.group('PT-15.2 postal service price client and stand-in company', (group) => {
  const postal = usePostalService(group, { apiKey: 'khoa-buu-chinh' })

  test('PT-15.2 OS-10.7 a leg is asked in the company\'s words with the key, and its quote read back', async ({ assert }) => {
    const before = postal.company.quoted.length
    const quote = await quotePostage(leg({ leg: 'result_delivery', from: HOAN_KIEM, to: HAI_CHAU, collectAmount: 75_000 }))
    assert.deepEqual(quote, { postage: 25_000, collectionFee: 10_000, total: 35_000, zone: 'other_province', days: { min: 2, max: 4 } })
    assert.deepEqual(postal.company.quoted.slice(before).map((entry) => entry.question), [
      { dich_vu: 'tra_ket_qua', tu: { tinh: '01', xa: '00070' }, den: { tinh: '48', xa: '20242' }, khoi_luong_gram: 250, thu_ho: 75_000 },
    ])
    // A commune is not needed for a price: the province decides the zone.
    const provinceOnly = await quotePostage(leg({ to: { provinceCode: '01' } }))
    assert.equal(provinceOnly.postage, 16_000)
    assert.deepEqual(postal.company.quoted.at(-1)!.question.den, { tinh: '01' })
  })

  test('PT-15.2 the price table: same province cheaper than another, 250 g steps, collection 1 % with a minimum', async ({ assert }) => {
    const price = async (overrides: Partial<PostageRequest>) => {
      const quote = await quotePostage(leg(overrides))
      return [quote.postage, quote.collectionFee, quote.total]
    }
    assert.deepEqual(await price({}), [16_000, 0, 16_000], 'same province, up to 250 g')
    assert.deepEqual(await price({ to: HAI_CHAU }), [25_000, 0, 25_000], 'another province, up to 250 g')
    assert.deepEqual(await price({ weightGrams: 1 }), [16_000, 0, 16_000])
    assert.deepEqual(await price({ weightGrams: 251 }), [18_000, 0, 18_000], 'a started step counts')
    assert.deepEqual(await price({ weightGrams: 600, to: HAI_CHAU }), [33_000, 0, 33_000], '25 000 + 2 × 4 000')
    assert.deepEqual(await price({ weightGrams: 30_000 }), [16_000 + 119 * 2_000, 0, 254_000], 'the heaviest carried')
    assert.deepEqual(await price({ collectAmount: 75_000 }), [16_000, 10_000, 26_000], 'the minimum collection fee')
    assert.deepEqual(await price({ collectAmount: 3_000_000 }), [16_000, 30_000, 46_000], '1 %')
    assert.deepEqual(await price({ collectAmount: 1_234_567 }), [16_000, 12_400, 28_400], '1 % rounded up to 100 đ')
    assert.deepEqual((await quotePostage(leg())).days, { min: 1, max: 2 })
    assert.deepEqual(await price({ leg: 'result_delivery' }), [16_000, 0, 16_000], 'both services cost the same')
  })

  test('PT-15.2 refusals and faults of the company raise a PostalServiceError, a slow one within the timeout', async ({ assert }) => {
    const before = postal.company.quoted.length
    process.env.POSTAL_SERVICE_API_KEY = 'khoa-sai'
    assert.equal(await failureOf(quotePostage(leg())), 'rejected:unauthorized')
    process.env.POSTAL_SERVICE_API_KEY = 'khoa-buu-chinh'

    assert.equal(await failureOf(quotePostage(leg({ to: { provinceCode: '99' } }))), 'rejected:unknown_province')
    // Phường Hải Châu is in Đà Nẵng, not in Hà Nội.
    assert.equal(await failureOf(quotePostage(leg({ to: { provinceCode: '01', communeCode: '20242' } }))), 'rejected:unknown_commune')
    assert.equal(await failureOf(quotePostage(leg({ weightGrams: 30_001 }))), 'rejected:too_heavy')
    assert.equal(await failureOf(quotePostage(leg({ weightGrams: 0 }))), 'rejected:invalid_weight')
    assert.equal(await failureOf(quotePostage(leg({ collectAmount: 100_000_001 }))), 'rejected:amount_too_large')
    assert.equal(await failureOf(quotePostage(leg({ collectAmount: -1 }))), 'rejected:invalid_amount')

    postal.company.fault = 'server_error'
    assert.equal(await failureOf(quotePostage(leg())), 'rejected:unavailable')
    postal.company.fault = 'garbage'
    assert.equal(await failureOf(quotePostage(leg())), 'bad_response')
    postal.company.fault = 'bad_shape'
    assert.equal(await failureOf(quotePostage(leg())), 'bad_response')
    postal.company.fault = 'hang'
    process.env.POSTAL_SERVICE_TIMEOUT_MS = '300'
    const started = Date.now()
    assert.equal(await failureOf(quotePostage(leg())), 'timeout')
    assert.isBelow(Date.now() - started, 2_000)
    postal.company.fault = 'none'

    const closed = await startPostalServiceServer()
    process.env.POSTAL_SERVICE_URL = closed.url
    await closed.close()
    assert.equal(await failureOf(quotePostage(leg())), 'unreachable')

    process.env.POSTAL_SERVICE_URL = 'not a url'
    assert.equal(await failureOf(quotePostage(leg())), 'not_configured')

    assert.equal(postal.company.quoted.length, before, 'nothing was quoted')
  })

  test('PT-15.2 the stand-in answers malformed requests with 4xx JSON', async ({ assert }) => {
    const ask = (body: string, headers: Record<string, string> = { authorization: 'Bearer khoa-buu-chinh' }, path = '/api/v1/bang-gia') =>
      fetch(`${postal.company.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    const answers = await Promise.all([
      ask('{}', {}),
      ask('[1]'),
      ask('không phải JSON'),
      ask(JSON.stringify({ dich_vu: 'chuyen_phat_nhanh' })),
      ask(JSON.stringify({ dich_vu: 'nhan_ho_so', tu: { tinh: 1 }, den: { tinh: '01' }, khoi_luong_gram: 100, thu_ho: 0 })),
      ask('{}', undefined, '/api/v1/khac'),
    ])
    assert.deepEqual(
      await Promise.all(answers.map(async (answer) => [answer.status, (await answer.json()).error.code])),
      [
        [401, 'unauthorized'],
        [400, 'bad_request'],
        [400, 'bad_request'],
        [400, 'invalid_service'],
        [400, 'invalid_address'],
        [404, 'not_found'],
      ]
    )
    const health = await fetch(`${postal.company.url}/health`)
    assert.deepEqual(await health.json(), { status: 'ok' })
  })
})
