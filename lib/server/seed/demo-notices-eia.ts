/** Demo notices: 海平市生态环境局 — environmental impact assessment (环评公示). */
import type { DemoNotice } from "./demo-notices";

const PORT_EIA_BODY = `根据《中华人民共和国环境影响评价法》和《环境影响评价公众参与办法》，我局已受理海平港三期集装箱码头工程环境影响报告书，现将有关信息公示如下。

## 一、项目概况

- **建设单位**：海平港口集团有限公司
- **建设地点**：海平港临港作业区
- **建设内容**：新建5万吨级集装箱泊位4个，码头岸线长1,320米，设计年通过能力240万标准箱，港池及航道疏浚约860万立方米
- **环评单位**：海平蓝湾环境科技有限公司

## 二、主要环境影响及措施

1. **海洋生态**：疏浚和吹填将造成底栖生物损失，拟采取避开鱼类产卵高峰期施工、增殖放流和人工鱼礁等生态补偿措施；
2. **大气环境**：推广岸电，靠港船舶使用岸电比例不低于80%，场内运输车辆全部采用新能源；
3. **声环境**：堆场边界设置声屏障，夜间限制高噪声作业；
4. **环境风险**：编制突发环境事件应急预案，配备溢油应急设备。

## 三、公示期限及查阅方式

公示期为2026年3月16日至2026年3月27日（10个工作日）。报告书全文及公众参与说明可在海平市生态环境局网站“环评公示”栏目查阅。

## 四、意见反馈

公众可在公示期内通过电子邮件（hpgs@eco.haiping.example）、信函（海平市滨海大道88号市民中心D座海平市生态环境局环境影响评价科）提交意见。联系电话：0000-6180220。

海平市生态环境局`;

const PORT_EIA_AMENDED = PORT_EIA_BODY.replace(
  "公示期为2026年3月16日至2026年3月27日（10个工作日）。报告书全文及公众参与说明",
  "公示期为2026年3月16日至2026年4月10日（已延长）。报告书全文、《海域生态环境影响专题报告》、渔业资源调查数据及公众参与说明",
);

const PORT_EIA_EN_BODY = `The Haiping Municipal Ecology and Environment Bureau has accepted for review the environmental impact assessment (EIA) report of the Haiping Port Phase III Container Terminal, under the Environmental Impact Assessment Law and the Measures for Public Participation in Environmental Impact Assessment. This is an English summary of the Chinese notice (海环审受〔2026〕4号).

**Project.** Four 50,000-tonne container berths with 1,320 m of quay and a design capacity of 2.4 million TEU a year, including about 8.6 million m³ of dredging. Developer: Haiping Port Group Co., Ltd.

**Main impacts and mitigation.**

- Marine ecology: dredging outside the peak fish spawning season, fish stock release and artificial reefs;
- air: shore power for at least 80% of calling vessels, electric yard vehicles;
- noise: noise barriers at the yard boundary, restrictions on noisy night work;
- risk: an oil spill response plan and equipment on site.

**Publicity period.** 16 to 27 March 2026. The full report (in Chinese) is available on the Bureau's website under "EIA Publicity".

**Comments.** Send comments by e-mail to hpgs@eco.haiping.example or by post to the EIA Division, Block D, Haiping Civic Centre, 88 Binhai Avenue. Telephone: 0000-6180220.`;

const ACCEPTANCE_BODY = `根据《环境影响评价公众参与办法》和《建设项目环境影响评价政府信息公开指南》，现将我局2026年5月受理的建设项目环境影响评价文件公示如下：

| 序号 | 项目名称 | 建设单位 | 建设地点 | 环评文件类型 |
| --- | --- | --- | --- | --- |
| 1 | 海平蓝海智能装备生产基地项目 | 海平蓝海智能装备有限公司 | 滨海新区科创二路 | 报告表 |
| 2 | 海平市东湖区污水管网提质增效工程 | 海平市水务集团有限公司 | 东湖区 | 报告表 |
| 3 | 海平临港冷链物流中心项目 | 海平临港冷链物流有限公司 | 临港区港兴路 | 报告书 |

公示期为2026年5月11日至2026年5月22日（10个工作日）。环评文件全本（删除涉及国家秘密、商业秘密和个人信息的内容）可在我局网站查阅。

公众对上述项目环境影响评价有意见的，可在公示期内以电子邮件（hpgs@eco.haiping.example）或信函方式向我局环境影响评价科反映。联系电话：0000-6180220。

海平市生态环境局`;

const INCINERATION_BODY = `根据《中华人民共和国环境影响评价法》，我局拟对海平市生活垃圾焚烧发电厂二期工程环境影响报告书作出审批决定，现将拟审批意见公示如下。

## 一、项目基本情况

海平市生活垃圾焚烧发电厂二期工程位于临港区环保产业园一期厂区西侧，新增生活垃圾处理规模1,500吨/日，建设2台600吨/日机械炉排炉，配套2台余热锅炉及1台35兆瓦汽轮发电机组。

## 二、主要环境保护措施

- 烟气采用“SNCR+半干法+干法+活性炭吸附+布袋除尘+SCR”组合工艺，烟气排放执行严于国家标准的地方标准；
- 烟气在线监测数据实时向社会公开，厂区设置公众开放日；
- 渗滤液经处理后全部回用，不外排；
- 飞灰经螯合稳定化后送安全填埋场处置。

## 三、公示期限

2026年6月22日至2026年6月29日（5个工作日）。

## 四、听证权利告知

公众、法人和其他组织认为公示项目涉及其重大利益关系的，可在公示期内书面申请听证。联系电话：0000-6180220；电子邮件：hpgs@eco.haiping.example。

海平市生态环境局`;

const INCINERATION_CORRECTED = INCINERATION_BODY.replace("新增生活垃圾处理规模1,500吨/日，", "新增生活垃圾处理规模1,200吨/日，");

const RESIN_BODY = `我局拟对海平化工园区年产5万吨高性能树脂项目环境影响报告书作出审批决定，现将拟审批有关情况公示如下。

建设单位为海平新材科技有限公司，项目位于海平化工园区纬三路以北，总投资12.6亿元，建设年产5万吨高性能树脂生产装置及配套储运、公用工程。

项目挥发性有机物经“冷凝+蓄热式焚烧”处理后排放；生产废水经厂内预处理后接入园区污水处理厂；危险废物委托有资质单位处置；设置三级环境风险防控体系。

公示期为2026年8月24日至2026年8月28日（5个工作日）。对拟审批意见有异议的，可通过电子邮件（hpgs@eco.haiping.example）或信函方式向我局反映，联系电话：0000-6180220。

海平市生态环境局`;

const WIND_BODY = `The Haiping Municipal Ecology and Environment Bureau has accepted the environmental impact report form for the Haiping Offshore Wind Farm Grid Connection Project and gives notice under the Environmental Impact Assessment Law.

**Project.** A 220 kV onshore substation at Shatou, Lingang District, and 18.4 km of underground cable connecting the offshore wind farm to the Haiping East 500 kV substation. Developer: Haiping Offshore Wind Power Co., Ltd.

**Main environmental issues.** Electromagnetic fields and noise at the substation boundary; temporary land occupation and soil erosion along the cable route; crossing of the Shatou River.

**Predicted results.** Power-frequency electric and magnetic fields at the nearest homes (about 65 m from the substation wall) are well below the national limits of 4 kV/m and 100 μT. Boundary noise meets the Class 2 limits (60 dB(A) day, 50 dB(A) night).

**Publicity period.** 30 October to 12 November 2026 (ten working days). The report form is available on the Bureau's website.

**Comments.** hpgs@eco.haiping.example, or telephone 0000-6180220.`;

const SEWAGE_BODY = `海平市水务集团有限公司：

你公司报送的《海平市污水处理厂四期扩建工程环境影响报告书》收悉。经研究，现批复如下：

一、项目位于海平市污水处理厂现有厂区东侧，新增污水处理规模20万立方米/日，采用“改良AAO+深度处理”工艺，出水执行地表水准IV类标准后排入海平河下游。在全面落实报告书提出的各项生态环境保护措施后，项目建设的不利环境影响能够得到缓解和控制，我局同意报告书结论。

二、项目建设和运行中应重点做好：厂区除臭设施全覆盖，厂界恶臭污染物浓度达标；污泥经脱水干化后送海平市生活垃圾焚烧发电厂协同处置；安装进出水在线监测设备并与生态环境部门联网。

三、项目竣工后，须按规定开展环境保护验收，验收合格后方可正式投入运行。

对本批复不服的，可在收到之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。

海平市生态环境局`;

export const EIA_NOTICES: DemoNotice[] = [
  {
    id: "HP-ECO-2025-047",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "eia",
    daysAgo: 357, // 2025-12-01
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于海平市污水处理厂四期扩建工程环境影响报告书的批复",
          number: "海环审〔2025〕47号",
          category: "eia",
          language: "zh-CN",
          effectiveDate: "2025-12-01",
          body: SEWAGE_BODY,
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-004",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "eia",
    daysAgo: 252, // 2026-03-16
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平港三期集装箱码头工程环境影响报告书受理公示",
          number: "海环审受〔2026〕4号",
          category: "eia",
          language: "zh-CN",
          effectiveDate: "2026-03-16",
          body: PORT_EIA_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 8, // 2026-03-24
        fields: {
          title: "海平港三期集装箱码头工程环境影响报告书受理公示（延长公示期）",
          number: "海环审受〔2026〕4号",
          category: "eia",
          language: "zh-CN",
          effectiveDate: "2026-03-16",
          body: PORT_EIA_AMENDED,
          reason: "应公众要求，补充公开报告书附件《海域生态环境影响专题报告》及渔业资源调查数据，公示期相应延长至2026年4月10日。",
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-004-EN",
    agency: "hp-ecology",
    language: "en",
    category: "eia",
    daysAgo: 251, // 2026-03-17
    versions: [
      {
        kind: "publish",
        fields: {
          title: "EIA Publicity: Haiping Port Phase III Container Terminal (English Summary)",
          number: "HPEEB EIA [2026] No. 4",
          category: "eia",
          language: "en",
          effectiveDate: "2026-03-16",
          body: PORT_EIA_EN_BODY,
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-010",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "eia",
    daysAgo: 196, // 2026-05-11
    versions: [
      {
        kind: "publish",
        fields: {
          title: "建设项目环境影响评价文件受理情况公示（2026年第10期）",
          number: "海环审受〔2026〕10号",
          category: "eia",
          language: "zh-CN",
          effectiveDate: "2026-05-11",
          body: ACCEPTANCE_BODY,
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-016",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "eia",
    daysAgo: 154, // 2026-06-22
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市生活垃圾焚烧发电厂二期工程环境影响报告书拟审批公示",
          number: "海环审〔2026〕16号",
          category: "eia",
          language: "zh-CN",
          effectiveDate: "2026-06-22",
          body: INCINERATION_BODY,
        },
      },
      {
        kind: "correct",
        daysAfterFirst: 2, // 2026-06-24
        fields: {
          title: "海平市生活垃圾焚烧发电厂二期工程环境影响报告书拟审批公示",
          number: "海环审〔2026〕16号",
          category: "eia",
          language: "zh-CN",
          effectiveDate: "2026-06-22",
          body: INCINERATION_CORRECTED,
          reason: "原公示中新增生活垃圾处理规模误为“1,500吨/日”，现更正为“1,200吨/日”（2台600吨/日机械炉排炉）。其余内容不变。",
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-028",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "eia",
    daysAgo: 91, // 2026-08-24
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平化工园区年产5万吨高性能树脂项目环境影响报告书拟审批公示",
          number: "海环审〔2026〕28号",
          category: "eia",
          language: "zh-CN",
          effectiveDate: "2026-08-24",
          body: RESIN_BODY,
        },
      },
      {
        kind: "retract",
        daysAfterFirst: 8, // 2026-09-01
        fields: {
          title: "海平化工园区年产5万吨高性能树脂项目环境影响报告书拟审批公示",
          reason: "建设单位于2026年8月31日书面申请撤回该项目环境影响报告书，我局依法终止审批程序，本拟审批公示予以撤销。项目如重新报批，将重新履行受理和公示程序。",
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-042-EN",
    agency: "hp-ecology",
    language: "en",
    category: "eia",
    daysAgo: 24, // 2026-10-30
    versions: [
      {
        kind: "publish",
        fields: {
          title: "EIA Acceptance Notice: Haiping Offshore Wind Farm Grid Connection Project",
          number: "HPEEB EIA [2026] No. 42",
          category: "eia",
          language: "en",
          effectiveDate: "2026-10-30",
          body: WIND_BODY,
        },
      },
    ],
  },
];
