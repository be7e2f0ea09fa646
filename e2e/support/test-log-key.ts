/**
 * The e2e log's signing key. A throwaway key for tests only — it signs nothing but the
 * throwaway e2e database — kept fixed so that the config, the server and every test worker
 * agree on it, and so the tests can check signatures against a key they did not get from
 * the server they are checking.
 */
export const E2E_LOG_ORIGIN = "e2e.gongshi.localhost/log";
export const E2E_SIGNER_KEY = "PRIVATE+KEY+e2e.gongshi.localhost/log+d8ad497f+AS383qb9ctFoDqO7F5Dm0oc2JfGiRsYFe2bZbLuD41Or";
export const E2E_VERIFIER_KEY = "e2e.gongshi.localhost/log+d8ad497f+AWt4y/K0S73YaSU6DgiKbzY1J7Bt+RdR3d5iBsyw9/y8";
