/**
 * The e2e mirrors: ports, databases and the fault mirror's cosigning key (cosignature/v1, the
 * witness key format, lib/core/log/cosignature.ts). Throwaway keys for tests only, fixed so that the
 * fault origin's policy (e2e/support/mirror-pair.ts) and the tests agree on them without asking
 * the server they check.
 */
/** The mirror of the main e2e portal (playwright.config.ts), following it every 0.5 s. */
export const E2E_MIRROR_PORT = 3120;
export const E2E_MIRROR_URL = `http://127.0.0.1:${E2E_MIRROR_PORT}`;
export const E2E_MIRROR_DATABASE_URL = process.env.E2E_MIRROR_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e_mirror";

/** The mirror-faults pair (e2e/mirror/mirror-faults.spec.ts): its own origin, mirror and two witnesses. */
export const MF_PORTS = { origin: 3130, mirror: 3131, witnesses: [3132, 3133] } as const;
export const MF_DATABASES = {
  origin: "postgresql://postgres@127.0.0.1:5432/gongshi_e2e_mf_origin",
  fork: "postgresql://postgres@127.0.0.1:5432/gongshi_e2e_mf_fork",
  mirror: "postgresql://postgres@127.0.0.1:5432/gongshi_e2e_mf_mirror",
} as const;

export const MF_MIRROR_WITNESS = {
  /** The fault origin's policy name for its mirror. */
  name: "镜像站",
  signerKey: "PRIVATE+KEY+e2e.mf-mirror.localhost/mirror+587b5783+BNv9m67eBVPqgvnXdrdK64C7eC2bEAm8OaZ+1F4EDYF7",
  verifierKey: "e2e.mf-mirror.localhost/mirror+587b5783+BHwWKMSu/08598QQFQ0o1Ph+QmRZcCPuOfH8O6+pMy99",
} as const;
