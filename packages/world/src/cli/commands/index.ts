import type { Command } from "../command";
import { accountCreate, accountPassword, accountRole, accountShow, sessionIssue } from "./account";
import { bot } from "./bot";
import { characterCreate, characterList, goldGrant } from "./character";
import { currencyDeduct, currencyGrant, currencyShow } from "./currency";
import { dbMigrate } from "./db";
import { ledgerAudit, ledgerShow } from "./ledger";
import { mailSend } from "./mail";
import { promoCreate, promoDisable, promoList, promoRedeem, promoShow } from "./promo";
import { serve } from "./serve";
import { storeBuy, storeDealList, storeDealSet, storeImport, storeOfferList, storeOfferSet, storeOfferShow, storePromotionCreate, storePromotionList } from "./store";

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
  storeImport,
  storeOfferList,
  storeOfferShow,
  storeOfferSet,
  storePromotionCreate,
  storePromotionList,
  storeDealSet,
  storeDealList,
  storeBuy,
  promoCreate,
  promoList,
  promoShow,
  promoDisable,
  promoRedeem,
  bot,
];
