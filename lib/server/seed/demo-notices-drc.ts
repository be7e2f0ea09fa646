/** Demo notices: 海平市发展和改革委员会 — prices, development plans, projects, business environment. */
import type { DemoNotice } from "./demo-notices";

const WATER_BODY = `根据《中华人民共和国价格法》《政府制定价格听证办法》和《海平市定价目录》有关规定，海平市发展和改革委员会定于2026年4月10日召开海平市居民生活用水价格调整听证会，现将有关事项公告如下。

## 一、听证事项

海平市自来水有限公司申请调整中心城区居民生活用水价格。经成本监审，2025年中心城区供水定价成本为每立方米2.87元。听证会将讨论以下两个方案：

| 阶梯 | 年用水量（立方米/户） | 现行价格（元/立方米） | 方案一（元/立方米） | 方案二（元/立方米） |
| --- | --- | --- | --- | --- |
| 第一阶梯 | 0—216 | 2.60 | 2.95 | 2.85 |
| 第二阶梯 | 217—300 | 3.90 | 4.43 | 4.28 |
| 第三阶梯 | 300以上 | 7.80 | 8.85 | 8.55 |

城乡低保户、特困人员每户每月免收5立方米水费的政策保持不变。

## 二、听证会时间和地点

2026年4月10日（星期五）上午9:00，海平市市民中心A座四楼第一会议室。

## 三、听证参加人和旁听人员报名

本次听证会设听证参加人21名，其中消费者参加人不少于11名，另设旁听席20个。年满18周岁、在海平市中心城区居住的市民均可报名，报名时间为2026年3月9日至2026年3月20日。报名方式：电子邮件jgtz@drc.haiping.example，或到海平市市民中心A座三楼价格管理科现场报名，需提供身份证明和联系方式。报名人数超过名额时，以随机抽签方式确定，抽签过程接受公证。

## 四、材料公开

定价成本监审报告、调价方案及说明已在海平市政府门户网站（www.haiping.example）公开。

联系电话：0000-6170116。

海平市发展和改革委员会`;

const WATER_AMENDED = WATER_BODY.replace("定于2026年4月10日召开", "定于2026年4月17日召开").replace(
  "2026年4月10日（星期五）上午9:00，海平市市民中心A座四楼第一会议室。",
  "2026年4月17日（星期五）上午9:00，海平市市民中心A座二楼多功能厅（已变更）。",
);

const WATER_EN_BODY = `The Haiping Municipal Development and Reform Commission will hold a public hearing on 10 April 2026 on the proposed adjustment of residential water prices in the central districts, in accordance with the Price Law and the Measures for Public Hearings on Government Pricing. This English version is for reference; the Chinese notice (海发改价〔2026〕5号) prevails.

**Proposals.** The audited supply cost for 2025 is CNY 2.87 per cubic metre. Two options will be discussed:

| Tier | Annual use (m³ per household) | Current (CNY/m³) | Option 1 (CNY/m³) | Option 2 (CNY/m³) |
| --- | --- | --- | --- | --- |
| 1 | 0–216 | 2.60 | 2.95 | 2.85 |
| 2 | 217–300 | 3.90 | 4.43 | 4.28 |
| 3 | over 300 | 7.80 | 8.85 | 8.55 |

The free 5 m³ per month for low-income households continues under both options.

**Time and place.** 09:00 on Friday 10 April 2026, Meeting Room 1, 4th floor, Block A, Haiping Civic Centre.

**Registration.** Residents of the central districts aged 18 or over, including foreign nationals holding a residence permit, may register as hearing participants (21 places) or observers (20 places) between 9 and 20 March 2026 by e-mail to jgtz@drc.haiping.example. Places are drawn by lot if oversubscribed. Telephone: 0000-6170116.`;

const WATER_EN_AMENDED = WATER_EN_BODY.replace("hold a public hearing on 10 April 2026", "hold a public hearing on 17 April 2026").replace(
  "**Time and place.** 09:00 on Friday 10 April 2026, Meeting Room 1, 4th floor, Block A, Haiping Civic Centre.",
  "**Time and place.** 09:00 on Friday 17 April 2026, Multi-function Hall, 2nd floor, Block A, Haiping Civic Centre (changed).",
);

const BUSINESS_BODY = `为持续优化营商环境，激发市场主体活力，根据国务院《优化营商环境条例》，我委会同有关部门起草了《海平市进一步优化营商环境若干措施（征求意见稿）》，现向社会公开征求意见。

## 一、主要内容

征求意见稿提出5个方面24条措施：

1. **政务服务**：企业开办全流程1个工作日内办结，“一件事一次办”事项扩大至40项；
2. **投资建设**：社会投资低风险工业项目从立项到取得施工许可不超过15个工作日；
3. **公平竞争**：全面清理妨碍统一市场和公平竞争的规定，外商投资企业平等参与政府采购和标准制定；
4. **融资支持**：设立20亿元中小企业转贷应急资金，首贷、续贷服务中心覆盖所有区；
5. **涉企检查**：推行“综合查一次”，同一部门对同一企业年度现场检查原则上不超过1次。

## 二、征求意见时间

2026年4月20日至2026年5月19日。

## 三、反馈方式

请登录海平市政府门户网站（www.haiping.example）“意见征集”栏目在线提交，或发送电子邮件至yshj@drc.haiping.example。企业可同时通过所在区工商业联合会提交意见。联系电话：0000-6170125。

海平市发展和改革委员会`;

const BUSINESS_EN_BODY = `The Haiping Municipal Development and Reform Commission invites domestic and foreign-invested enterprises, chambers of commerce and the public to comment on the draft Measures to Further Improve the Business Environment of Haiping. The Chinese draft (海发改〔2026〕8号) is the authoritative text.

The draft contains 24 measures in five areas:

- **Government services**: company registration completed within one working day; 40 "one-stop" services;
- **Investment and construction**: low-risk industrial projects obtain a construction permit within 15 working days;
- **Fair competition**: review of local rules that restrict competition; equal access for foreign-invested enterprises to government procurement and standard-setting;
- **Finance**: a CNY 2 billion bridge-loan fund for small and medium-sized enterprises;
- **Inspections**: one combined inspection per enterprise per year by the same department, in principle.

**Consultation period.** 22 April to 19 May 2026.

**How to comment.** Online at www.haiping.example ("Consultations"), or by e-mail to yshj@drc.haiping.example. Comments in English are accepted and will be answered in the consultation report. Telephone: 0000-6170125.`;

const PROJECTS_BODY = `经海平市人民政府同意，现将《海平市2026年重点建设项目计划》予以公开。

2026年全市安排重点建设项目186个，总投资2,145亿元，年度计划投资468亿元。其中，产业项目82个，年度计划投资231亿元；基础设施项目61个，年度计划投资158亿元；社会民生项目43个，年度计划投资79亿元。

部分重大项目如下：

| 项目名称 | 建设内容 | 总投资（亿元） | 2026年计划投资（亿元） |
| --- | --- | --- | --- |
| 海平港三期集装箱码头工程 | 新建5万吨级集装箱泊位4个 | 86.0 | 18.5 |
| 轨道交通3号线一期工程 | 线路长22.4公里，设站17座 | 168.3 | 32.0 |
| 疏港大道拓宽工程 | 拓宽改造道路9.8公里 | 24.6 | 9.2 |
| 海平市第三人民医院扩建工程 | 新增床位800张 | 12.8 | 3.6 |
| 滨海新区海洋科技产业园 | 建设研发和中试厂房48万平方米 | 35.0 | 8.0 |

各项目责任单位要加快前期工作，落实建设条件，确保按计划推进。项目进展情况将按季度公开。

联系电话：0000-6170131（海平市发展和改革委员会重大项目科）。`;

const ANNUAL_REPORT_BODY = `本报告根据《中华人民共和国政府信息公开条例》第五十条规定编制，报告所列数据统计期限为2025年1月1日至2025年12月31日。

## 一、总体情况

2025年，我委主动公开政府信息1,126条，其中规划计划类38条，政策文件类64条，价格信息类412条，项目审批类523条，其他89条。全年召开政策解读新闻发布会6场，组织价格听证会2场。

## 二、收到和处理政府信息公开申请情况

| 项目 | 数量 |
| --- | --- |
| 上年结转 | 3 |
| 本年新收申请 | 57 |
| 予以公开 | 31 |
| 部分公开 | 9 |
| 不予公开 | 4 |
| 无法提供 | 10 |
| 不予处理 | 2 |
| 结转下年度继续办理 | 4 |

## 三、政府信息公开行政复议、行政诉讼情况

因政府信息公开工作被申请行政复议2件，结果均为维持；被提起行政诉讼1件，尚未审结。

## 四、存在的主要问题及改进情况

部分项目审批信息公开不够及时。2026年将推进项目审批结果自动推送公开，并完善英文版政策文件发布。

海平市发展和改革委员会`;

const FIVE_YEAR_BODY = `海平市国民经济和社会发展第十五个五年规划纲要编制工作已全面启动。为广泛汇聚民智、凝聚共识，现面向社会公开征集意见建议。

征集内容包括：经济发展、科技创新、城市建设、生态环境、教育医疗、就业社保、养老托育、社会治理等方面，市民、企业和社会组织可围绕关心的问题提出具体意见建议。

征集时间：2025年12月15日至2026年1月31日。

参与方式：登录海平市政府门户网站（www.haiping.example）“十五五规划建言”专栏填写，或发送电子邮件至sww@drc.haiping.example，也可邮寄至海平市滨海大道88号市民中心A座海平市发展和改革委员会发展规划科，信封注明“十五五规划建言”。

对被采纳的优秀意见建议，我委将在规划纲要编制说明中予以反映。来信请勿涉及个人隐私信息。联系电话：0000-6170103。

海平市发展和改革委员会`;

const PORT_APPROVAL_BODY = `根据《企业投资项目核准和备案管理条例》，我委已对海平港三期集装箱码头工程项目予以核准，现将核准批复主要内容公开如下。

- **项目单位**：海平港口集团有限公司
- **建设地点**：海平港临港作业区
- **建设规模和内容**：新建5万吨级集装箱泊位4个（水工结构按靠泊10万吨级集装箱船设计），码头岸线长1,320米，设计年通过能力240万标准箱，配套建设堆场、道路、生产辅助建筑和供电、给排水等设施
- **总投资及资金来源**：项目总投资86.0亿元，其中项目资本金占30%，由项目单位自筹，其余通过银行贷款解决
- **核准文件有效期**：2年，自发布之日起计算

项目单位应依法办理环境影响评价、海域使用、建设工程规划许可等手续，落实节能审查意见，严格执行招标投标有关规定。

联系电话：0000-6170131。

海平市发展和改革委员会`;

export const DRC_NOTICES: DemoNotice[] = [
  {
    id: "HP-DRC-2025-052",
    agency: "hp-drc",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 343, // 2025-12-15
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征集海平市“十五五”规划纲要意见建议的公告",
          number: "海发改〔2025〕52号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2025-12-15",
          body: FIVE_YEAR_BODY,
        },
      },
    ],
  },
  {
    id: "HP-DRC-2026-001",
    agency: "hp-drc",
    language: "zh-CN",
    category: "information",
    daysAgo: 307, // 2026-01-20
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市发展和改革委员会2025年政府信息公开工作年度报告",
          number: "海发改〔2026〕1号",
          category: "information",
          language: "zh-CN",
          effectiveDate: "2026-01-20",
          body: ANNUAL_REPORT_BODY,
        },
      },
    ],
  },
  {
    id: "HP-DRC-2026-003",
    agency: "hp-drc",
    language: "zh-CN",
    category: "projects",
    daysAgo: 301, // 2026-01-26
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2026年重点建设项目计划",
          number: "海发改〔2026〕3号",
          category: "projects",
          language: "zh-CN",
          effectiveDate: "2026-01-26",
          body: PROJECTS_BODY,
        },
      },
    ],
  },
  {
    id: "HP-DRC-2026-005",
    agency: "hp-drc",
    language: "zh-CN",
    category: "prices",
    daysAgo: 259, // 2026-03-09
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于召开海平市居民生活用水价格调整听证会的公告",
          number: "海发改价〔2026〕5号",
          category: "prices",
          language: "zh-CN",
          effectiveDate: "2026-03-09",
          body: WATER_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 18, // 2026-03-27
        fields: {
          title: "关于召开海平市居民生活用水价格调整听证会的公告（变更听证时间地点）",
          number: "海发改价〔2026〕5号",
          category: "prices",
          language: "zh-CN",
          effectiveDate: "2026-03-09",
          body: WATER_AMENDED,
          reason: "因会场改造，听证会改为2026年4月17日（星期五）上午9:00在海平市市民中心A座二楼多功能厅举行，已确定的听证参加人和旁听人员资格继续有效。",
        },
      },
    ],
  },
  {
    id: "HP-DRC-2026-005-EN",
    agency: "hp-drc",
    language: "en",
    category: "prices",
    daysAgo: 258, // 2026-03-10
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Notice of Public Hearing on the Adjustment of Residential Water Prices (English Version)",
          number: "HPDRC Price [2026] No. 5",
          category: "prices",
          language: "en",
          effectiveDate: "2026-03-09",
          body: WATER_EN_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 17, // 2026-03-27
        fields: {
          title: "Notice of Public Hearing on the Adjustment of Residential Water Prices (English Version, New Date)",
          number: "HPDRC Price [2026] No. 5",
          category: "prices",
          language: "en",
          effectiveDate: "2026-03-09",
          body: WATER_EN_AMENDED,
          reason:
            "The hearing has moved to 09:00 on Friday 17 April 2026, Multi-function Hall, 2nd floor, Block A, Haiping Civic Centre. Registrations already confirmed remain valid.",
        },
      },
    ],
  },
  {
    id: "HP-DRC-2026-008",
    agency: "hp-drc",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 217, // 2026-04-20
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征求《海平市进一步优化营商环境若干措施（征求意见稿）》意见的公告",
          number: "海发改〔2026〕8号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-04-20",
          body: BUSINESS_BODY,
        },
      },
    ],
  },
  {
    id: "HP-DRC-2026-008-EN",
    agency: "hp-drc",
    language: "en",
    category: "consultation",
    daysAgo: 215, // 2026-04-22
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Consultation on the Draft Measures to Further Improve the Business Environment of Haiping",
          number: "HPDRC [2026] No. 8",
          category: "consultation",
          language: "en",
          effectiveDate: "2026-04-22",
          body: BUSINESS_EN_BODY,
        },
      },
    ],
  },
  {
    id: "HP-DRC-2026-036",
    agency: "hp-drc",
    language: "zh-CN",
    category: "projects",
    daysAgo: 28, // 2026-10-26
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平港三期集装箱码头工程项目核准批复公开",
          number: "海发改审批〔2026〕36号",
          category: "projects",
          language: "zh-CN",
          effectiveDate: "2026-10-26",
          body: PORT_APPROVAL_BODY,
        },
      },
    ],
  },
];
