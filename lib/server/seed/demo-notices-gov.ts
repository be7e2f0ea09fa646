/**
 * Demo notices: 海平市人民政府办公室 — rules, normative documents, appointments, annual report.
 * All names of people are invented for the fictional city of Haiping.
 */
import type { DemoNotice } from "./demo-notices";

const APPOINT_JAN_BODY = `各区人民政府，市政府各部门、各直属机构：

经海平市人民政府研究决定：

- 任命陈静怡为海平市发展和改革委员会副主任；
- 任命刘海涛为海平市财政局副局长；
- 任命周文斌为海平市生态环境局总工程师；
- 免去林晓燕的海平市人力资源和社会保障局副局长职务（另有任用）；
- 免去黄嘉伟的海平市财政局副局长职务（退休）。

以上任职人员的任职时间自本通知印发之日起计算。

海平市人民政府`;

const APPOINT_OCT_BODY = `各区人民政府，市政府各部门、各直属机构：

经海平市人民政府研究决定：

- 任命王建华为海平市自然资源和规划局局长；
- 任命赵立新为海平市市场监管管理局副局长；
- 任命孙晓明为海平市人力资源和社会保障局副局长（试用期一年）；
- 免去郭志强的海平市自然资源和规划局局长职务（另有任用）。

以上任职人员的任职时间自本通知印发之日起计算。

海平市人民政府`;

const APPOINT_OCT_CORRECTED = APPOINT_OCT_BODY.replace("海平市市场监管管理局副局长", "海平市市场监督管理局副局长");

const APPOINT_EN_BODY = `The Haiping Municipal People's Government has made the following appointments and removals (English summary of 海政任〔2026〕9号 of 15 October 2026):

- **Wang Jianhua** is appointed Director-General of the Haiping Municipal Bureau of Natural Resources and Planning;
- **Zhao Lixin** is appointed Deputy Director-General of the Haiping Municipal Administration for Market Regulation;
- **Sun Xiaoming** is appointed Deputy Director-General of the Haiping Municipal Human Resources and Social Security Bureau, with a one-year probationary period;
- **Guo Zhiqiang** is relieved of the post of Director-General of the Haiping Municipal Bureau of Natural Resources and Planning, to be reassigned.

The appointments take effect on the date of the Chinese notice. Enquiries from consular offices and foreign chambers of commerce may be sent to the Foreign Affairs Office, telephone 0000-6100120.`;

const ANNUAL_REPORT_BODY = `本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条规定，由海平市人民政府办公室汇总编制，统计期限为2025年1月1日至2025年12月31日。

## 一、总体情况

2025年，全市各级行政机关主动公开政府信息共计58,326条。市政府门户网站全年访问量1,268万人次，政策解读栏目发布解读材料312篇，其中图解、视频等形式解读186篇。市政府全年召开新闻发布会48场。

## 二、依申请公开情况

全市共收到政府信息公开申请1,942件，较上年增长6.3%。其中，当面申请318件，信函申请205件，网络申请1,419件。申请内容主要集中在土地征收、房屋征收补偿、规划许可和财政预算等方面。

| 办理结果 | 件数 |
| --- | --- |
| 予以公开 | 1,087 |
| 部分公开 | 214 |
| 不予公开 | 96 |
| 无法提供 | 371 |
| 不予处理 | 58 |
| 其他处理 | 63 |
| 结转下年度继续办理 | 53 |

## 三、行政复议和行政诉讼

因政府信息公开工作被申请行政复议67件，其中维持52件，纠正9件，其他结果6件；被提起行政诉讼23件，其中维持或驳回18件，纠正2件，尚未审结3件。

## 四、存在的主要问题及改进情况

部分单位依申请公开答复格式不够规范，政策文件英文版发布不够及时。2026年将推行依申请公开答复示范文本，在门户网站建立政策文件统一发布平台，并对重要公告提供可独立验证的电子版本。

海平市人民政府办公室`;

const DATA_RULE_BODY = `《海平市公共数据开放管理办法》已经2026年3月16日市人民政府第31次常务会议审议通过，现予公布，自2026年5月1日起施行。

## 第一章 总则

**第一条** 为了规范和促进公共数据开放，提升政府治理能力和公共服务水平，推动数字经济发展，根据《中华人民共和国数据安全法》《中华人民共和国个人信息保护法》等法律法规，结合本市实际，制定本办法。

**第二条** 本市行政机关以及具有公共管理和服务职能的事业单位（以下统称公共管理和服务机构）向社会开放公共数据，适用本办法。

## 第二章 开放目录

**第三条** 公共数据按照开放属性分为无条件开放、有条件开放和不予开放三类。涉及个人信息、商业秘密和保密商务信息的公共数据，列入不予开放类，但经依法脱敏处理或者取得权利人同意的除外。

**第四条** 市大数据管理机构应当组织编制公共数据开放目录，并通过市公共数据开放平台向社会公布。开放目录每年至少更新一次。

## 第三章 开放利用

**第五条** 无条件开放类公共数据，自然人、法人和非法人组织可以通过开放平台直接获取。有条件开放类公共数据，由数据利用主体通过开放平台提出申请，数据开放主体应当在10个工作日内答复。

**第六条** 数据利用主体应当按照开放平台公布的要求利用公共数据，不得以非法手段获取其他数据，不得利用公共数据侵害国家利益、社会公共利益和他人合法权益。

## 第四章 附则

**第七条** 本办法自2026年5月1日起施行。

海平市人民政府`;

const DATA_RULE_EN_BODY = `*English translation for reference only. The Chinese text, promulgated by Decree No. 12 of the Haiping Municipal People's Government, is the authoritative version.*

The Haiping Measures for the Administration of Public Data Opening were adopted at the 31st executive meeting of the Municipal People's Government on 16 March 2026 and take effect on 1 May 2026.

**Article 1.** These Measures are formulated in accordance with the Data Security Law, the Personal Information Protection Law and other laws and regulations, in order to regulate and promote the opening of public data, improve governance and public services, and support the digital economy.

**Article 2.** These Measures apply to the opening of public data to the public by administrative organs of the city and by public institutions with public administration or service functions.

**Article 3.** Public data are classified as unconditionally open, conditionally open, or not open. Public data involving personal information or trade secrets are not open, unless they have been lawfully de-identified or the right holder has consented.

**Article 4.** The municipal big data authority compiles the public data opening catalogue and publishes it on the municipal open data platform. The catalogue is updated at least once a year.

**Article 5.** Unconditionally open data may be obtained directly from the platform by any natural person, legal person or unincorporated organisation. Requests for conditionally open data are made through the platform and answered within 10 working days.

**Article 6.** Users shall use public data in accordance with the platform's requirements and shall not use public data to harm national interests, the public interest or the lawful rights of others.

**Article 7.** These Measures take effect on 1 May 2026.`;

const FOI_RULE_BODY = `各区人民政府，市政府各部门、各直属机构：

《海平市政府信息公开申请办理规定》已经市人民政府同意，现印发给你们，请认真贯彻执行。

## 主要内容

1. **申请渠道**：申请人可以通过当面、信函、网络等方式提出政府信息公开申请，各行政机关应当在门户网站公布统一的网络申请入口；
2. **办理时限**：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的，经负责人同意可以延长，但延长期限最长不得超过20个工作日；
3. **答复规范**：答复书应当载明依据、理由和救济途径，全市推行统一的答复示范文本；
4. **个人信息保护**：公开涉及第三方个人信息的，应当书面征求第三方意见，第三方不同意公开且有合理理由的，不予公开，但不公开可能对公共利益造成重大影响的除外；
5. **监督考核**：依申请公开办理情况纳入年度政府信息公开工作考核。

本规定自2026年6月1日起施行，有效期5年。

海平市人民政府办公室`;

const DOG_BODY = `为规范养犬行为，保障公民人身安全和健康，维护社会公共秩序和市容环境卫生，市公安局会同有关部门起草了《海平市养犬管理规定（草案征求意见稿）》，经市人民政府同意，现向社会公开征求意见。

## 一、主要内容

- 实行养犬登记制度，犬只应当植入电子标识并每年接种狂犬病疫苗；
- 重点管理区内每户限养一只犬，禁止饲养烈性犬，烈性犬目录由市公安局会同市农业农村局公布；
- 携犬出户应当束犬绳，犬绳长度不超过1.5米，并及时清除犬只排泄物；
- 禁止携犬进入学校、医院、室内公共场所和公共交通工具，导盲犬、扶助犬除外；
- 设立犬只收容所，鼓励以领养代替购买。

## 二、征求意见时间

2026年8月10日至2026年9月9日。

## 三、反馈方式

1. 登录海平市政府门户网站（www.haiping.example）“意见征集”栏目在线提交；
2. 发送电子邮件至yqgl@gov.haiping.example；
3. 邮寄至海平市滨海大道88号市民中心A座海平市人民政府办公室，信封注明“养犬管理规定意见”。

联系电话：0000-6100135。

海平市人民政府办公室`;

const DOG_AMENDED = DOG_BODY.replace("2026年8月10日至2026年9月9日。", "2026年8月10日至2026年9月25日（已延长）。").replace(
  "3. 邮寄至",
  "3. 参与网络问卷调查（政府门户网站首页“养犬管理问卷”入口）；\n4. 邮寄至",
);

const SIGNS_BODY = `The General Office of the Haiping Municipal People's Government invites comments on the draft Rules for Outdoor Advertising and Shop Signs in the Old Town Historic District. The rules would apply within the protection area defined in the Old Town Historic District Conservation Plan.

**Main proposals.**

1. Shop signs must be placed within the ground-floor frontage, may not cover arcade columns or historic decorations, and may not exceed 0.6 m in height;
2. rooftop billboards, LED screens and flashing lights are prohibited;
3. traditional materials (wood, stone and metal lettering) are encouraged; plastic light boxes will be phased out within three years;
4. existing signs that do not comply may remain until 31 December 2029, and the city will subsidise half of the replacement cost, up to CNY 8,000 per shop.

**Consultation period.** 28 September to 28 October 2026.

**How to comment.** E-mail oldtown-signs@gov.haiping.example, or drop a written comment at the Old Town Sub-district Office. A bilingual public meeting for shop owners will be held on 17 October 2026 at 19:00 in the Old Town Cultural Palace. Telephone: 0000-6100135.`;

const SIGNS_AMENDED = SIGNS_BODY.replace("28 September to 28 October 2026.", "28 September to 10 November 2026 (extended).");

export const GOV_OFFICE_NOTICES: DemoNotice[] = [
  {
    id: "HP-GOV-2026-001",
    agency: "hp-gov-office",
    language: "zh-CN",
    category: "appointments",
    daysAgo: 315, // 2026-01-12
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市人民政府关于陈静怡等同志职务任免的通知",
          number: "海政任〔2026〕1号",
          category: "appointments",
          language: "zh-CN",
          effectiveDate: "2026-01-12",
          body: APPOINT_JAN_BODY,
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-004",
    agency: "hp-gov-office",
    language: "zh-CN",
    category: "information",
    daysAgo: 299, // 2026-01-28
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市人民政府2025年政府信息公开工作年度报告",
          number: "海政办〔2026〕4号",
          category: "information",
          language: "zh-CN",
          effectiveDate: "2026-01-28",
          body: ANNUAL_REPORT_BODY,
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-007",
    agency: "hp-gov-office",
    language: "zh-CN",
    category: "regulations",
    daysAgo: 245, // 2026-03-23
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市公共数据开放管理办法",
          number: "海平市人民政府令第12号",
          category: "regulations",
          language: "zh-CN",
          effectiveDate: "2026-05-01",
          body: DATA_RULE_BODY,
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-007-EN",
    agency: "hp-gov-office",
    language: "en",
    category: "regulations",
    daysAgo: 230, // 2026-04-07
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Haiping Measures for the Administration of Public Data Opening (English Translation)",
          number: "Decree of the Haiping Municipal People's Government No. 12",
          category: "regulations",
          language: "en",
          effectiveDate: "2026-05-01",
          body: DATA_RULE_EN_BODY,
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-018",
    agency: "hp-gov-office",
    language: "zh-CN",
    category: "regulations",
    daysAgo: 201, // 2026-05-06
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市人民政府办公室关于印发《海平市政府信息公开申请办理规定》的通知",
          number: "海政办规〔2026〕3号",
          category: "regulations",
          language: "zh-CN",
          effectiveDate: "2026-06-01",
          body: FOI_RULE_BODY,
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-026",
    agency: "hp-gov-office",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 105, // 2026-08-10
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征求《海平市养犬管理规定（草案征求意见稿）》意见的公告",
          number: "海政办〔2026〕26号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-08-10",
          body: DOG_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 25, // 2026-09-04
        fields: {
          title: "关于公开征求《海平市养犬管理规定（草案征求意见稿）》意见的公告（延长征求意见期）",
          number: "海政办〔2026〕26号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-08-10",
          body: DOG_AMENDED,
          reason: "因反馈意见较多，征求意见截止时间延长至2026年9月25日。",
          reasonDetail: "同时增加网络问卷调查，问卷结果将作为立法参考。",
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-047-EN",
    agency: "hp-gov-office",
    language: "en",
    category: "consultation",
    daysAgo: 56, // 2026-09-28
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Consultation on Draft Rules for Outdoor Advertising and Shop Signs in the Old Town Historic District",
          number: "HPGO [2026] No. 47",
          category: "consultation",
          language: "en",
          effectiveDate: "2026-09-28",
          body: SIGNS_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 21, // 2026-10-19
        fields: {
          title: "Consultation on Draft Rules for Outdoor Advertising and Shop Signs in the Old Town Historic District (Extended)",
          number: "HPGO [2026] No. 47",
          category: "consultation",
          language: "en",
          effectiveDate: "2026-09-28",
          body: SIGNS_AMENDED,
          reason: "Following the public meeting, the consultation period is extended to 10 November 2026.",
        },
      },
      {
        kind: "retract",
        daysAfterFirst: 46, // 2026-11-13
        fields: {
          title: "Consultation on Draft Rules for Outdoor Advertising and Shop Signs in the Old Town Historic District (Extended)",
          reason: "The draft has been withdrawn after the consultation closed.",
          reasonDetail:
            "Many shop owners asked for a longer transition period and a larger subsidy; a revised draft taking the 214 comments received into account will be published for a new consultation in early 2027.",
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-039",
    agency: "hp-gov-office",
    language: "zh-CN",
    category: "appointments",
    daysAgo: 39, // 2026-10-15
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市人民政府关于王建华等同志职务任免的通知",
          number: "海政任〔2026〕9号",
          category: "appointments",
          language: "zh-CN",
          effectiveDate: "2026-10-15",
          body: APPOINT_OCT_BODY,
        },
      },
      {
        kind: "correct",
        daysAfterFirst: 1, // 2026-10-16
        fields: {
          title: "海平市人民政府关于王建华等同志职务任免的通知",
          number: "海政任〔2026〕9号",
          category: "appointments",
          language: "zh-CN",
          effectiveDate: "2026-10-15",
          body: APPOINT_OCT_CORRECTED,
          reason: "原通知中“海平市市场监管管理局”系文字错误，现更正为“海平市市场监督管理局”。",
        },
      },
    ],
  },
  {
    id: "HP-GOV-2026-043-EN",
    agency: "hp-gov-office",
    language: "en",
    category: "appointments",
    daysAgo: 34, // 2026-10-20
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Appointments and Removals of Municipal Officials, October 2026 (English Summary)",
          number: "HPGO Appointments [2026] No. 9",
          category: "appointments",
          language: "en",
          effectiveDate: "2026-10-15",
          body: APPOINT_EN_BODY,
        },
      },
    ],
  },
];
