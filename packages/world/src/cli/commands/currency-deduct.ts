import { changeCommand } from "./currency-change-command";

export const currencyDeduct = changeCommand("deduct");
