import type { FundKind } from '@khoinghiep/contracts';
import { DomainError } from '@khoinghiep/http';

/** The call's fund is not a state fund that may co-invest (its programme is not `venture_coinvestment`): `409`. */
export class CoinvestmentFundKindError extends DomainError {
  constructor(callId: string, fundKind: FundKind) {
    super({
      code: 'COINVESTMENT_FUND_KIND',
      status: 409,
      params: { callId, fundKind },
      extensions: { callId, fundKind },
      messages: {
        title: { vi: 'Quỹ không được đồng đầu tư', en: 'This fund may not co-invest' },
        detail: {
          vi: 'Đợt {callId} thuộc quỹ loại {fundKind}; chỉ quỹ đầu tư mạo hiểm nhà nước được đồng đầu tư (Nghị định 38/2018).',
          en: 'Call {callId} belongs to a {fundKind} fund; only state venture funds co-invest (Decree 38/2018).',
        },
      },
    });
  }
}
