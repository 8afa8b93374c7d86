import { changeCommand } from "./currency-change-command";

export const currencyGrant = changeCommand("grant");
