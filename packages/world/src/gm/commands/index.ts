import type { GmCommand } from "../command";
import { achievement } from "./achievement";
import { help } from "./help";
import { kill } from "./kill";
import { mount } from "./mount";
import { path } from "./path";
import { pet } from "./pet";
import { petxp } from "./petxp";
import { redeem } from "./redeem";
import { rep } from "./rep";
import { title } from "./title";
import { buy } from "./buy";
import { inventory } from "./inventory";
import { ledger } from "./ledger";
import { store } from "./store";
import { storeRestock } from "./store-restock";
import { storeSetprice } from "./store-setprice";
import { storeSync } from "./store-sync";

/** Every GM chat command, in the order `!help` lists them. A command adds its file and a line here. */
export const GM_COMMANDS: readonly GmCommand[] = [
  help,
  redeem,
  store,
  buy,
  inventory,
  ledger,
  rep,
  kill,
  title,
  achievement,
  path,
  storeRestock,
  storeSetprice,
  storeSync,
  mount,
  pet,
  petxp,
];
