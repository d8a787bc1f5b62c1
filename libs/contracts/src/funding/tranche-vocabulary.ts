/** Where a grant is in its disbursement: paying tranches, accepted (nghiệm thu), settled (quyết toán). */
export const GRANT_DISBURSEMENT_STAGES = ['disbursing', 'accepted', 'settled'] as const;
export type GrantDisbursementStage = (typeof GRANT_DISBURSEMENT_STAGES)[number];
