/**
 * The e2e witnesses' keys: throwaway keys for tests only, fixed so that the policy built into
 * the e2e pages (e2e/support/witness-policy.txt), the witnesses the supervisor starts
 * (e2e/support/witness-supervisor.ts) and the tests agree on them without asking the server.
 */
export interface TestWitness {
  /** The policy's name for it, as the verifier shows it. */
  name: string;
  signerKey: string;
  verifierKey: string;
  port: number;
}

export const E2E_WITNESSES: readonly TestWitness[] = [
  {
    name: "海平日报",
    signerKey: "PRIVATE+KEY+e2e.haiping-daily.localhost/witness+a3d629dc+BEfza4ksoxoUd9D6cTNwCubHeiV9RK9CXZ4T9g574/mc",
    verifierKey: "e2e.haiping-daily.localhost/witness+a3d629dc+BLh3ZXC6dVBBr/p1ANNIiYSydHXtKDXorj0oB9TsJpJI",
    port: 3111,
  },
  {
    name: "海平市档案馆",
    signerKey: "PRIVATE+KEY+e2e.haiping-archives.localhost/witness+27500ce0+BBmroDASkwUHNQzjCWR4sGLzL1nxdtOECjJbYYexdjBZ",
    verifierKey: "e2e.haiping-archives.localhost/witness+27500ce0+BM1DDi5Hv41orkYAIFbhpb7M8uLdaxbpfog+x0Df5Oxl",
    port: 3112,
  },
];

/** Where the supervisor keeps the witnesses' data (git-ignored, recreated every run). */
export const E2E_WITNESS_ROOT = ".e2e-witnesses";
export const E2E_WITNESS_POLICY = "e2e/support/witness-policy.txt";
