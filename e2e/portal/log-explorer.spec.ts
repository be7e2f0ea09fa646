import { expect, test } from "@playwright/test";

test("the log page shows the signed size, the latest checkpoint verbatim and the chain newest first", async ({ page, request }) => {
  await page.goto("/zh-CN/log");
  const size = Number(await page.getByTestId("log-size").textContent());
  const info = await (await request.get("/api/v1/log")).json();
  expect(size).toBeGreaterThan(0);
  expect(size).toBeLessThanOrEqual(info.size);
  const [signed] = await (await request.get(`/api/v1/log/checkpoints?after=${size - 1}&limit=1`)).json();
  expect(await page.getByTestId("checkpoint-note").textContent()).toBe(signed.note);
  await expect(page.getByTestId("root-hash")).toHaveText(signed.rootHash);

  const sizes = (await page.getByTestId("checkpoint-size").allTextContents()).map(Number);
  expect(sizes[0]).toBe(size);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  const first = page.getByTestId("checkpoint-row").first();
  const raw = first.getByRole("link", { name: `检查点 ${size} 的原始签名文本` });
  const [fetched] = await (await request.get((await raw.getAttribute("href"))!)).json();
  expect(fetched.size).toBe(size);
});

test("the chain pages by ?before=size and rejects a malformed one with a 404", async ({ page }) => {
  await page.goto("/en/log");
  const newest = Number(await page.getByTestId("checkpoint-size").first().textContent());
  await page.goto(`/en/log?before=${newest}`);
  for (const s of await page.getByTestId("checkpoint-size").allTextContents()) expect(Number(s)).toBeLessThan(newest);
  for (const bad of ["abc", "-1", "01", "1e3"]) {
    expect((await page.goto(`/en/log?before=${bad}`))?.status(), bad).toBe(404);
  }
});

test("'go to entry' opens a valid entry and explains an invalid number without leaving the page", async ({ page }) => {
  await page.goto("/zh-CN/log");
  const size = Number(await page.getByTestId("log-size").textContent());
  await page.getByLabel("记录编号").fill("3");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/log\/entries\/3$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("日志记录 #3");

  // Far beyond the size read above: other specs publish while this one runs, so size itself may be logged by now.
  for (const bad of ["abc", "-2", String(size + 100_000)]) {
    await page.goto("/zh-CN/log");
    await page.getByLabel("记录编号").fill(bad);
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/log\?entry=/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(`“${bad}”不是本日志中的记录编号`);
    await expect(page.getByLabel("记录编号")).toHaveAttribute("aria-invalid", "true");
  }
});

test("an entry page shows index, leaf hash, log time, the notice version and the leaf JSON, matching the API", async ({ page, request }) => {
  const api = await (await request.get("/api/v1/log/entries/1")).json();
  const leaf = JSON.parse(Buffer.from(api.leaf, "base64").toString("utf8"));
  await page.goto("/en/log/entries/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log entry #1");
  await expect(page.getByTestId("entry-index")).toHaveText("1");
  await expect(page.getByTestId("leaf-hash")).toHaveText(api.leafHash);
  await expect(page.locator(`time[datetime="${leaf.loggedAt}"]`)).toBeVisible();
  expect(JSON.parse((await page.getByTestId("leaf-json").textContent())!)).toEqual(leaf);
  await expect(page.getByTestId("notice-version-link")).toHaveAttribute("href", `/en/n/${leaf.notice}/v/${leaf.version}`);
  const proof = page.getByRole("link", { name: /Inclusion proof/ });
  expect((await request.get((await proof.getAttribute("href"))!)).status()).toBe(200);
  const raw = page.getByRole("link", { name: "Raw entry (JSON)" });
  expect(await (await request.get((await raw.getAttribute("href"))!)).json()).toEqual(api);
});

test("a bad entry index is the localized 404 page, never an error", async ({ page, request }) => {
  const logSize = async () => ((await (await request.get("/api/v1/log")).json()) as { size: number }).size;
  const size = await logSize();
  // Not "%20": Next trims trailing white space from a path, so /log/entries/%20 is the entry list (/log/entries).
  const bad = ["-1", "1.5", "abc", "01", "1e3", String(size + 1000), "99999999999999999999", "%20x"];
  for (const [locale, heading] of [
    ["zh-CN", "页面不存在"],
    ["en", "Page not found"],
  ] as const) {
    for (const index of bad) {
      const response = await page.goto(`/${locale}/log/entries/${index}`);
      expect(response?.status(), `${locale} ${index}`).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    }
    // The first index past the log. Other specs publish meanwhile, so the log may grow between
    // reading its size and asking: then the entry exists, and the size read afterwards says so.
    const boundary = await logSize();
    const response = await page.goto(`/${locale}/log/entries/${boundary}`);
    if (response?.status() === 200) expect(await logSize(), `${locale} ${boundary} was served`).toBeGreaterThan(boundary);
    else expect(response?.status(), `${locale} ${boundary}`).toBe(404);
  }
});
