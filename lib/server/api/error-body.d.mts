/** Types of error-body.mjs (plain JavaScript, for server.mjs too). */
import type { ErrorCode, ParamProblem } from "./contract";

export declare function errorBody(code: ErrorCode, message: string, problems?: readonly ParamProblem[]): string;
