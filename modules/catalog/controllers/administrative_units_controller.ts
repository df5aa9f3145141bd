import type { HttpContext } from '@adonisjs/core/http'
import { administrativeUnits } from '#catalog/services/administrative_units'
import { pageOf } from '#catalog/services/shared_catalogues'

/** OS-16: the administrative units (platform-wide, read-only): search by name, by province. */
export default class AdministrativeUnitsController {
  async index({ request, response, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const qs = request.qs()
    const q = typeof qs.q === 'string' ? qs.q.trim().slice(0, 100) : ''
    const provinces = await administrativeUnits.provinces()
    const province = provinces.find((unit) => unit.code === qs.tinh)?.code ?? ''
    const units = await administrativeUnits.paginate({ q, provinceCode: province || undefined }, pageOf(qs))
    units.baseUrl('/quan-tri/danh-muc/don-vi-hanh-chinh').queryString(
      Object.fromEntries(Object.entries({ q, tinh: province }).filter(([, value]) => value !== ''))
    )
    const provinceNames = new Map(provinces.map((unit) => [unit.code, unit.name]))
    const data = { units, q, province, provinces, provinceNames }
    response.header('Vary', 'HX-Request, HX-Request-Type')
    if (request.header('HX-Request-Type') === 'partial') {
      return view.render('catalog::pages/admin/shared_catalogues/units_results', data)
    }
    return view.render('catalog::pages/admin/shared_catalogues/units', data)
  }
}
