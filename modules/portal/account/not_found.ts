import { Exception } from '@adonisjs/core/exceptions'

/** Answered with the Vietnamese 404 page: the record is not the account's, or does not exist. */
export class AccountRecordNotFound extends Exception {
  static status = 404
  static code = 'E_ACCOUNT_RECORD_NOT_FOUND'
}
