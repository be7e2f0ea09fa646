/** Demo notices: 海平市财政局 — budgets, final accounts and fiscal rules. */
import type { DemoAttachment, DemoNotice } from "./demo-notices";

// The first budget table mistyped education spending as 289760 (the total row was right);
// the correction replaces the attachment.
const BUDGET_CSV = (education: string): string => `科目编码,科目名称,2025年执行数（万元）,2026年预算数（万元）,增减（%）
201,一般公共服务支出,84150,86420,2.7
204,公共安全支出,108970,112530,3.3
205,教育支出,281340,${education},6.2
206,科学技术支出,57830,64210,11.0
207,文化旅游体育与传媒支出,24610,23840,-3.1
208,社会保障和就业支出,176020,187350,6.4
210,卫生健康支出,127480,132690,4.1
211,节能环保支出,39250,41870,6.7
212,城乡社区支出,183900,176540,-4.0
213,农林水支出,56410,58930,4.5
214,交通运输支出,52380,49620,-5.3
221,住房保障支出,35760,38150,6.7
229,其他支出,19880,21090,6.1
合计,,1247980,1292000,3.5
`;

const budgetTable = (education: string): DemoAttachment => ({
  name: "2026年市本级一般公共预算支出表.csv",
  mediaType: "text/csv",
  text: BUDGET_CSV(education),
});

const BUDGET_BODY = `根据《中华人民共和国预算法》第十四条和《中华人民共和国政府信息公开条例》，现将经海平市第十七届人民代表大会第五次会议审查批准的海平市2026年市本级预算予以公开。

## 一、一般公共预算

2026年市本级一般公共预算收入安排98.6亿元，比上年执行数增长4.0%；加上上级补助收入、调入资金等，收入总计141.5亿元。市本级一般公共预算支出安排129.2亿元，增长3.5%。

重点支出安排：教育支出29.88亿元，增长6.2%；社会保障和就业支出18.74亿元，增长6.4%；卫生健康支出13.27亿元，增长4.1%；科学技术支出6.42亿元，增长11.0%。分科目明细见附件。

## 二、政府性基金预算

市本级政府性基金预算收入安排62.3亿元，其中国有土地使用权出让收入55.8亿元；政府性基金预算支出安排60.7亿元，主要用于城市基础设施建设、保障性安居工程和专项债券付息。

## 三、国有资本经营预算

市本级国有资本经营预算收入安排3.1亿元，支出安排2.2亿元，调出资金0.9亿元用于一般公共预算。

## 四、政府债务

2026年末市本级政府债务限额预计为412.0亿元，债务余额控制在限额以内。

公众对预算公开内容有疑问的，可在工作日向海平市财政局预算科咨询，联系电话：0000-6131020。

海平市财政局`;

const BUDGET_EN_CSV = `code,item,2025_outturn_cny_10k,2026_budget_cny_10k,change_pct
201,General public services,84150,86420,2.7
204,Public security,108970,112530,3.3
205,Education,281340,298760,6.2
206,Science and technology,57830,64210,11.0
207,"Culture, tourism, sport and media",24610,23840,-3.1
208,Social security and employment,176020,187350,6.4
210,Health,127480,132690,4.1
211,Energy conservation and environment,39250,41870,6.7
212,Urban and rural communities,183900,176540,-4.0
213,"Agriculture, forestry and water",56410,58930,4.5
214,Transport,52380,49620,-5.3
221,Housing,35760,38150,6.7
229,Other,19880,21090,6.1
total,,1247980,1292000,3.5
`;

const BUDGET_EN_BODY = `This is an English summary of the 2026 municipal-level budget of Haiping City, approved by the Fifth Session of the 17th Haiping Municipal People's Congress and published under the Budget Law of the People's Republic of China. The Chinese budget disclosure (海财预〔2026〕2号) is the authoritative text.

**General public budget.** Revenue of CNY 9.86 billion is budgeted at municipal level (up 4.0% on the 2025 outturn); with transfers from higher levels of government, total resources are CNY 14.15 billion. Expenditure is budgeted at CNY 12.92 billion, up 3.5%.

**Priorities.** Education CNY 2.99 billion (+6.2%), social security and employment CNY 1.87 billion (+6.4%), health CNY 1.33 billion (+4.1%) and science and technology CNY 642 million (+11.0%). The attached CSV table gives all expenditure functions in units of CNY 10,000.

**Government funds budget.** Revenue CNY 6.23 billion, of which land use right transfer income CNY 5.58 billion; expenditure CNY 6.07 billion.

**Debt.** The municipal government debt ceiling for the end of 2026 is expected to be CNY 41.2 billion.

Questions about this budget disclosure may be addressed to the Budget Division of the Haiping Municipal Finance Bureau, telephone 0000-6131020, e-mail budget@finance.haiping.example.`;

const FINAL_ACCOUNTS_BODY = `根据《中华人民共和国预算法》，海平市2025年市本级决算已经海平市第十七届人民代表大会常务委员会第二十九次会议审查批准，现予公开。

## 一、一般公共预算收支决算

2025年市本级一般公共预算收入94.8亿元，完成预算的101.3%，增长3.6%；一般公共预算支出124.8亿元，完成调整预算的97.2%。其中，教育支出28.13亿元，社会保障和就业支出17.60亿元，卫生健康支出12.75亿元。

## 二、政府性基金预算收支决算

市本级政府性基金预算收入58.9亿元，完成预算的92.4%，主要是国有土地使用权出让收入低于预期；政府性基金预算支出57.6亿元。

## 三、“三公”经费决算

市本级行政事业单位“三公”经费决算数为3,860万元，比预算数减少412万元，比上年下降5.8%。其中因公出国（境）费用220万元，公务用车购置及运行维护费2,470万元，公务接待费1,170万元。

## 四、预算绩效

2025年对市本级128个重点项目开展绩效评价，涉及资金46.3亿元；评价结果已作为2026年预算安排的重要依据，对12个绩效较差的项目压减预算1.8亿元。

如对决算公开内容有疑问，请与海平市财政局预算科联系，电话：0000-6131020。

海平市财政局`;

const DEPT_BUDGET_BODY = `根据《中华人民共和国预算法》和《海平市部门预算公开工作规程》，现将海平市财政局2026年部门预算公开如下。

## 一、部门基本情况

海平市财政局内设机构14个，下属事业单位2个（海平市财政投资评审中心、海平市政府采购服务中心）。2026年末预计在职人员186人。

## 二、收支预算总体情况

2026年部门收入预算8,742.6万元，全部为一般公共预算财政拨款；支出预算8,742.6万元，其中基本支出6,118.3万元，项目支出2,624.3万元。

## 三、“三公”经费预算

| 项目 | 2025年预算（万元） | 2026年预算（万元） | 增减（万元） |
| --- | --- | --- | --- |
| 因公出国（境）费用 | 12.0 | 10.0 | -2.0 |
| 公务用车购置及运行维护费 | 38.5 | 35.6 | -2.9 |
| 公务接待费 | 9.8 | 8.5 | -1.3 |
| 合计 | 60.3 | 54.1 | -6.2 |

“三公”经费预算减少，主要是严格落实过“紧日子”要求，压减出访批次和公务接待规模。

## 四、政府采购预算

2026年政府采购预算1,356.0万元，主要用于预算管理一体化系统运维、财会监督检查服务等。

## 五、名词解释

**基本支出**：为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。**项目支出**：在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。

联系电话：0000-6131008（海平市财政局办公室）。`;

const FUNDS_BODY = `为加强市级财政专项资金管理，提高资金使用效益，根据《中华人民共和国预算法》及其实施条例，我局起草了《海平市市级财政专项资金管理办法（征求意见稿）》，现向社会公开征求意见。

征求意见稿共六章三十二条，主要内容包括：专项资金实行目录管理，设立期限原则上不超过5年；新设专项资金须开展事前绩效评估；资金分配原则上采用因素法或竞争性评审方式；专项资金实行全过程绩效管理，绩效评价结果与下年度预算安排挂钩；建立专项资金信息公开制度，资金管理办法、申报指南、分配结果均应在相关部门网站公开。

公众可在2026年9月21日至2026年10月20日期间，通过以下方式提出意见：

1. 发送电子邮件至zxzj@finance.haiping.example；
2. 邮寄至海平市滨海大道88号市民中心C座海平市财政局预算科，信封注明“专项资金管理办法意见”。

联系电话：0000-6131020。

海平市财政局`;

export const BUDGET_NOTICES: DemoNotice[] = [
  {
    id: "HP-FIN-2026-002",
    agency: "hp-finance",
    language: "zh-CN",
    category: "budget",
    daysAgo: 286, // 2026-02-10
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2026年市本级预算公开",
          number: "海财预〔2026〕2号",
          category: "budget",
          language: "zh-CN",
          effectiveDate: "2026-02-10",
          body: BUDGET_BODY,
        },
        attachments: [budgetTable("289760")],
      },
      {
        kind: "correct",
        daysAfterFirst: 6, // 2026-02-16
        fields: {
          title: "海平市2026年市本级预算公开",
          number: "海财预〔2026〕2号",
          category: "budget",
          language: "zh-CN",
          effectiveDate: "2026-02-10",
          body: BUDGET_BODY,
          reason: "附件《2026年市本级一般公共预算支出表》中教育支出2026年预算数误为“289760”，现更正为“298760”（万元），正文内容不变。",
        },
        attachments: [budgetTable("298760")],
      },
    ],
  },
  {
    id: "HP-FIN-2026-002-EN",
    agency: "hp-finance",
    language: "en",
    category: "budget",
    daysAgo: 284, // 2026-02-12
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Haiping City 2026 Municipal Budget: English Summary",
          number: "HPFB [2026] No. 2",
          category: "budget",
          language: "en",
          effectiveDate: "2026-02-10",
          body: BUDGET_EN_BODY,
        },
        attachments: [{ name: "haiping-2026-general-budget-expenditure.csv", mediaType: "text/csv", text: BUDGET_EN_CSV }],
      },
    ],
  },
  {
    id: "HP-FIN-2026-006",
    agency: "hp-finance",
    language: "zh-CN",
    category: "budget",
    daysAgo: 276, // 2026-02-20
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市财政局2026年部门预算公开",
          number: "海财办〔2026〕6号",
          category: "budget",
          language: "zh-CN",
          effectiveDate: "2026-02-20",
          body: DEPT_BUDGET_BODY,
        },
      },
    ],
  },
  {
    id: "HP-FIN-2026-025",
    agency: "hp-finance",
    language: "zh-CN",
    category: "budget",
    daysAgo: 87, // 2026-08-28
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2025年市本级决算公开",
          number: "海财预〔2026〕25号",
          category: "budget",
          language: "zh-CN",
          effectiveDate: "2026-08-28",
          body: FINAL_ACCOUNTS_BODY,
        },
      },
    ],
  },
  {
    id: "HP-FIN-2026-027",
    agency: "hp-finance",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 63, // 2026-09-21
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征求《海平市市级财政专项资金管理办法（征求意见稿）》意见的通知",
          number: "海财预〔2026〕27号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-09-21",
          body: FUNDS_BODY,
        },
      },
    ],
  },
];
