import type { IncomingMessage } from "node:http";

export declare const CLIENT_ADDRESS_HEADER: "x-gongshi-client-address";
export declare function clientAddressPreparer(trustedProxies: string | undefined): (req: IncomingMessage) => void;
