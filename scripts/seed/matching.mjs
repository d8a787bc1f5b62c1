// Seeds the investor side over the gateway, as its users would: the three demo investors of projects.json get
// profiles (so each sees ranked, explained matches at once), one saves a search, and three interests show the
// consent flow: one accepted with an introduction and a commitment (which opens a co-investment lead in funding),
// one declined, one waiting for its founder. Safe to run again: profiles are replaced only when missing, interests
// are found by project.
import { Api } from './api.mjs';
import { DEMO_PASSWORD } from './projects.mjs';

/** Investor profiles by the investor's e-mail (accounts registered by the projects seed). */
export const PROFILES = {
  'deals@mekong-angels.seed.khoinghiep.vn': {
    kind: 'angel',
    displayName: 'Quỹ thiên thần Mê Kông',
    organisation: 'Mạng lưới nhà đầu tư thiên thần Đồng bằng sông Cửu Long',
    sectors: ['agriculture_food', 'handicrafts', 'tourism'],
    excludedSectors: [],
    stages: ['early_revenue', 'growth'],
    ticketMin: '300000000',
    ticketMax: '3500000000',
    provinceCodes: ['82', '86', '91', '92', '96'],
    provincesOnly: false,
    targetGroups: ['poverty_escape', 'women_led'],
    thesis:
      'Đầu tư nông sản đặc sản và chế biến sâu cho xuất khẩu: lúa gạo hữu cơ, thủy sản, trái cây sấy, nước mắm truyền thống; ưu tiên hợp tác xã và hộ thoát nghèo vùng Đồng bằng sông Cửu Long.',
    coinvestWithState: true,
    contact: { email: 'deals@mekong-angels.seed.khoinghiep.vn', phone: '0292 3 888 123' },
    sharedContactFields: ['email', 'phone'],
  },
  'invest@xanhviet.seed.khoinghiep.vn': {
    kind: 'enterprise',
    displayName: 'Công ty CP Đầu tư Xanh Việt',
    organisation: 'Công ty Cổ phần Đầu tư Xanh Việt',
    sectors: ['clean_production', 'manufacturing', 'agriculture_food'],
    excludedSectors: ['tourism'],
    stages: ['prototype', 'early_revenue', 'growth'],
    ticketMin: '1000000000',
    ticketMax: '8000000000',
    provinceCodes: [],
    provincesOnly: false,
    targetGroups: [],
    thesis:
      'Sản xuất sạch hơn và kinh tế tuần hoàn: tái chế nhựa, phụ phẩm thủy sản, máy sấy năng lượng mặt trời, xử lý ô nhiễm cho cơ sở công nghiệp nông thôn.',
    coinvestWithState: true,
    contact: { email: 'invest@xanhviet.seed.khoinghiep.vn', website: 'https://xanhviet.example.vn' },
    sharedContactFields: ['email', 'website'],
  },
  'quy@phunu.seed.khoinghiep.vn': {
    kind: 'association_fund',
    displayName: 'Quỹ hỗ trợ phụ nữ khởi nghiệp',
    organisation: 'Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk',
    sectors: [],
    excludedSectors: [],
    stages: ['idea', 'prototype', 'early_revenue'],
    ticketMin: '100000000',
    ticketMax: '1600000000',
    provinceCodes: ['66'],
    provincesOnly: false,
    targetGroups: ['women_led'],
    thesis:
      'Phụ nữ khởi nghiệp ở làng nghề thủ công và vùng cà phê Tây Nguyên: cà phê đặc sản, mật ong, dệt thổ cẩm.',
    coinvestWithState: false,
    contact: {
      email: 'quy@phunu.seed.khoinghiep.vn',
      phone: '0262 3 852 456',
      address: 'Phường Buôn Ma Thuột, Đắk Lắk',
    },
    sharedContactFields: ['email', 'phone'],
  },
};

/** A saved search of an investor (new matching projects above the score notify them). */
export const SAVED_SEARCHES = [
  {
    investor: 'invest@xanhviet.seed.khoinghiep.vn',
    body: {
      name: 'Sản xuất sạch hơn',
      filters: { sectors: ['clean_production'] },
      minScore: 40,
      notify: true,
    },
  },
];

/** Interests from investors in published projects, and how each founder answers (or not yet). */
export const INTERESTS = [
  {
    investor: 'deals@mekong-angels.seed.khoinghiep.vn',
    founder: 'tuan.pham@seed.khoinghiep.vn',
    project: 'Gạo ST25 hữu cơ trên đất lúa tôm',
    message:
      'Chúng tôi đầu tư chuỗi lúa gạo hữu cơ vùng Đồng bằng sông Cửu Long và muốn tìm hiểu mô hình lúa tôm của anh.',
    answer: { accept: { phone: '0913 456 789' } },
    commitment: '2000000000',
  },
  {
    investor: 'invest@xanhviet.seed.khoinghiep.vn',
    founder: 'hung.duong@seed.khoinghiep.vn',
    project: 'Nhà máy tái chế nhựa thành vật liệu xây dựng',
    message: 'Xanh Việt quan tâm công nghệ tái chế nhựa của anh, mong được trao đổi về công suất và đầu ra.',
    answer: { decline: 'Dự án đã đủ vốn cho giai đoạn này, cảm ơn quý công ty.' },
  },
  {
    investor: 'quy@phunu.seed.khoinghiep.vn',
    founder: 'lan.nguyen@seed.khoinghiep.vn',
    project: 'Cà phê đặc sản Buôn Ma Thuột',
    message: 'Quỹ hỗ trợ phụ nữ khởi nghiệp mong được gặp chị để tìm hiểu kế hoạch xuất khẩu cà phê.',
    answer: null,
  },
];

async function ensureProfile(api, investor, body) {
  const current = await api.call('GET', '/matching/investors/me/profile', {
    auth: investor.token,
    ok: [200, 404],
  });
  if (current.status === 200) return false;
  await api.call('PUT', '/matching/investors/me/profile', { auth: investor.token, body, ok: [201] });
  return true;
}

/** The project's id once matching knows it as published (its catalogue follows `projects.events`). */
async function publishedProjectId(api, founder, title) {
  const project = (await api.all('/me/projects', founder.token)).find(
    (candidate) => candidate.title === title,
  );
  if (project?.status !== 'published') throw new Error(`"${title}" is not a published project`);
  return project.id;
}

async function expressWhenKnown(api, investor, projectId, message) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await api.call('POST', '/matching/interests', {
      auth: investor.token,
      body: { projectId, message },
      ok: [201, 409],
    });
    if (answer.status === 201) return answer.body;
    if (answer.body?.code !== 'INTEREST_PROJECT_NOT_PUBLISHED' || Date.now() > deadline)
      throw new Error(`interest in ${projectId}: ${answer.body?.detail}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function interestFlow(api, spec, investor, founder) {
  const projectId = await publishedProjectId(api, founder, spec.project);
  const mine = await api.all('/matching/interests', investor.token, { projectId });
  if (mine.length > 0) return false;
  const interest = await expressWhenKnown(api, investor, projectId, spec.message);
  if (spec.answer?.accept) {
    const accepted = await api.call('POST', `/matching/interests/${interest.id}/accept`, {
      auth: founder.token,
      body: { contact: spec.answer.accept },
    });
    if (spec.commitment)
      await api.call('PUT', `/matching/introductions/${accepted.body.introductionId}/pipeline`, {
        auth: investor.token,
        body: { status: 'committed', amount: spec.commitment, note: 'Cam kết vòng hạt giống.' },
      });
  } else if (spec.answer?.decline) {
    await api.call('POST', `/matching/interests/${interest.id}/decline`, {
      auth: founder.token,
      body: { reason: spec.answer.decline },
    });
  }
  return true;
}

export async function seedMatching({ gateway, log }) {
  const api = new Api(gateway, log);
  const sessions = new Map();
  const session = async (email) => {
    if (!sessions.has(email)) sessions.set(email, await api.login(email, DEMO_PASSWORD));
    return sessions.get(email);
  };

  let profiles = 0;
  for (const [email, body] of Object.entries(PROFILES))
    if (await ensureProfile(api, await session(email), body)) profiles += 1;

  for (const search of SAVED_SEARCHES) {
    const investor = await session(search.investor);
    const existing = await api.call('GET', '/matching/saved-searches', { auth: investor.token });
    if (!existing.body.some((saved) => saved.name === search.body.name))
      await api.call('POST', '/matching/saved-searches', { auth: investor.token, body: search.body });
  }

  let interests = 0;
  for (const spec of INTERESTS)
    if (await interestFlow(api, spec, await session(spec.investor), await session(spec.founder)))
      interests += 1;

  return `${profiles} investor profiles and ${interests} interests created (${Object.keys(PROFILES).length} and ${INTERESTS.length} in the data set)`;
}
