/** Demo notices: 海平市人力资源和社会保障局 — recruitment, wages, social insurance, employment. */
import type { DemoNotice } from "./demo-notices";

const RECRUIT_BODY = `根据《事业单位人事管理条例》和《事业单位公开招聘人员暂行规定》，经海平市人力资源和社会保障局核准，海平市市属事业单位2026年面向社会公开招聘工作人员42名，现将有关事项公告如下。

## 一、招聘岗位（部分）

| 岗位代码 | 招聘单位 | 岗位名称 | 人数 | 学历要求 | 专业要求 |
| --- | --- | --- | --- | --- | --- |
| HP2026-03 | 海平市疾病预防控制中心 | 公共卫生医师 | 3 | 本科及以上 | 预防医学 |
| HP2026-05 | 海平市不动产登记中心 | 登记审核员 | 2 | 本科及以上 | 法学、土地资源管理 |
| HP2026-07 | 海平市公共就业服务中心 | 就业服务专员 | 2 | 硕士研究生及以上 | 人力资源管理、社会工作 |
| HP2026-11 | 海平市生态环境监测站 | 环境监测员 | 4 | 本科及以上 | 环境科学、分析化学 |

全部42个岗位的详细条件见海平市人力资源和社会保障局网站“事业单位招聘”栏目。

## 二、报名

报名时间为2026年3月10日9:00至2026年3月16日17:00，实行网上报名，每人限报1个岗位。

## 三、考试

笔试定于2026年4月11日举行，笔试和面试成绩各占50%。考试不指定辅导用书，不举办也不委托任何机构举办考试辅导培训班。

## 四、咨询和监督

政策咨询电话：0000-6190310；监督电话：0000-6190301。

海平市人力资源和社会保障局`;

const RECRUIT_CORRECTED = RECRUIT_BODY.replace("| 就业服务专员 | 2 | 硕士研究生及以上 |", "| 就业服务专员 | 2 | 本科及以上 |");

const MIN_WAGE_BODY = `各区人民政府，市有关单位：

根据《中华人民共和国劳动法》和《最低工资规定》，经市人民政府同意，现就调整我市最低工资标准有关事项通知如下。

## 一、调整后的标准

| 区域 | 月最低工资标准（元） | 非全日制用工小时最低工资标准（元） |
| --- | --- | --- |
| 东湖区、老城区、滨海新区 | 2,390 | 23.0 |
| 临港区 | 2,250 | 21.5 |

## 二、适用说明

月最低工资标准不包括用人单位依法缴纳的社会保险费和住房公积金个人缴费部分，也不包括加班工资，中班、夜班、高温、井下等特殊工作环境条件下的津贴，以及法律法规规定的劳动者福利待遇。

## 三、执行时间

本通知自2026年7月1日起执行，原最低工资标准同时废止。

劳动者认为用人单位支付的工资低于最低工资标准的，可拨打劳动保障监察举报投诉电话0000-6190333。

海平市人力资源和社会保障局`;

const MIN_WAGE_EN_BODY = `With the approval of the Haiping Municipal People's Government and in accordance with the Labour Law and the Minimum Wage Provisions, the minimum wage standards of Haiping City are adjusted as follows. This English version is for reference; the Chinese notice (海人社规〔2026〕2号) prevails.

| Area | Monthly minimum wage (CNY) | Hourly minimum wage for part-time work (CNY) |
| --- | --- | --- |
| Donghu, Old Town and Binhai New District | 2,390 | 23.0 |
| Lingang District | 2,250 | 21.5 |

The monthly minimum wage excludes the employee's own contributions to social insurance and the housing provident fund, overtime pay, and allowances for night shifts, high temperatures or other special working conditions.

**Effective date.** 1 July 2026; the previous standards are repealed on the same date.

Employees, including foreign employees, who are paid less than the minimum wage may complain to the Labour Inspection hotline, telephone 0000-6190333.`;

const FLEX_BODY = `为做好灵活就业人员参加职工基本养老保险工作，根据《中华人民共和国社会保险法》，我局起草了《海平市灵活就业人员参加职工基本养老保险实施办法（征求意见稿）》，现向社会公开征求意见。

征求意见稿主要内容：

- 取消灵活就业人员在本市参加职工基本养老保险的户籍限制，在本市就业的外地户籍灵活就业人员可在就业地参保；
- 缴费基数可在全市上年度全口径城镇单位就业人员平均工资的60%至300%之间自主选择，缴费比例为20%；
- 支持按月、按季、按半年或按年缴费，可通过“海平社保”手机应用程序办理；
- 新就业形态劳动者可同时参加职业伤害保障试点。

征求意见时间：2026年6月8日至2026年7月7日。意见可通过电子邮件（ylbx@hrss.haiping.example）提交，或寄至海平市滨海大道88号市民中心E座海平市人力资源和社会保障局养老保险科。联系电话：0000-6190352。

海平市人力资源和社会保障局`;

const FLEX_AMENDED = FLEX_BODY.replace("征求意见时间：2026年6月8日至2026年7月7日。", "征求意见时间：2026年6月8日至2026年7月22日（已延长）。").replace(
  "意见可通过电子邮件（ylbx@hrss.haiping.example）提交，",
  "意见可通过“海平社保”手机应用程序中的线上问卷或电子邮件（ylbx@hrss.haiping.example）提交，",
);

const HIRES_BODY = `根据《海平市2026年市属事业单位公开招聘工作人员公告》，经笔试、面试、体检和考察，现将第一批拟聘用人员公示如下：

| 岗位代码 | 招聘单位 | 拟聘用人员 | 性别 | 学历 | 总成绩 |
| --- | --- | --- | --- | --- | --- |
| HP2026-03 | 海平市疾病预防控制中心 | 郑雨桐 | 女 | 本科 | 81.36 |
| HP2026-03 | 海平市疾病预防控制中心 | 何子轩 | 男 | 硕士研究生 | 79.88 |
| HP2026-05 | 海平市不动产登记中心 | 许嘉怡 | 女 | 本科 | 83.10 |
| HP2026-07 | 海平市公共就业服务中心 | 邓浩然 | 男 | 本科 | 78.42 |
| HP2026-11 | 海平市生态环境监测站 | 高思远 | 男 | 硕士研究生 | 80.54 |

公示期为2026年7月27日至2026年8月2日。公示期间，如对拟聘用人员有异议，可以书面形式实名向海平市人力资源和社会保障局事业单位人事管理科反映，反映问题应实事求是并提供必要的调查线索。联系电话：0000-6190310。

海平市人力资源和社会保障局`;

const TRAINEE_BODY = `根据《海平市就业见习管理办法》，经单位申报、区人力资源和社会保障局初审和实地核查，拟认定以下单位为2026年度海平市就业见习基地，现予公示。

1. 海平港口集团有限公司（见习岗位60个）
2. 海平市第三人民医院（见习岗位35个）
3. 海平蓝海智能装备有限公司（见习岗位28个）
4. 海平湾文化旅游发展有限公司（见习岗位20个）
5. 海平市滨海新区社会工作服务中心（见习岗位12个）
6. 海平科瑞仪器有限公司（见习岗位15个）

见习基地面向离校2年内未就业高校毕业生和16至24岁失业青年提供见习岗位，见习期3至12个月，见习期间由见习单位发放基本生活费，政府按规定给予见习补贴。

公示期为2026年9月14日至2026年9月18日。对公示名单有异议的，请向海平市公共就业服务中心反映，联系电话：0000-6190366。`;

const FUND_BODY = `根据《中华人民共和国社会保险法》和《海平市社会保险基金信息公开办法》，现将2026年第三季度全市社会保险基金收支情况公布如下。

| 险种 | 1—9月收入（亿元） | 1—9月支出（亿元） | 9月末累计结余（亿元） | 9月末参保人数（万人） |
| --- | --- | --- | --- | --- |
| 企业职工基本养老保险 | 142.6 | 131.8 | 208.4 | 186.2 |
| 城乡居民基本养老保险 | 11.3 | 9.7 | 27.5 | 98.4 |
| 失业保险 | 6.8 | 5.1 | 31.2 | 142.7 |
| 工伤保险 | 3.9 | 3.2 | 9.6 | 151.3 |

前三季度全市社会保险基金运行平稳，各项待遇按时足额发放。企业退休人员基本养老金已于2026年8月完成调整并补发到位。

参保单位和个人可通过“海平社保”手机应用程序或社保经办窗口查询个人权益记录。咨询电话：0000-6190300。

海平市人力资源和社会保障局`;

const WORK_PERMIT_BODY = `This guide explains how foreign professionals obtain a Work Permit for Foreigners in China when employed in Haiping. It updates the 2025 guide.

**Categories.** Permits are issued in three categories: A (high-end talent), B (professionals) and C (others, subject to quotas). Applicants in category A enjoy a "green channel" with reduced documents and processing within 5 working days.

**Steps.**

1. The employer registers on the national online service system for foreigners working in China;
2. the employer submits the application with the applicant's degree certificate, criminal record check, medical report and employment contract;
3. the Haiping Municipal Human Resources and Social Security Bureau decides within 10 working days (5 for category A);
4. after arrival, the foreign employee applies for a residence permit at the Exit and Entry Administration within 30 days.

**What is new in 2026.** Work permit and residence permit applications can be submitted together at the single window (window 15, Haiping Civic Centre); degree certificates issued by universities on the published list no longer need consular authentication.

**Service desk.** Window 15, Block E, Haiping Civic Centre, 88 Binhai Avenue; telephone 0000-6190388 (English and Japanese available); e-mail workpermit@hrss.haiping.example.`;

export const HRSS_NOTICES: DemoNotice[] = [
  {
    id: "HP-HRSS-2026-004",
    agency: "hp-hrss",
    language: "zh-CN",
    category: "recruitment",
    daysAgo: 266, // 2026-03-02
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2026年市属事业单位公开招聘工作人员公告",
          number: "海人社〔2026〕4号",
          category: "recruitment",
          language: "zh-CN",
          effectiveDate: "2026-03-02",
          body: RECRUIT_BODY,
        },
      },
      {
        kind: "correct",
        daysAfterFirst: 3, // 2026-03-05
        fields: {
          title: "海平市2026年市属事业单位公开招聘工作人员公告",
          number: "海人社〔2026〕4号",
          category: "recruitment",
          language: "zh-CN",
          effectiveDate: "2026-03-02",
          body: RECRUIT_CORRECTED,
          reason: "岗位代码HP2026-07（海平市公共就业服务中心就业服务专员）学历要求误为“硕士研究生及以上”，现更正为“本科及以上”。",
        },
      },
    ],
  },
  {
    id: "HP-HRSS-2026-009",
    agency: "hp-hrss",
    language: "zh-CN",
    category: "regulations",
    daysAgo: 236, // 2026-04-01
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市人力资源和社会保障局关于调整海平市最低工资标准的通知",
          number: "海人社规〔2026〕2号",
          category: "regulations",
          language: "zh-CN",
          effectiveDate: "2026-07-01",
          body: MIN_WAGE_BODY,
        },
      },
    ],
  },
  {
    id: "HP-HRSS-2026-009-EN",
    agency: "hp-hrss",
    language: "en",
    category: "regulations",
    daysAgo: 234, // 2026-04-03
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Notice on Adjusting the Minimum Wage Standards of Haiping City (English Version)",
          number: "HPHRSS Norm [2026] No. 2",
          category: "regulations",
          language: "en",
          effectiveDate: "2026-07-01",
          body: MIN_WAGE_EN_BODY,
        },
      },
    ],
  },
  {
    id: "HP-HRSS-2026-019",
    agency: "hp-hrss",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 168, // 2026-06-08
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征求《海平市灵活就业人员参加职工基本养老保险实施办法（征求意见稿）》意见的公告",
          number: "海人社〔2026〕19号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-06-08",
          body: FLEX_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 22, // 2026-06-30
        fields: {
          title: "关于公开征求《海平市灵活就业人员参加职工基本养老保险实施办法（征求意见稿）》意见的公告（延长征求意见期）",
          number: "海人社〔2026〕19号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-06-08",
          body: FLEX_AMENDED,
          reason: "鉴于社会关注度较高、反馈意见较多，征求意见截止时间延长至2026年7月22日，并在正文补充线上问卷方式。",
        },
      },
    ],
  },
  {
    id: "HP-HRSS-2026-024",
    agency: "hp-hrss",
    language: "zh-CN",
    category: "recruitment",
    daysAgo: 119, // 2026-07-27
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2026年市属事业单位公开招聘拟聘用人员公示（第一批）",
          number: "海人社〔2026〕24号",
          category: "recruitment",
          language: "zh-CN",
          effectiveDate: "2026-07-27",
          body: HIRES_BODY,
        },
      },
    ],
  },
  {
    id: "HP-HRSS-2026-030",
    agency: "hp-hrss",
    language: "zh-CN",
    category: "employment",
    daysAgo: 70, // 2026-09-14
    versions: [
      {
        kind: "publish",
        fields: {
          title: "2026年度海平市就业见习基地拟认定名单公示",
          number: "海人社〔2026〕30号",
          category: "employment",
          language: "zh-CN",
          effectiveDate: "2026-09-14",
          body: TRAINEE_BODY,
        },
      },
    ],
  },
  {
    id: "HP-HRSS-2026-037",
    agency: "hp-hrss",
    language: "zh-CN",
    category: "social-insurance",
    daysAgo: 26, // 2026-10-28
    versions: [
      {
        kind: "publish",
        fields: {
          title: "2026年第三季度海平市社会保险基金收支情况",
          number: "海人社〔2026〕37号",
          category: "social-insurance",
          language: "zh-CN",
          effectiveDate: "2026-10-28",
          body: FUND_BODY,
        },
      },
    ],
  },
  {
    id: "HP-HRSS-2026-041-EN",
    agency: "hp-hrss",
    language: "en",
    category: "employment",
    daysAgo: 19, // 2026-11-04
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Service Guide: Work Permits for Foreign Professionals in Haiping (2026 Update)",
          number: "HPHRSS [2026] No. 41",
          category: "employment",
          language: "en",
          effectiveDate: "2026-11-04",
          body: WORK_PERMIT_BODY,
        },
      },
    ],
  },
];
