"use client";
/** One agency's API tokens, each revocable after a confirmation step. */
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { RevokeTokenState } from "@/app/[locale]/admin/tokens/actions";

export interface TokenRow {
  id: string;
  label: string;
  prefix: string;
  publishDirectly: boolean;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

const ERRORS = { forbidden: "forbidden", notFound: "errorNotFound", alreadyRevoked: "errorAlreadyRevoked", unexpected: "errorUnexpected" } as const;

export function ApiTokenTable({
  agencyId,
  agencyName,
  tokens,
  action,
}: {
  agencyId: string;
  agencyName: string;
  tokens: TokenRow[];
  action: (state: RevokeTokenState, form: FormData) => Promise<RevokeTokenState>;
}) {
  const t = useTranslations("adminTokens");
  const [state, formAction, pending] = useActionState(action, { error: null, revokedId: null });
  const [confirming, setConfirming] = useState<string | null>(null);
  const headingId = `tokens-${agencyId}`;
  const cell = "border-b border-stone-300 px-2 py-2 text-left align-top";
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-lg font-semibold">
        {agencyName}
      </h3>
      <p aria-live="polite" role="status" className="min-h-5 font-medium text-red-800">
        {state.error ? t(ERRORS[state.error]) : ""}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              {(["label", "prefix", "review", "created", "createdBy", "lastUsed", "status"] as const).map((k) => (
                <th key={k} scope="col" className={cell}>
                  {t(k)}
                </th>
              ))}
              <th scope="col" className={cell}>
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row" className={`${cell} font-medium`}>
                  {token.label}
                </th>
                <td className={`${cell} font-mono`}>{token.prefix}…</td>
                <td className={cell}>{t(token.publishDirectly ? "reviewBypassed" : "reviewFollowed")}</td>
                <td className={cell}>{token.createdAt}</td>
                <td className={cell}>{token.createdBy}</td>
                <td className={cell}>{token.lastUsedAt ?? t("neverUsed")}</td>
                <td className={cell}>{token.revokedAt ? t("revokedAtBy", { at: token.revokedAt, by: token.revokedBy ?? "" }) : t("active")}</td>
                <td className={cell}>
                  {!token.revokedAt && confirming !== token.id && (
                    <button type="button" onClick={() => setConfirming(token.id)} className="rounded border border-red-800 px-3 py-1 text-red-800">
                      {t("revoke")}
                      <span className="sr-only"> {token.label}</span>
                    </button>
                  )}
                  {!token.revokedAt && confirming === token.id && (
                    <form action={formAction} className="space-y-2" onSubmit={() => setConfirming(null)}>
                      <input type="hidden" name="tokenId" value={token.id} />
                      <p>{t("confirmRevoke", { label: token.label })}</p>
                      <div className="flex gap-2">
                        <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 font-medium text-white">
                          {t("confirmRevokeButton")}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)} className="rounded border border-stone-700 px-3 py-1">
                          {t("cancel")}
                        </button>
                      </div>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
