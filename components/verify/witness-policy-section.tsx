/**
 * The About page's account of the witness policy built into the verifier: the quorum rule in
 * words, and each witness with its name, URL, key and key fingerprint (the same form as the
 * log key's, so a reader can compare it with what the witness publishes itself). It shows the
 * policy the page enforces — the one inlined at build time — not one the server reads later.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { quorumRule, type QuorumRule } from "@/lib/core/verify";
import { builtInWitnessPolicy, keyFingerprint } from "@/lib/browser/verify/built-in-log";

export async function WitnessPolicySection() {
  const t = await getTranslations("about");
  const locale = await getLocale();
  const policy = builtInWitnessPolicy();
  const join = (names: string[], type: "conjunction" | "disjunction") => new Intl.ListFormat(locale, { style: "long", type }).format(names);
  const say = (rule: QuorumRule, nested = false): string => {
    if (rule.kind === "none") return t("witnessRule.none");
    if (rule.kind === "witness") return rule.name;
    const members = rule.members.map((m) => say(m, true));
    const text =
      rule.threshold === rule.members.length && rule.members.length > 1
        ? t("witnessRule.all", { members: join(members, "conjunction") })
        : rule.threshold === 1
          ? rule.members.length === 1
            ? members[0]!
            : t("witnessRule.any", { members: join(members, "disjunction") })
          : t("witnessRule.k", { k: rule.threshold, members: join(members, "disjunction") });
    return nested ? `(${text})` : text;
  };
  return (
    <section aria-labelledby="witnesses" className="space-y-2 rounded border border-stone-300 bg-white p-4">
      <h2 id="witnesses" className="text-xl font-semibold">
        {t("witnessesTitle")}
      </h2>
      <p>{t("witnessesIntro")}</p>
      {policy === null ? (
        <p data-testid="witness-policy-none">{t("noWitnessPolicy")}</p>
      ) : (
        <>
          <p data-testid="witness-quorum">{t("witnessQuorum", { rule: say(quorumRule(policy)) })}</p>
          <ul className="space-y-3">
            {policy.witnesses.map((w) => (
              <li key={w.name} data-testid="witness" data-witness={w.name}>
                <dl className="space-y-1">
                  <dt className="font-semibold">{t("witnessName")}</dt>
                  <dd>{w.name}</dd>
                  <dt className="font-semibold">{t("witnessUrl")}</dt>
                  <dd className="break-all font-mono">{w.url ?? "—"}</dd>
                  <dt className="font-semibold">{t("witnessKey")}</dt>
                  <dd className="break-all font-mono">{w.verifier.key}</dd>
                  <dt className="font-semibold">{t("fingerprint")}</dt>
                  <dd className="break-all font-mono" data-testid="witness-fingerprint">
                    {keyFingerprint(w.verifier.key)}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
