/*
 * Which Appendix I statuses mean what for oversight: still being resolved or resolved, and in
 * which the deadline clock cannot run (the engine's rule, services/deadlines.ts: not received
 * yet, waiting for the applicant, or ended). Shared by the search, the dashboards, the digest
 * and the direction view, so a count and the list it links to always agree.
 */

/** Result ready at the counter, or handed over (ST-19, ST-20). */
export const DONE_STATUSES: readonly string[] = ['da_xu_ly_xong', 'da_tra_ket_qua']

/** The dossier's path ended without a result: refused, stopped, withdrawn by the applicant. */
export const CLOSED_STATUSES: readonly string[] = ['khong_duoc_tiep_nhan', 'dung_xu_ly', 'da_rut_ho_so']

/** Every status that is no longer being resolved. */
export const ENDED_STATUSES: readonly string[] = [...DONE_STATUSES, ...CLOSED_STATUSES]

/** Nothing more is owed to the applicant: returned, or ended without a result. */
export const FINISHED_STATUSES: readonly string[] = ['da_tra_ket_qua', ...CLOSED_STATUSES]

/** Statuses in which the clock does not run, so the deadline cannot pass. */
export const CLOCK_IDLE_STATUSES: readonly string[] = [...ENDED_STATUSES, 'moi_dang_ky', 'yeu_cau_bo_sung_giay_to']
