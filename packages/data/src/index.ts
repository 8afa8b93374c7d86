export const DATA_OK = 1;
