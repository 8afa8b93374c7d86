import type { Command } from "../command";
import { accountCreate, accountPassword, accountRole, accountShow, sessionIssue } from "./account";
import { bot } from "./bot";
import { characterCreate, characterList, goldGrant } from "./character";
import { currencyDeduct, currencyGrant, currencyShow } from "./currency";
import { dbMigrate } from "./db";
import { ledgerAudit, ledgerShow } from "./ledger";
import { mailSend } from "./mail";
import { serve } from "./serve";

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  serve,
  dbMigrate,
  accountCreate,
  accountShow,
  accountPassword,
  accountRole,
  sessionIssue,
  characterCreate,
  characterList,
  goldGrant,
  currencyGrant,
  currencyDeduct,
  currencyShow,
  ledgerShow,
  ledgerAudit,
  mailSend,
  bot,
];
