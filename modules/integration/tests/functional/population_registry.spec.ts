/*
 * OS-5.9: the National Population Database client against the local stand-in: a citizen found
 * with the registry's data (two-tier residence included), an unknown number, a wrong key, and the
 * registry down, slow or answering nonsense, each as its own clear error.
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { CitizenNotFoundError, lookUpCitizen, PopulationRegistryUnavailableError } from '#integration/index'
import { personalIdentificationNumber } from '#users/index'
import vine from '@vinejs/vine'
import { usePopulationRegistry } from '#tests/helpers/population_registry'
import { startPopulationRegistryServer } from '#integration/stand_ins/population_registry_server'


async function failureOf(work: Promise<unknown>) {
  try {
    await work
  } catch (error) {
    if (error instanceof CitizenNotFoundError) return 'not_found'
    if (error instanceof PopulationRegistryUnavailableError) return `unavailable:${error.reason}`
    throw error
  }
  return 'found'
}

test.group('OS-5.9 National Population Database client and stand-in', (group) => {
  const population = usePopulationRegistry(group)

  test('OS-5.9 a citizen is found by number with name, date of birth, sex and the two-tier permanent residence', async ({ assert }) => {
    const citizen = await lookUpCitizen('001190012345')
    assert.deepEqual(citizen, {
      nationalId: '001190012345',
      fullName: 'Trần Thị Bình',
      dateOfBirth: '1990-03-08',
      sex: 'female',
      nationality: 'Việt Nam',
      permanentResidence: {
        provinceCode: '01',
        provinceName: 'Thành phố Hà Nội',
        communeCode: '00004',
        communeName: 'Phường Ba Đình',
        detail: 'Số 12 phố Đội Cấn',
      },
    })
    assert.include(population.registry.requests, 'GET /api/v1/cong-dan/001190012345')
  })

  test('OS-5.9 every sample citizen has a number the app accepts, agreeing with the date of birth and sex', async ({ assert }) => {
    const schema = vine.create(vine.object({ number: vine.string().use(personalIdentificationNumber({ birthDateField: 'born' })), born: vine.string() }))
    assert.isAtLeast(population.registry.citizens.size, 10)
    for (const citizen of population.registry.citizens.values()) {
      const born = DateTime.fromISO(citizen.ngaySinh)
      await schema.validate({ number: citizen.soDinhDanh, born: born.toFormat('dd/MM/yyyy') })
      const womanOrMan = Number(citizen.soDinhDanh[3]) % 2 === 1 ? 'nu' : 'nam'
      assert.equal(citizen.gioiTinh, womanOrMan, citizen.soDinhDanh)
      assert.equal(citizen.hoVaTen, citizen.hoVaTen.normalize('NFC'))
      assert.match(citizen.noiThuongTru.tenXa, /^(Phường|Xã|Đặc khu) /)
    }
  })

  test('OS-5.9 an unknown or malformed number is "not found"; a wrong or missing key is "unavailable: unauthorized"', async ({ assert }) => {
    assert.equal(await failureOf(lookUpCitizen('001099999999')), 'not_found')
    assert.equal(await failureOf(lookUpCitizen('12345')), 'not_found')
    assert.notInclude(population.registry.requests, 'GET /api/v1/cong-dan/12345', 'a malformed number is never sent')

    process.env.POPULATION_REGISTRY_API_KEY = 'khoa-sai'
    assert.equal(await failureOf(lookUpCitizen('001190012345')), 'unavailable:unauthorized')
    const raw = await fetch(`${population.registry.url}/api/v1/cong-dan/001190012345`)
    assert.equal(raw.status, 401)
    assert.deepEqual(await raw.json(), { error: { code: 'unauthorized', message: 'Missing or wrong API key' } })
  })

  test('OS-5.9 the registry down, slow or answering nonsense is "unavailable" with its reason', async ({ assert }) => {
    population.registry.fault = 'server_error'
    assert.equal(await failureOf(lookUpCitizen('001190012345')), 'unavailable:server_error')
    population.registry.fault = 'garbage'
    assert.equal(await failureOf(lookUpCitizen('001190012345')), 'unavailable:bad_response')
    population.registry.fault = 'bad_shape'
    assert.equal(await failureOf(lookUpCitizen('001190012345')), 'unavailable:bad_response')

    population.registry.fault = 'hang'
    process.env.POPULATION_REGISTRY_TIMEOUT_MS = '300'
    const started = Date.now()
    assert.equal(await failureOf(lookUpCitizen('001190012345')), 'unavailable:timeout')
    assert.isBelow(Date.now() - started, 3000)
    population.registry.fault = 'none'

    const closed = await startPopulationRegistryServer()
    process.env.POPULATION_REGISTRY_URL = closed.url
    await closed.close()
    assert.equal(await failureOf(lookUpCitizen('001190012345')), 'unavailable:unreachable')

    // A wrong address answering 404 for its own paths is not "no such citizen".
    process.env.POPULATION_REGISTRY_URL = `${population.registry.url}/sai-duong-dan`
    assert.equal(await failureOf(lookUpCitizen('001190012345')), 'unavailable:server_error')
  })
})
