import 'reflect-metadata';
import { existsSync } from 'node:fs';
import {
  defineRoutes,
  PageQueryDto,
  ProjectView,
  ROUTE_CATALOGUE,
  SubmitProjectDto,
} from '@khoinghiep/contracts';
import { Body, Controller, Get, Query } from '@nestjs/common';
import { Handles } from './handles.decorator.js';
import { documentationProblems, routeBindingProblems } from './route-bindings.js';

const Routes = defineRoutes(
  { service: 'projects', tag: 'test' },
  {
    listThings: {
      method: 'GET',
      path: '/things',
      query: PageQueryDto,
      response: { status: 200, view: { page: ProjectView }, doc: { vi: 'Trang', en: 'Page' } },
      access: 'signed-in',
      problems: [],
      summary: { vi: 'Liệt kê', en: 'List' },
    },
    submitThing: {
      method: 'POST',
      path: '/things/:id/submit',
      params: { id: { format: 'uuid', doc: { vi: 'Mã', en: 'Id' } } },
      body: SubmitProjectDto,
      response: { status: 200, view: { one: ProjectView }, doc: { vi: 'Nó', en: '' } },
      access: 'signed-in',
      problems: [{ status: 404, codes: [], vi: 'Không có', en: 'Not found' }],
      summary: { vi: 'Nộp', en: 'Submit' },
    },
  },
);
const catalogue = Object.values(Routes);

@Controller()
class ThingsController {
  @Handles(Routes.listThings)
  list(@Query() _query: SubmitProjectDto) {
    return { items: [], nextCursor: null };
  }

  @Get('/stray')
  stray() {
    return 'not declared';
  }
}

@Controller()
class MoreThingsController {
  @Handles(Routes.listThings)
  again(@Query() _query: PageQueryDto, @Body() _body: SubmitProjectDto) {
    return { items: [], nextCursor: null };
  }
}

describe('routeBindingProblems', () => {
  it('passes a service whose handlers match its declarations', () => {
    @Controller()
    class Good {
      @Handles(Routes.listThings)
      list(@Query() _query: PageQueryDto) {
        return { items: [], nextCursor: null };
      }
    }
    const onlyList = catalogue.filter((route) => route.operationId === 'listThings');
    expect(routeBindingProblems('projects', [Good], onlyList)).toEqual([]);
  });

  it('names handlers without a declaration, routes without a handler, twice-bound routes and wrong classes', () => {
    expect(
      routeBindingProblems('projects', [ThingsController, MoreThingsController], catalogue).sort(),
    ).toEqual(
      [
        'MoreThingsController.again: reads body SubmitProjectDto but listThings declares none',
        'ThingsController.list: reads query SubmitProjectDto but listThings declares PageQueryDto',
        'ThingsController.stray: a route handler without a declaration (bind it with @Handles)',
        'listThings: bound twice (ThingsController.list, MoreThingsController.again)',
        'submitThing: declared for projects but no handler binds it',
      ].sort(),
    );
  });
});

describe('documentationProblems', () => {
  it('names missing English and problems without a code', () => {
    expect(documentationProblems(Routes.submitThing)).toEqual([
      'submitThing response needs both vi and en',
      'submitThing problem 404 names no code',
    ]);
    expect(documentationProblems(Routes.listThings)).toEqual([]);
  });
});

describe('the route catalogue', () => {
  it('has, for every service that owns routes, a binding check in that service', () => {
    const services = [...new Set(ROUTE_CATALOGUE.map((route) => route.service))];
    expect(services.filter((service) => !existsSync(`apps/${service}/src/routes.spec.ts`))).toEqual([]);
  });
});
