import type { Command } from "../command";
import { accountCreate } from "./account-create";
import { accountPassword } from "./account-password";
import { accountRole } from "./account-role";
import { accountShow } from "./account-show";
import { bot } from "./bot";
import { characterCreate } from "./character-create";
import { characterList } from "./character-list";
import { currencyDeduct } from "./currency-deduct";
import { currencyGrant } from "./currency-grant";
import { currencyShow } from "./currency-show";
import { dbMigrate } from "./db-migrate";
import { goldGrant } from "./gold-grant";
import { ledgerAudit } from "./ledger-audit";
import { ledgerShow } from "./ledger-show";
import { mailSend } from "./mail-send";
import { serve } from "./serve";
import { sessionIssue } from "./session-issue";
import { collectionGrant } from "./collection-grant";
import { collectionShow } from "./collection-show";
import { petXp } from "./pet-xp";
import { promoCreate } from "./promo-create";
import { promoDisable } from "./promo-disable";
import { promoList } from "./promo-list";
import { promoRedeem } from "./promo-redeem";
import { promoShow } from "./promo-show";
import { storeBuy } from "./store-buy";
import { storeCatalog } from "./store-catalog";
import { storePreview } from "./store-preview";
import { storeRateList } from "./store-rate-list";
import { storeRateSet } from "./store-rate-set";
import { storeRestock } from "./store-restock";
import { storeSetPrice } from "./store-set-price";
import { storeTx } from "./store-tx";
import { vipSet } from "./vip-set";
import { storeDealList } from "./store-deal-list";
import { storeDealSet } from "./store-deal-set";
import { storeImport } from "./store-import";
import { storeOfferList } from "./store-offer-list";
import { storeOfferSet } from "./store-offer-set";
import { storeOfferShow } from "./store-offer-show";
import { storePromotionCreate } from "./store-promotion-create";
import { storePromotionList } from "./store-promotion-list";
import { storeSync } from "./store-sync";

/**
 * Every CLI command, in the order `--help` lists them: one file per command,
 * `cli/commands/<group>-<verb>.ts` (or `<verb>.ts` for a command of one word). A command adds its
 * file and a line here.
 */
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
  storeSetPrice,
  storeRestock,
  storeRateList,
  storeRateSet,
  storeCatalog,
  storePreview,
  storeTx,
  vipSet,
  storePromotionCreate,
  storePromotionList,
  storeDealSet,
  storeDealList,
  storeBuy,
  storeSync,
  promoCreate,
  promoList,
  promoShow,
  collectionShow,
  collectionGrant,
  petXp,
  promoDisable,
  promoRedeem,
  bot,
];
