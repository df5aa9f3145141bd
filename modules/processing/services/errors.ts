/*
 * What the engine answers when it refuses an action. Nothing has been written when any of these
 * is thrown: every check runs before the first write, and the one write that can lose a race
 * (the dossier's conditional update) is the first one.
 */
import { Exception } from '@adonisjs/core/exceptions'

/** Someone changed the dossier since the officer's page was drawn (optimistic locking, issue 5 item 7). */
export class DossierChangedError extends Exception {
  static status = 409
  static code = 'E_DOSSIER_CHANGED'

  constructor(readonly dossierId: number) {
    super('Hồ sơ vừa được người khác cập nhật. Thông tin dưới đây là mới nhất; hãy xem lại trước khi thao tác.')
  }
}

export type RefusalReason = 'not_found' | 'no_workflow' | 'wrong_step' | 'not_allowed' | 'not_offered' | 'finished' | 'guard'

const REFUSALS: Record<RefusalReason, string> = {
  not_found: 'Không tìm thấy hồ sơ.',
  no_workflow: 'Hồ sơ chưa gắn với quy trình xử lý nào.',
  wrong_step: 'Thao tác này không thuộc bước hiện tại của hồ sơ.',
  not_allowed: 'Bạn không có quyền thực hiện thao tác này ở bước hiện tại của hồ sơ.',
  not_offered: 'Thao tác này chưa thực hiện được với trạng thái hiện tại của hồ sơ.',
  finished: 'Hồ sơ đã kết thúc xử lý.',
  guard: 'Thao tác này chưa thực hiện được.',
}

/** The action is not one this officer may take on this dossier now (wrong role, wrong step, …). */
export class ActionRefusedError extends Exception {
  static status = 403
  static code = 'E_ACTION_REFUSED'

  constructor(
    readonly reason: RefusalReason,
    message?: string
  ) {
    super(message ?? REFUSALS[reason], { status: reason === 'not_found' ? 404 : 403 })
  }
}

/** The action may be taken, but what was sent with it is incomplete: messages by form field. */
export class ActionInvalidError extends Exception {
  static status = 422
  static code = 'E_ACTION_INVALID'

  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join(' '))
  }
}
