/** Demo notices: 海平市财政局 — government procurement (tenders, awards, procurement policy). */
import type { DemoNotice } from "./demo-notices";

const DESKS_BODY = `海平市政府采购服务中心受海平市教育局委托，对海平市2026年中小学课桌椅采购项目进行公开招标，欢迎合格的供应商前来投标。

## 一、项目基本情况

- 项目编号：HPCG-2026-0153
- 项目名称：海平市2026年中小学课桌椅采购项目
- 预算金额：1,280.00万元；最高限价：1,250.00万元
- 采购需求：可升降学生课桌椅18,600套、教师讲台420张，供货至全市37所中小学，详见招标文件
- 合同履行期限：合同签订后60日内完成供货、安装和验收
- 本项目不接受联合体投标，专门面向中小企业采购

## 二、申请人的资格要求

满足《中华人民共和国政府采购法》第二十二条规定；未被列入失信被执行人、重大税收违法失信主体、政府采购严重违法失信行为记录名单。

## 三、获取招标文件

2026年6月2日至2026年6月9日，每天9:00至17:00（法定节假日除外），在海平市公共资源交易中心网站免费下载。

## 四、投标截止时间和开标

投标截止时间及开标时间：2026年6月23日9:30；地点：海平市公共资源交易中心开标三室（不见面开标）。

## 五、联系方式

采购人：海平市教育局，联系电话：0000-6140215；采购代理机构：海平市政府采购服务中心，联系电话：0000-6131266。

海平市财政局（代发）`;

const DESKS_AMENDED = DESKS_BODY.replace("投标截止时间及开标时间：2026年6月23日9:30", "投标截止时间及开标时间：2026年6月30日9:30（已顺延）");

const LAB_AWARD_BODY = `海平市政府采购服务中心受海平市第一中学委托，就海平市第一中学理化生实验室设备采购项目（项目编号：HPCG-2026-0166）进行公开招标，现将评审结果公告如下。

## 一、中标信息

| 包号 | 中标供应商 | 地址 | 中标金额（万元） |
| --- | --- | --- | --- |
| 1（物理、化学实验室） | 海平启明教学设备有限公司 | 海平市东湖区工业二路9号 | 312.46 |
| 2（生物实验室） | 海平科瑞仪器有限公司 | 海平市临港区科创一路27号 | 138.90 |

## 二、评审情况

本项目共有7家供应商投标，评标委员会由5人组成，采用综合评分法。评审专家名单及评分汇总表随评审报告存档备查。

## 三、公告期限

自本公告发布之日起1个工作日。投标供应商认为中标结果使自己的权益受到损害的，可在知道或应知其权益受到损害之日起7个工作日内，以书面形式向采购人或采购代理机构提出质疑。

联系电话：0000-6131266（海平市政府采购服务中心）。`;

const CLOUD_BODY = `海平市政府采购服务中心受海平市大数据管理中心委托，对海平市政务云服务采购项目采用竞争性磋商方式进行采购，现邀请合格供应商参加磋商。

## 一、项目概况

- 项目编号：HPCG-2026-0198
- 预算金额：2,460.00万元（服务期三年）
- 采购需求：为全市市级部门提供计算、存储、网络、安全和灾备等政务云服务，须通过网络安全等级保护第三级测评

## 二、供应商资格

满足《中华人民共和国政府采购法》第二十二条规定，具有增值电信业务经营许可证（互联网数据中心业务）。

## 三、获取磋商文件

2026年8月3日至2026年8月7日，在海平市公共资源交易中心网站免费下载。

## 四、响应文件提交截止时间

2026年8月17日9:30，地点：海平市公共资源交易中心磋商室。

联系电话：0000-6131266（海平市政府采购服务中心）；0000-6150301（海平市大数据管理中心）。`;

const LIGHTING_BODY = `The Haiping Government Procurement Service Centre, on behalf of the Haiping Municipal Bureau of Urban Management, invites sealed bids for the Street Lighting Energy-Efficiency Retrofit project. Domestic and foreign-invested enterprises registered in China are eligible on equal terms.

**Project number.** HPCG-2026-0210.

**Scope.** Replacement of 14,200 high-pressure sodium street lights with LED luminaires on 86 roads in the central districts, installation of a smart lighting control system and a five-year maintenance service. Budget: CNY 31.6 million; ceiling price CNY 30.8 million.

**Eligibility.** Bidders must meet Article 22 of the Government Procurement Law and must not be on the lists of dishonest entities. Joint bids by up to two firms are accepted.

**Tender documents.** Free download from the website of the Haiping Public Resources Trading Centre from 15 to 22 July 2026. The documents are in Chinese; an unofficial English translation of the technical specifications is provided.

**Deadline and opening.** Bids must be submitted electronically by 09:30 on 5 August 2026. Bids are opened online at the same time.

**Contacts.** Procurement Service Centre, telephone 0000-6131266; Bureau of Urban Management, telephone 0000-6160412.`;

const LIGHTING_AMENDED = LIGHTING_BODY.replace("by 09:30 on 5 August 2026.", "by 09:30 on 12 August 2026 (extended).");

const AIR_AWARD_BODY = `The Haiping Government Procurement Service Centre announces the result of the open tender for the Air Quality Monitoring Stations Upgrade (project number HPCG-2026-0187), procured on behalf of the Haiping Municipal Ecology and Environment Bureau.

| Lot | Winning bidder | Contract amount (CNY) |
| --- | --- | --- |
| 1: Analysers for 12 stations | Haiping Huanke Instruments Co., Ltd. | 7,486,000 |
| 2: Data platform and five-year maintenance | Haiping Lanyun Information Technology Co., Ltd. | 2,315,500 |

Nine bids were received for lot 1 and five for lot 2. The evaluation committee of five members applied the comprehensive scoring method.

Bidders who consider that their rights have been harmed may file a written challenge with the purchaser or the procurement service centre within seven working days. Telephone: 0000-6131266.`;

const FIE_BODY = `The Haiping Municipal Finance Bureau invites comments on the draft Guidelines for Equal Participation of Foreign-Invested Enterprises in Government Procurement.

The draft implements the Foreign Investment Law and the Government Procurement Law. Its main points are:

1. Products made in China by foreign-invested enterprises are treated as domestic products in government procurement;
2. procurement documents may not restrict bidders by ownership, country of investor, or brand origin, nor require local registration or local branches as a condition of bidding;
3. purchasers must publish tender documents at least 20 days before the bid deadline for open tenders above CNY 4 million, and must answer written questions in Chinese and, on request, in English;
4. a complaints desk is set up at the Finance Bureau, which must reply within 20 working days.

**Consultation period.** 9 November to 9 December 2026.

**How to comment.** E-mail procurement-consultation@finance.haiping.example, or write to the Government Procurement Supervision Division, Block C, Haiping Civic Centre, 88 Binhai Avenue. Please state the article you are commenting on. Telephone: 0000-6131270.`;

export const PROCUREMENT_NOTICES: DemoNotice[] = [
  {
    id: "HP-FIN-2026-014",
    agency: "hp-finance",
    language: "zh-CN",
    category: "procurement",
    daysAgo: 174, // 2026-06-02
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2026年中小学课桌椅采购项目公开招标公告",
          number: "HPCG-2026-0153",
          category: "procurement",
          language: "zh-CN",
          effectiveDate: "2026-06-02",
          body: DESKS_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 10, // 2026-06-12
        fields: {
          title: "海平市2026年中小学课桌椅采购项目公开招标公告（变更）",
          number: "HPCG-2026-0153",
          category: "procurement",
          language: "zh-CN",
          effectiveDate: "2026-06-02",
          body: DESKS_AMENDED,
          reason:
            "根据供应商质疑答复，招标文件第三章技术参数中“桌面板厚度不小于25毫米”修改为“桌面板厚度不小于18毫米”，投标截止时间及开标时间相应顺延至2026年6月30日9:30。其余内容不变。",
        },
      },
    ],
  },
  {
    id: "HP-FIN-2026-016",
    agency: "hp-finance",
    language: "zh-CN",
    category: "procurement",
    daysAgo: 138, // 2026-07-08
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市第一中学理化生实验室设备采购项目中标结果公告",
          number: "HPCG-2026-0166",
          category: "procurement",
          language: "zh-CN",
          effectiveDate: "2026-07-08",
          body: LAB_AWARD_BODY,
        },
      },
    ],
  },
  {
    id: "HP-FIN-2026-018-EN",
    agency: "hp-finance",
    language: "en",
    category: "procurement",
    daysAgo: 131, // 2026-07-15
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Invitation to Tender: Street Lighting Energy-Efficiency Retrofit",
          number: "HPCG-2026-0210",
          category: "procurement",
          language: "en",
          effectiveDate: "2026-07-15",
          body: LIGHTING_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 14, // 2026-07-29
        fields: {
          title: "Invitation to Tender: Street Lighting Energy-Efficiency Retrofit (Amended)",
          number: "HPCG-2026-0210",
          category: "procurement",
          language: "en",
          effectiveDate: "2026-07-15",
          body: LIGHTING_AMENDED,
          reason:
            "In response to bidders' questions, the required luminaire efficacy is changed from 160 lm/W to 150 lm/W, and the bid deadline is extended to 09:30 on 12 August 2026.",
        },
      },
    ],
  },
  {
    id: "HP-FIN-2026-021",
    agency: "hp-finance",
    language: "zh-CN",
    category: "procurement",
    daysAgo: 112, // 2026-08-03
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市政务云服务采购项目竞争性磋商公告",
          number: "HPCG-2026-0198",
          category: "procurement",
          language: "zh-CN",
          effectiveDate: "2026-08-03",
          body: CLOUD_BODY,
        },
      },
      {
        kind: "retract",
        daysAfterFirst: 7, // 2026-08-10
        fields: {
          title: "海平市政务云服务采购项目竞争性磋商公告",
          reason:
            "因采购需求发生重大变化（增加异地灾备服务内容），经采购人申请，本次采购活动终止，本公告撤销。已下载磋商文件的供应商无需提交响应文件，调整后的采购项目将重新发布公告。",
        },
      },
    ],
  },
  {
    id: "HP-FIN-2026-033-EN",
    agency: "hp-finance",
    language: "en",
    category: "procurement",
    daysAgo: 45, // 2026-10-09
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Contract Award Notice: Air Quality Monitoring Stations Upgrade",
          number: "HPCG-2026-0187",
          category: "procurement",
          language: "en",
          effectiveDate: "2026-10-09",
          body: AIR_AWARD_BODY,
        },
      },
    ],
  },
  {
    id: "HP-FIN-2026-040-EN",
    agency: "hp-finance",
    language: "en",
    category: "consultation",
    daysAgo: 14, // 2026-11-09
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Consultation on Draft Guidelines for Equal Participation of Foreign-Invested Enterprises in Government Procurement",
          number: "HPFB [2026] No. 40",
          category: "consultation",
          language: "en",
          effectiveDate: "2026-11-09",
          body: FIE_BODY,
        },
      },
    ],
  },
];
