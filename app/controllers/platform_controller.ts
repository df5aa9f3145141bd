import type { HttpContext } from '@adonisjs/core/http'
import Tenant from '#tenancy/tenant'

/** Plain `localhost` lists the tenants served by this deployment. */
export default class PlatformController {
  async index({ request, view }: HttpContext) {
    const port = request.host()?.split(':')[1]
    const tenants = await Tenant.query().orderBy('name')
    return view.render('pages/platform/tenants', {
      tenants: tenants.map((tenant) => {
        const host = tenant.hostNames[0]
        return { name: tenant.name, host, url: `${request.protocol()}://${host}${port ? `:${port}` : ''}/` }
      }),
    })
  }
}
