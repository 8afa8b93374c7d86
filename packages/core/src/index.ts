import { DATA_OK } from "@bezgelor/data"; export const CORE_OK = DATA_OK + 1;
