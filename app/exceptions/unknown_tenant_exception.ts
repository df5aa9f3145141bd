import { Exception } from '@adonisjs/core/exceptions'

export default class UnknownTenantException extends Exception {
  static status = 404
  static code = 'E_UNKNOWN_TENANT'
  static message = 'No tenant is served at this host name'
}
