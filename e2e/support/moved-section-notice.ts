/**
 * A notice whose amendment moves a whole section (heading and two paragraphs, renumbered, one
 * word edited) and changes single Chinese words elsewhere, a table cell and a list item: none
 * of the demo notices moves a section, and the demo story stays as it is.
 */
import type { FixtureVersion } from "./insert-notice";

const fields = {
  number: "海交〔2026〕9号",
  category: "交通运输",
  language: "zh-CN",
  effectiveDate: "2026-03-01",
};

const before = `根据《海平市城市道路管理办法》，现将2026年春季道路养护计划公示如下。

## 一、养护范围

滨海大道、临港路及疏港高速公路辅道，共计约18公里。

## 二、施工安排

- **第一阶段**：3月1日至3月15日，滨海大道；
- **第二阶段**：3月16日至3月31日，临港路。

## 三、交通组织

施工期间实行半幅通行，请过往车辆减速慢行，服从现场交通管理人员指挥。

夜间施工时段为22:00至次日6:00，施工单位应当采取降噪措施，并提前三日在施工路段公告。

## 四、经费

| 项目 | 金额（万元） |
| --- | ---: |
| 路面修补 | 120 |
| 标线施划 | 35 |
| 交通设施维护 | 48 |

---

海平市交通运输局`;

const after = `根据《海平市城市道路管理办法》，现将2026年春季道路维修计划公示如下。

## 一、养护范围

滨海大道、临港路及疏港高速公路辅道，共计约18公里。

## 二、交通组织

施工期间实行半幅通行，请过往车辆减速缓行，服从现场交通管理人员指挥。

夜间施工时段为22:00至次日6:00，施工单位应当采取降噪措施，并提前三日在施工路段公告。

## 三、施工安排

- **第一阶段**：3月1日至3月15日，滨海大道；
- **第二阶段**：3月16日至4月10日，临港路。

## 四、经费

| 项目 | 金额（万元） |
| --- | ---: |
| 路面翻修 | 120 |
| 标线施划 | 35 |
| 交通设施维护 | 48 |

---

海平市交通运输局`;

export const MOVED_SECTION_VERSIONS: FixtureVersion[] = [
  { kind: "publish", fields: { ...fields, title: "2026年春季道路养护计划公示", body: before } },
  { kind: "amend", fields: { ...fields, title: "2026年春季道路养护计划公示（调整）", body: after } },
];
