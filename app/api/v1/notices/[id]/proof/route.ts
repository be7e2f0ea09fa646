/**
 * The design's original path for the journalist's bundle: the same file as
 * /api/v1/notices/{id}/bundle (every committed version, gongshi/proof-bundles/v1).
 */
export { downloadNoticeBundles as GET } from "@/lib/server/verify-service/notice-bundles-download";
