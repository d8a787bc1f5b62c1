import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PartStatus {
  @ApiProperty({ example: 'projects' })
  name!: string;

  @ApiProperty({ enum: ['up', 'down'], description: 'Trạng thái / State' })
  status!: 'up' | 'down';

  @ApiProperty({ description: 'Thời gian phản hồi (ms) / Answer time (ms)', example: 12 })
  latencyMs!: number;

  @ApiPropertyOptional({
    description: 'Mã lỗi khi không hoạt động / Problem code when down',
    example: 'SERVICE_UNAVAILABLE',
  })
  code?: string;

  @ApiPropertyOptional({ description: 'Chi tiết / Detail when down' })
  detail?: string;
}

export class SystemStatus {
  @ApiProperty({
    enum: ['up', 'degraded'],
    description:
      'up: mọi thành phần hoạt động; degraded: có thành phần không hoạt động / up: every part answers',
  })
  status!: 'up' | 'degraded';

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: [PartStatus] })
  parts!: PartStatus[];
}
