import type { HttpContext } from '@adonisjs/core/http'
import { administrativeUnits } from '#catalog/index'
import {
  clearCounterAddress,
  counterAddressInUse,
  storeCounterAddress,
} from '#integration/postal/counter_address'
import {
  counterAddressMessages,
  counterAddressValidator,
  provinceChoiceValidator,
} from '#integration/postal/counter_address_validator'

export const COUNTER_ADDRESS_PAGE = '/quan-tri/ket-noi/buu-chinh'

/** The choice list of a province's communes, led by the empty choice. */
async function communeOptions(province: string, emptyLabel: string) {
  const communes = province ? await administrativeUnits.communesOf(province) : []
  return [{ value: '', label: emptyLabel }, ...communes.map((unit) => ({ value: unit.code, label: unit.name }))]
}

async function unitName(code: string | null) {
  return code ? ((await administrativeUnits.find(code))?.name ?? code) : null
}

/**
 * PT-15.2 c: the admin's screen for the counter's address, the end of the postal legs quoted on
 * the apply form. Without JavaScript the communes of a province come with "Chọn tỉnh" (one
 * province's list, never all of them); with htmx the commune field is replaced when the
 * province changes.
 */
export default class CounterAddressController {
  async show({ request, response, view, bouncer, session, i18n }: HttpContext) {
    await bouncer.authorize('configureIntegrations')
    const provinces = await administrativeUnits.provinces()
    const known = (code: unknown) => (typeof code === 'string' && provinces.some((unit) => unit.code === code) ? code : null)
    const asked = known(request.qs().province)
    const emptyCommune = i18n.t(asked ? 'integration.counter_address.choose_commune' : 'integration.counter_address.choose_province_first')

    response.header('Vary', 'HX-Request, HX-Request-Type')
    if (request.header('HX-Request-Type') === 'partial') {
      return view.render('integration::counter_address/_commune_field', {
        communes: await communeOptions(asked ?? '', emptyCommune),
        commune: '',
        provinceName: await unitName(asked),
      })
    }

    const inUse = await counterAddressInUse()
    const current = inUse.source === 'none' ? null : inUse
    const province = asked ?? known(session.flashMessages.get('province')) ?? known(current?.provinceCode) ?? ''
    return view.render('integration::counter_address/show', {
      inUse: {
        source: inUse.source,
        provinceName: await unitName(current?.provinceCode ?? null),
        communeName: await unitName(current?.communeCode ?? null),
      },
      provinces: [
        { value: '', label: i18n.t('integration.counter_address.choose_province') },
        ...provinces.map((unit) => ({ value: unit.code, label: unit.name })),
      ],
      province,
      provinceName: await unitName(province || null),
      communes: await communeOptions(
        province,
        i18n.t(province ? 'integration.counter_address.choose_commune' : 'integration.counter_address.choose_province_first')
      ),
      commune: current && current.provinceCode === province ? (current.communeCode ?? '') : '',
    })
  }

  async update({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('configureIntegrations')
    const action = request.input('action')
    const messagesProvider = counterAddressMessages(i18n)

    if (action === 'bo') {
      await clearCounterAddress()
      session.flash('notice', i18n.t('integration.counter_address.cleared'))
      return response.redirect().status(303).toPath(COUNTER_ADDRESS_PAGE)
    }

    if (action === 'chon-tinh') {
      const [error, details] = await request.tryValidateUsing(provinceChoiceValidator, { messagesProvider })
      if (error) {
        session.flashValidationErrors(error, false)
        return response.redirect().toPath(COUNTER_ADDRESS_PAGE)
      }
      return response.redirect().status(303).toPath(`${COUNTER_ADDRESS_PAGE}?province=${encodeURIComponent(details.province)}`)
    }

    const [error, details] = await request.tryValidateUsing(counterAddressValidator, { messagesProvider })
    if (error) {
      session.flashValidationErrors(error, false)
      session.flashOnly(['province', 'commune'])
      return response.redirect().toPath(COUNTER_ADDRESS_PAGE)
    }
    if (!details.province || !details.commune) {
      await clearCounterAddress()
      session.flash('notice', i18n.t('integration.counter_address.cleared'))
    } else {
      await storeCounterAddress({ province: details.province, commune: details.commune })
      session.flash(
        'notice',
        i18n.t('integration.counter_address.saved', {
          commune: await unitName(details.commune),
          province: await unitName(details.province),
        })
      )
    }
    return response.redirect().status(303).toPath(COUNTER_ADDRESS_PAGE)
  }
}
