import { Public } from '@khoinghiep/auth';
import { ResourceNotFoundError } from '@khoinghiep/http';
import { Controller, Get, Headers, Param } from '@nestjs/common';
import {
  ApiGatewayTimeoutResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { isServiceName, SERVICE_NAMES } from '../gateway-proxy/service-directory.js';
import { SystemStatus } from './system-status.dto.js';
import { SystemStatusService } from './system-status.service.js';

@ApiTags('system')
@Public()
@Controller('system/status')
export class SystemStatusController {
  constructor(private readonly system: SystemStatusService) {}

  @ApiOperation({
    summary: 'Tình trạng các thành phần / Status of every part',
    description:
      'Hỏi đồng thời mọi dịch vụ; nêu rõ thành phần nào không hoạt động. / Asks every service concurrently.',
  })
  @ApiOkResponse({ type: SystemStatus })
  @ApiHeader({
    name: 'accept-language',
    required: false,
    description:
      'Ngôn ngữ của chi tiết lỗi: vi (mặc định) hoặc en / Language of the details: vi (default) or en',
  })
  @Get()
  status(@Headers('accept-language') acceptLanguage?: string): Promise<SystemStatus> {
    return this.system.status(acceptLanguage);
  }

  @ApiOperation({ summary: 'Sẵn sàng của một dịch vụ / Readiness of one service' })
  @ApiParam({ name: 'service', enum: SERVICE_NAMES })
  @ApiOkResponse({ description: "The service's own readiness report" })
  @ApiNotFoundResponse({ description: 'Không có dịch vụ này / No such service' })
  @ApiServiceUnavailableResponse({
    description: 'Dịch vụ không khả dụng / Service unavailable (problem+json)',
  })
  @ApiGatewayTimeoutResponse({ description: 'Dịch vụ không phản hồi kịp / Service timed out (problem+json)' })
  @Get(':service')
  service(@Param('service') service: string): Promise<unknown> {
    if (!isServiceName(service)) throw new ResourceNotFoundError('service');
    return this.system.readiness(service);
  }
}
